import type { JsonObject, JsonValue } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorCode } from '../common/errors/error-catalog.js';
import { describeSchemaErrors, type ValidateFunction } from '../common/json-schema.js';

const hasNulCharacter = (value: JsonValue): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value)
      ? value.some(hasNulCharacter)
      : typeof value === 'object' && value !== null
        ? Object.values(value).some(hasNulCharacter)
        : false;

/**
 * Validates a client's JSON against a definition's schema and returns a copy with defaults filled in;
 * the original is never changed. Text with NUL characters is refused (PostgreSQL cannot store it).
 */
export function validatedCopy(validate: ValidateFunction, value: unknown, code: ErrorCode): JsonObject {
  const copy = structuredClone(value ?? {}) as JsonObject;
  if (hasNulCharacter(copy)) {
    throw new DomainError(code, {
      problems: [{ field: '(text)', problem: 'must not contain NUL characters' }],
    });
  }
  if (!validate(copy)) throw new DomainError(code, { problems: describeSchemaErrors(validate.errors) });
  return copy;
}

export const SECRET = '[secret]';

const withoutNul = (value: JsonValue): JsonValue =>
  typeof value === 'string'
    ? value.replaceAll('\u0000', '\uFFFD')
    : Array.isArray(value)
      ? value.map(withoutNul)
      : typeof value === 'object' && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, child]) => [key, withoutNul(child)]))
        : value;

/**
 * The payload as it may be written to the trace: secret fields (a secret ballot's choice) replaced, and
 * NUL characters (which PostgreSQL cannot store) shown as U+FFFD, so even a refused payload is kept.
 */
export function redacted(payload: JsonObject, secretFields: readonly string[] = []): JsonObject {
  const storable = withoutNul(payload) as JsonObject;
  if (secretFields.length === 0) return storable;
  return Object.fromEntries(
    Object.entries(storable).map(([key, value]) => [key, secretFields.includes(key) ? SECRET : value]),
  );
}
