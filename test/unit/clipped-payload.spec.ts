import { clippedPayload } from '../../src/engine/payloads.js';

/** What a refused act keeps of its payload: cut to the limits, and still text PostgreSQL will store. */
describe('clippedPayload', () => {
  const isWellFormed = (text: string) =>
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

  it('cuts a field to its schema’s length and says how long it was', () => {
    const clipped = clippedPayload(
      { opinion: '同'.repeat(50) },
      { properties: { opinion: { maxLength: 10 } } },
    );
    expect(clipped.opinion).toBe(`${'同'.repeat(10)}…［已截断，原长 50 字］`);
  });

  it('never cuts an emoji or an Extension B character in half, in a value or in a field’s name', () => {
    // 𠈌 and 😀 take two UTF-16 units each: a cut after 9 units would split the fifth.
    const text = '𠈌😀𠈌😀𠈌😀';
    const clipped = clippedPayload(
      { opinion: text, [`x${'😀'.repeat(40)}`]: text },
      { properties: { opinion: { maxLength: 9 } } },
    );
    expect(clipped.opinion).toBe(`𠈌😀𠈌😀…［已截断，原长 12 字］`);
    for (const [key, value] of Object.entries(clipped)) {
      expect(isWellFormed(key)).toBe(true);
      expect(typeof value === 'string' && isWellFormed(value)).toBe(true);
    }
  });
});
