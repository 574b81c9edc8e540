import type { JsonObject, JsonSchema, JsonValue } from '../../workflows/index.js';

/** Something every text field accepts: Chinese, cut or repeated to the length the schema wants. */
const textOf = (schema: JsonSchema, index = 0): string => {
  const min = Number(schema.minLength ?? 1);
  const max = Number(schema.maxLength ?? 200);
  const base = `测试内容${index || ''}`;
  const text = base.length >= min ? base : base.padEnd(min, '文');
  return text.slice(0, Math.max(min, Math.min(max, text.length)));
};

export interface ValueHints {
  today: string;
  personId: string;
}

/** A value the schema accepts, built from its own keywords (for payloads and inputs of any procedure). */
export function validValue(schema: JsonSchema, hints: ValueHints, index = 0): JsonValue {
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.examples)) return schema.examples[0];
  switch (typeof schema.type === 'string' ? schema.type : '') {
    case 'string':
      return schema.format === 'date'
        ? hints.today
        : schema.format === 'uuid'
          ? hints.personId
          : textOf(schema, index);
    case 'number':
    case 'integer':
      return Math.max(Number(schema.minimum ?? 1), 1);
    case 'boolean':
      return false;
    case 'array': {
      const items = (schema.items ?? {}) as JsonSchema;
      return Array.from({ length: Number(schema.minItems ?? 1) }, (_, position) =>
        validValue(items, hints, position + 1),
      );
    }
    case 'object':
      return validObject(schema, hints, {});
    default:
      return null;
  }
}

/** An object with every required property, taking `given` values for the properties it names. */
export function validObject(schema: JsonSchema, hints: ValueHints, given: JsonObject): JsonObject {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const result: JsonObject = {};
  for (const [name, property] of Object.entries(properties)) {
    if (name in given) result[name] = given[name];
    else if (required.has(name)) result[name] = validValue(property, hints);
  }
  return result;
}
