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

/** Text of nothing but spaces (full-width ones too) and line breaks. */
const isBlank = (value: JsonValue): boolean => typeof value === 'string' && value.trim() === '';

/**
 * Blank text says nothing: a field given only spaces is a field not given (a required one is then
 * missing), and a blank entry of a list is empty (too short for any list of names). Without this a title
 * of three spaces satisfied `minLength: 1`. Text with words keeps its spaces, indents and all.
 */
function withoutBlankText(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map((item) => (isBlank(item) ? '' : withoutBlankText(item)));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, child]) => !isBlank(child))
      .map(([key, child]) => [key, withoutBlankText(child)]),
  );
}

/**
 * Validates a client's JSON against a definition's schema and returns a copy with defaults filled in;
 * the original is never changed. Text with NUL characters is refused (PostgreSQL cannot store it), and
 * blank text counts as not given (`withoutBlankText`).
 */
export function validatedCopy(validate: ValidateFunction, value: unknown, code: ErrorCode): JsonObject {
  const copy = withoutBlankText(structuredClone(value ?? {}) as JsonObject) as JsonObject;
  if (hasNulCharacter(copy)) {
    throw new DomainError(code, {
      problems: [
        { field: '(text)', problem: 'must not contain NUL characters', words: '含有不能保存的字符' },
      ],
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

/** Limits of a refused payload's fields where its schema states none. */
const DEFAULT_TEXT = 2000;
const DEFAULT_ITEMS = 100;
const UNKNOWN_FIELDS = 20;
const UNKNOWN_TEXT = 200;
const MAX_STORED = 128 * 1024;

type Schema = JsonObject | undefined;

/**
 * At most `max` characters, counted as the schema's `maxLength` counts them (an emoji or a rare character
 * of Ext-B is one, though two UTF-16 units): never half a pair, which PostgreSQL would refuse to store.
 */
function firstCharacters(text: string, max: number): { text: string; length: number } | null {
  if (text.length <= max) return null;
  const characters = [...text];
  return characters.length <= max
    ? null
    : { text: characters.slice(0, max).join(''), length: characters.length };
}

function clipValue(value: JsonValue, schema: Schema, depth: number): JsonValue {
  if (typeof value === 'string') {
    const max = typeof schema?.maxLength === 'number' ? schema.maxLength : DEFAULT_TEXT;
    const cut = firstCharacters(value, max);
    return cut ? `${cut.text}…［已截断，原长 ${cut.length} 字］` : value;
  }
  if (depth >= 8 && value !== null && typeof value === 'object') return '［嵌套过深，已省略］';
  if (Array.isArray(value)) {
    const max = typeof schema?.maxItems === 'number' ? schema.maxItems : DEFAULT_ITEMS;
    const items = value.slice(0, max).map((item) => clipValue(item, schema?.items as Schema, depth + 1));
    return value.length <= max ? items : [...items, `［另有 ${value.length - max} 项已省略］`];
  }
  if (value !== null && typeof value === 'object') {
    const properties = (schema?.properties ?? {}) as Record<string, JsonObject>;
    const clipped: JsonObject = {};
    let unknown = 0;
    for (const [key, child] of Object.entries(value)) {
      if (key in properties) clipped[key] = clipValue(child, properties[key], depth + 1);
      else if (++unknown <= UNKNOWN_FIELDS) {
        clipped[firstCharacters(key, 64)?.text ?? key] = clipValue(
          child,
          { maxLength: UNKNOWN_TEXT, maxItems: 10 },
          depth + 1,
        );
      }
    }
    if (unknown > UNKNOWN_FIELDS) clipped['［省略］'] = `另有 ${unknown - UNKNOWN_FIELDS} 个未定义字段`;
    return clipped;
  }
  return value;
}

/**
 * A refused payload as it may be kept: each field cut to its schema's limits (or modest defaults), unknown
 * fields few and short, the whole at most 128 KB. A refusal is recorded, not the bulk someone sent with it.
 */
export function clippedPayload(payload: JsonObject, schema?: JsonObject): JsonObject {
  const clipped = clipValue(payload, schema, 0) as JsonObject;
  const size = Buffer.byteLength(JSON.stringify(clipped));
  return size <= MAX_STORED ? clipped : { '［已截断］': `内容过大（${size} 字节），未保存` };
}
