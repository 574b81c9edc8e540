import { compileSchema } from '../../src/common/json-schema.js';
import { yuan } from '../../workflows/events/schema.js';

const payload = () => ({
  type: 'object',
  additionalProperties: false,
  properties: { note: { type: 'string', maxLength: 5 } },
  required: ['note'],
});

describe('compileSchema', () => {
  it('compiles equal schemas once, whoever asks, and validates as compiled', () => {
    const first = compileSchema(payload());
    expect(compileSchema(payload())).toBe(first);
    expect(first({ note: 'ok' })).toBe(true);
    expect(first({ note: 'too long' })).toBe(false);
    expect(first({ note: 'ok', extra: 1 })).toBe(false);
  });

  it('keeps schemas that differ apart', () => {
    const longer = { ...payload(), properties: { note: { type: 'string', maxLength: 50 } } };
    expect(compileSchema(longer)).not.toBe(compileSchema(payload()));
    expect(compileSchema(longer)({ note: 'too long' })).toBe(true);
  });

  it('refuses a schema that is not valid, every time it is asked', () => {
    const broken = { type: 'object', properties: { note: { type: 'text' } } };
    expect(() => compileSchema(broken)).toThrow();
    expect(() => compileSchema(broken)).toThrow();
  });

  it('compiles two schemas naming the same $id each on its own', () => {
    const a = { $id: 'https://example.org/p', ...payload() };
    const b = { $id: 'https://example.org/p', type: 'object', additionalProperties: false, properties: {} };
    expect(compileSchema(a)({ note: 'ok' })).toBe(true);
    expect(compileSchema(b)({})).toBe(true);
  });

  it('takes an amount in yuan to the fen, in the millions too, and nothing finer', () => {
    const amount = compileSchema(yuan());
    for (const fine of [0, 0.07, 0.1, 1234.5, 12500.5, 123456789.12, 9999999999.99]) {
      expect([fine, amount(fine)]).toEqual([fine, true]);
    }
    for (const finer of [0.001, 12.345, 0.1 + 0.2, 1e-7, -1, 1e11]) {
      expect([finer, amount(finer)]).toEqual([finer, false]);
    }
  });
});
