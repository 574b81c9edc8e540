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

  it('counts an emoji or an Extension B character as one, as the schema does, and never cuts one in half', () => {
    // 𠈌 and 😀 are one character each but two UTF-16 units: a cut by units would split one.
    const text = '𠈌😀'.repeat(6);
    const clipped = clippedPayload(
      { opinion: text, short: '😀'.repeat(5), [`x${'😀'.repeat(70)}`]: text },
      { properties: { opinion: { maxLength: 9 }, short: { maxLength: 5 } } },
    );
    expect(clipped.opinion).toBe(`${'𠈌😀'.repeat(4)}𠈌…［已截断，原长 12 字］`);
    expect(clipped.short).toBe('😀'.repeat(5));
    for (const [key, value] of Object.entries(clipped)) {
      expect(isWellFormed(key)).toBe(true);
      expect(typeof value === 'string' && isWellFormed(value)).toBe(true);
    }
    expect(Object.keys(clipped)).toContainEqual(`x${'😀'.repeat(63)}`);
  });
});
