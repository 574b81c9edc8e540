import { isDeepStrictEqual } from 'node:util';
import type { JsonObject, JsonSchema, JsonValue } from '../../workflows/index.js';

/**
 * Definitions state payloads and inputs in JSON Schema 2020-12; the API description is OpenAPI 3.0, whose
 * schema dialect lacks a few of its keywords. These turn one into the other, and fold the schemas that
 * several procedures give the same event into one a client can rely on.
 */

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keywords whose value is a schema, or a list or map of schemas: the walk goes into these only. */
const SUBSCHEMA = new Set(['items', 'not', 'additionalProperties']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/** Conditions between fields (if/then/else) have no OpenAPI 3.0 form: the server still checks them. */
const CONDITIONS = new Set(['if', 'then', 'else']);

export interface ConvertedSchema {
  schema: JsonObject;
  /** Whether conditions were left out, so a description can say the server checks more. */
  droppedConditions: boolean;
}

/** A JSON Schema as OpenAPI 3.0 states it: `const` as a one-value `enum`, one `example`, no conditions. */
export function toOpenApiSchema(schema: JsonSchema): ConvertedSchema {
  let droppedConditions = false;
  const convert = (node: JsonObject): JsonObject => {
    const out: JsonObject = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (CONDITIONS.has(keyword)) {
        droppedConditions = true;
      } else if (keyword === 'const') {
        out.enum = [value];
      } else if (keyword === 'examples' && Array.isArray(value)) {
        out.example = value[0];
      } else if (keyword === 'properties' && isObject(value)) {
        out.properties = Object.fromEntries(
          Object.entries(value).map(([name, property]) => [
            name,
            isObject(property) ? convert(property) : property,
          ]),
        );
      } else if (SUBSCHEMA.has(keyword) && isObject(value)) {
        out[keyword] = convert(value);
      } else if (SUBSCHEMA_LISTS.has(keyword) && Array.isArray(value)) {
        const kept = value
          .filter(isObject)
          .map(convert)
          .filter((entry) => Object.keys(entry).length > 0);
        if (kept.length > 0) out[keyword] = kept;
      } else if (keyword !== '$schema' && keyword !== '$id') {
        out[keyword] = value;
      }
    }
    return out;
  };
  return { schema: convert(schema), droppedConditions };
}

const LOWER_BOUNDS = new Set(['minimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'maxLength', 'maxItems', 'maxProperties']);
/** Words for people: the first schema's stand. */
const ANNOTATIONS = new Set(['title', 'description', 'example', 'default']);

const unionOf = (a: JsonValue[], b: JsonValue[]) => [
  ...a,
  ...b.filter((value) => !a.some((known) => isDeepStrictEqual(known, value))),
];

/**
 * One schema that accepts what either accepts, as tight as plain keywords allow: properties of both
 * (required only where both require them), enums joined, bounds widened, a constraint only one has left
 * out. Where that cannot be said (different types), the two become alternatives (`anyOf`).
 */
export function mergeSchemas(a: JsonObject, b: JsonObject): JsonObject {
  if (isDeepStrictEqual(a, b)) return a;
  if (a.type !== b.type || Array.isArray(a.anyOf) || Array.isArray(b.anyOf)) return alternatives(a, b);
  const merged: JsonObject = {};
  for (const keyword of unionOf(Object.keys(a), Object.keys(b)) as string[]) {
    const [left, right] = [a[keyword], b[keyword]];
    if (left === undefined || right === undefined) {
      // A constraint only one has does not bind the other; words for people are kept.
      if (ANNOTATIONS.has(keyword) || keyword === 'type') merged[keyword] = (left ?? right)!;
      continue;
    }
    if (isDeepStrictEqual(left, right)) merged[keyword] = left;
    else if (keyword === 'properties' && isObject(left) && isObject(right)) {
      merged.properties = Object.fromEntries(
        unionOf(Object.keys(left), Object.keys(right)).map((name) => {
          const [one, other] = [left[name as string], right[name as string]];
          const both = isObject(one) && isObject(other);
          return [name as string, both ? mergeSchemas(one, other) : (one ?? other)!];
        }),
      );
    } else if (keyword === 'required' && Array.isArray(left) && Array.isArray(right)) {
      merged.required = left.filter((name) => right.includes(name));
    } else if (keyword === 'enum' && Array.isArray(left) && Array.isArray(right)) {
      merged.enum = unionOf(left, right);
    } else if (LOWER_BOUNDS.has(keyword)) merged[keyword] = Math.min(Number(left), Number(right));
    else if (UPPER_BOUNDS.has(keyword)) merged[keyword] = Math.max(Number(left), Number(right));
    else if (keyword === 'items' && isObject(left) && isObject(right))
      merged.items = mergeSchemas(left, right);
    else if (ANNOTATIONS.has(keyword)) merged[keyword] = left;
    else if (keyword === 'additionalProperties') merged[keyword] = true;
    else return alternatives(a, b);
  }
  return merged;
}

function alternatives(a: JsonObject, b: JsonObject): JsonObject {
  const options = (schema: JsonObject) => (Array.isArray(schema.anyOf) ? schema.anyOf : [schema]);
  return { anyOf: unionOf(options(a), options(b)) };
}
