import { getNextTransitions, type AnyMachineSnapshot } from 'xstate';
import type { EventSpec } from '../../workflows/index.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';

/** Acts open at every step that nobody is waited for: the supervisors' and villagers' objections. */
const ALWAYS_OPEN = new Set(['OBJECT', 'FILE_OBJECTION']);

/** The acts that would move the matter on from where it is (guards aside), once each. */
export function awaitedActs(
  procedure: BuiltProcedure,
  snapshot: AnyMachineSnapshot,
): { type: string; spec: EventSpec }[] {
  if (snapshot.status === 'done') return [];
  const acts = new Map<string, EventSpec>();
  for (const transition of getNextTransitions(snapshot)) {
    const type = transition.eventType as string;
    const spec = procedure.events.get(type)?.spec;
    if (!spec || ALWAYS_OPEN.has(type) || !transition.target?.length) continue;
    if (!spec.roles.every((role) => role === 'system')) acts.set(type, spec);
  }
  return [...acts].map(([type, spec]) => ({ type, spec }));
}

/**
 * The roles a matter now waits for: those that may take a step moving it on. Kept on the matter row at
 * every transition, so an inbox is one indexed query rather than a machine per running matter.
 */
export function awaitingRoles(procedure: BuiltProcedure, snapshot: AnyMachineSnapshot): string[] {
  const roles = new Set<string>();
  for (const { spec } of awaitedActs(procedure, snapshot))
    for (const role of spec.roles) if (role !== 'system') roles.add(role);
  return [...roles].sort();
}

/** Of the awaited acts, those someone holding `held` may take. */
export const actsFor = (procedure: BuiltProcedure, snapshot: AnyMachineSnapshot, held: ReadonlySet<string>) =>
  awaitedActs(procedure, snapshot)
    .filter(({ spec }) => spec.roles.some((role) => held.has(role)))
    .map(({ type, spec }) => ({ type, title: spec.title }));
