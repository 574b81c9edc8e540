import fc from 'fast-check';

/** Keys that reach object internals when code copies input into objects carelessly. */
export const PROTOTYPE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'valueOf',
];

/** Strings people (or scripts) type where ids, dates, codes and names are expected. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\ud800',
  '\ufeff',
  '\u202e回避',
  '𠮷'.repeat(70),
  'null',
  'undefined',
  'NaN',
  'true',
  '[]',
  '{}',
  '-1',
  '1e400',
  '0x10',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31',
  '0000-01-01',
  '2026-03-02T25:61:00Z',
  '2026-Q5',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'not-a-uuid',
  '../../etc/passwd',
  '%2e%2e%2f',
  '<script>alert(1)</script>',
  "'; DROP TABLE matter; --",
  '${7*7}',
  '<% it.x %>',
  'A'.repeat(70),
  'x'.repeat(5000),
];

const NASTY_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, -1e308, 5e-324];

/** One value of any JSON type, picked to break validators and the database more than to look plausible. */
/** PostgreSQL text cannot hold U+0000: the classic way to turn a refusal into a server error. */
const NUL_STRINGS = ['\u0000', 'a\u0000b', '名\u0000字'];

export const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...NUL_STRINGS), weight: 1 },
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS), weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 300 }), weight: 1 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double({ noNaN: true }), weight: 1 },
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...PROTOTYPE_KEYS),
  fc.string({ maxLength: 20 }),
);

/** Arrays nested `depth` deep: a parser or validator that recurses without bound falls over. */
const nested = (depth: number, leaf: unknown): unknown => {
  let value = leaf;
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value };
  return value;
};

/** Any JSON value: scalars, arrays where objects belong and the reverse, prototype keys, deep nesting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: hostileScalar, weight: 6 },
    { arbitrary: fc.array(tie('value'), { maxLength: 4 }), weight: 1 },
    { arbitrary: fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }), weight: 1 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: 30, max: 2000 }), hostileScalar)
        .map(([d, leaf]) => nested(d, leaf)),
      weight: 1,
    },
  ),
})).value;

/** A string as a form field or query value carries it: text only, sometimes repeated (an array). */
export const hostileText: fc.Arbitrary<string | string[]> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...NUL_STRINGS), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }), weight: 2 },
  { arbitrary: fc.constantFrom(...NASTY_NUMBERS).map(String), weight: 1 },
  { arbitrary: fc.array(fc.constantFrom(...NASTY_STRINGS), { minLength: 2, maxLength: 3 }), weight: 1 },
);

/** A path segment where an id, code, version or month belongs. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS.filter((text) => text !== ''), ...NUL_STRINGS),
  fc.constantFrom('99999999999999999999', '2147483648', '-1', '0', '1.5', '1e3', 'x'.repeat(3000)),
  fc.uuid(),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

/** An Idempotency-Key: visible ASCII of any length (HTTP refuses control characters before the app). */
export const hostileIdempotencyKey: fc.Arbitrary<string> = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
    maxLength: 250,
  }),
  fc.constantFrom(' ', 'x'.repeat(8000), 'a b', '"quoted"'),
);
