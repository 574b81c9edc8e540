import type { JsonObject, JsonValue } from '../../workflows/index.js';

/** How an input's value is written in a lookup table's key. */
export const asKey = (value: JsonValue | undefined): string =>
  typeof value === 'string' ? value : JSON.stringify(value ?? null);

/** The body a meeting step names: fixed, or chosen by one of the matter's inputs. Undefined if unresolved. */
export function resolveBody(source: JsonValue | undefined, inputs: JsonObject): string | undefined {
  const body =
    typeof source === 'string'
      ? source
      : inputs[(source as { fromInput: string } | undefined)?.fromInput ?? ''];
  return typeof body === 'string' ? body : undefined;
}

/** The rule set a meeting step names: fixed, or looked up in a table by the matter's inputs. */
export function resolveRuleSet(
  source: JsonValue | undefined,
  inputs: JsonObject,
): { code?: string; key: string } {
  if (typeof source === 'string') return { code: source, key: source };
  const { fromInputs, table } = source as { fromInputs: string[]; table: Record<string, string> };
  const key = fromInputs.map((name) => asKey(inputs[name])).join('/');
  return { code: table[key], key };
}
