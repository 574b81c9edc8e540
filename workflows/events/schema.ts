import type { JsonSchema } from '../types.js';

/** Small builders for the JSON Schemas that describe payloads; they only produce data. */

export const text = (maxLength: number, minLength = 1): JsonSchema => ({
  type: 'string',
  minLength,
  maxLength,
});
export const isoDate = (): JsonSchema => ({ type: 'string', format: 'date' });
/**
 * An amount of money in yuan, to the fen: the `yuan` format (supplied by the engine) takes at most two
 * decimals, as accounts and vouchers are kept; `multipleOf: 0.01` cannot say so exactly in binary floating
 * point for amounts in the millions.
 */
export const yuan = (maximum = 1e10): JsonSchema => ({ type: 'number', minimum: 0, maximum, format: 'yuan' });
export const uuid = (): JsonSchema => ({ type: 'string', format: 'uuid' });
export const oneOf = (values: readonly string[]): JsonSchema => ({ type: 'string', enum: [...values] });
export const flag = (): JsonSchema => ({ type: 'boolean' });
export const listOf = (items: JsonSchema, maxItems: number): JsonSchema => ({
  type: 'array',
  items,
  minItems: 1,
  maxItems,
  uniqueItems: true,
});

export const object = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
  additionalProperties: false,
});

export const EMPTY_PAYLOAD = object({});
