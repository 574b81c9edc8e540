import fc from 'fast-check';
import {
  hostileIdempotencyKey,
  hostileKey,
  hostileSegment,
  hostileText,
  hostileValue,
} from './hostile-values.js';

/** A request that passes validation: what the fuzzer starts from and bends. */
export interface ValidRequest {
  pathIds: Record<string, string>;
  query: Record<string, string>;
  /** JSON for the API, a form for web pages. */
  body?: Record<string, unknown>;
  form: boolean;
  upload: boolean;
  /** Whether the route reads an Idempotency-Key. */
  idempotent: boolean;
}

export interface FuzzedRequest {
  pathIds: Record<string, string>;
  query: string;
  /** Sent as it is: JSON text, form text; or a file's bytes. */
  body?: string;
  upload?: Buffer;
  headers: Record<string, string>;
}

const KEEP = Symbol('keep');
const DROP = Symbol('drop');

/** Sets a key as an own property, `__proto__` included, as JSON.parse on the other side will. */
function withOwn(target: Record<string, unknown>, key: string, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with each field kept, dropped, bent or replaced, and maybe a few fields it never had. */
function bentObject<T>(
  valid: Record<string, T>,
  bend: (value: T) => fc.Arbitrary<unknown>,
  extraValue: fc.Arbitrary<unknown>,
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(valid);
  const choices = entries.map(([, value]) =>
    fc.oneof(
      { arbitrary: fc.constant<unknown>(KEEP), weight: 3 },
      { arbitrary: fc.constant<unknown>(DROP), weight: 1 },
      { arbitrary: bend(value), weight: 3 },
    ),
  );
  return fc
    .tuple(fc.tuple(...choices), fc.dictionary(hostileKey, extraValue, { maxKeys: 2 }))
    .map(([values, extra]) => {
      const bent: Record<string, unknown> = {};
      entries.forEach(([key, value], index) => {
        if (values[index] !== DROP) withOwn(bent, key, values[index] === KEEP ? value : values[index]);
      });
      for (const [key, value] of Object.entries(extra)) withOwn(bent, key, value);
      return bent;
    });
}

/** A JSON value like `valid`, bent anywhere inside: wrong types, missing and extra fields. */
export const bentJson = (valid: unknown): fc.Arbitrary<unknown> =>
  isObject(valid)
    ? fc.oneof(
        { arbitrary: bentObject(valid, bentJson, hostileValue), weight: 4 },
        { arbitrary: hostileValue, weight: 1 },
      )
    : Array.isArray(valid)
      ? fc.oneof(fc.tuple(...valid.map(bentJson)), fc.array(hostileValue, { maxLength: 60 }))
      : hostileValue;

/** Bodies a JSON parser must refuse politely, or that ask for more than the limit. */
const brokenJsonText = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    'nul',
    '',
    '"just a string"',
    '42',
    '{"__proto__":{"polluted":"yes"}}',
    '{"constructor":{"prototype":{"polluted":"yes"}}}',
    '['.repeat(5000) + ']'.repeat(5000),
    JSON.stringify({ big: 'x'.repeat(300_000) }),
  ),
  fc.string({ maxLength: 50 }),
);

const encodeForm = (fields: Record<string, unknown>) => {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const item of Array.isArray(value) ? value : [value]) form.append(key, String(item));
  }
  return form.toString();
};

/** Text fields as a form or query string carries them; bad percent-escapes now and then. */
const bentFields = (valid: Record<string, string>): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: bentObject(valid, () => hostileText, hostileText).map(encodeForm), weight: 6 },
    { arbitrary: fc.constantFrom('%', '%E0%A4%A', 'a=%00', 'a&&&=&', '%ED%A0%80=1'), weight: 1 },
  );

const bentPathIds = (valid: Record<string, string>) =>
  fc.record(
    Object.fromEntries(
      Object.entries(valid).map(([name, id]) => [
        name,
        fc.oneof({ arbitrary: fc.constant(id), weight: 3 }, { arbitrary: hostileSegment, weight: 1 }),
      ]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;

const uploadParts = fc.record({
  content: fc.oneof(fc.uint8Array({ maxLength: 2000 }), fc.constant(new Uint8Array())),
  type: fc.constantFrom(
    'text/plain',
    'application/octet-stream',
    'image/png',
    'application/json',
    'multipart/form-data',
  ),
});

/** The valid request bent in its path ids, query, body and headers: each part may stay as it was. */
export function fuzzedRequests(valid: ValidRequest): fc.Arbitrary<FuzzedRequest> {
  const body =
    valid.body === undefined
      ? fc.constant(undefined)
      : valid.form
        ? bentFields(valid.body as Record<string, string>)
        : fc.oneof(
            { arbitrary: bentJson(valid.body).map((value) => JSON.stringify(value) ?? ''), weight: 6 },
            { arbitrary: brokenJsonText, weight: 1 },
          );
  return fc
    .record({
      pathIds: bentPathIds(valid.pathIds),
      query: bentFields(valid.query),
      body,
      upload: valid.upload ? uploadParts : fc.constant(null),
      idempotencyKey: valid.idempotent ? fc.option(hostileIdempotencyKey) : fc.constant(null),
    })
    .map(({ pathIds, query, body: text, upload, idempotencyKey }) => ({
      pathIds,
      query,
      ...(text === undefined ? {} : { body: text }),
      ...(upload ? { upload: Buffer.from(upload.content) } : {}),
      headers: {
        ...(upload ? { 'content-type': upload.type } : {}),
        ...(idempotencyKey === null ? {} : { 'idempotency-key': idempotencyKey }),
      },
    }));
}
