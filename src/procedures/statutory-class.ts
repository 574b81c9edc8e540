import type { JsonObject, StatutoryClassSource } from '../../workflows/index.js';
import { statutoryClass, type StatutoryClass } from '../../workflows/catalog/statutory-classes.js';
import { asKey } from './meeting-sources.js';

/** The input a class is read from, if the item reads it from one. */
export const classInputOf = (source: StatutoryClassSource | undefined): string | undefined =>
  typeof source === 'object' ? source.fromInput : undefined;

/** The statutory class of a matter with these inputs: fixed by the item, or named by an input. */
export function statutoryClassOf(
  source: StatutoryClassSource | undefined,
  inputs: JsonObject,
): StatutoryClass | undefined {
  if (source === undefined) return undefined;
  if (typeof source === 'string') return statutoryClass(source);
  const value = inputs[source.fromInput];
  const code = source.table ? source.table[asKey(value)] : typeof value === 'string' ? value : undefined;
  return code === undefined ? undefined : statutoryClass(code);
}
