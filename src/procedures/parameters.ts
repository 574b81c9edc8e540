import type { JsonObject, JsonValue } from '../../workflows/index.js';

const isParamRef = (value: JsonValue): value is { $param: string } =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length === 1 &&
  typeof value.$param === 'string';

/**
 * Replaces every `{ $param: name }` in `value` with the parameter's value; names not found are reported
 * through `onUnknown` and left in place.
 */
export function resolveParameters<T extends JsonValue>(
  value: T,
  parameters: JsonObject,
  onUnknown: (name: string) => void = () => {},
): T {
  const walk = (node: JsonValue): JsonValue => {
    if (isParamRef(node)) {
      if (!(node.$param in parameters)) {
        onUnknown(node.$param);
        return node;
      }
      return structuredClone(parameters[node.$param]);
    }
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node === 'object' && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
    }
    return node;
  };
  return walk(value) as T;
}
