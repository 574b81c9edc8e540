import fc from 'fast-check';
import type { JsonSchema, JsonValue, NamedRef, ProcedureDefinition } from '../../workflows/index.js';
import { buildStateTree, type StateTreeNode } from '../../src/procedures/state-graph.js';

/** What the mutants of `definition-mutants.ts` are made from: a base item's parts, and guards worth testing. */

/** The definition path of a state node from its dotted tree path. */
export const statePath = (path: string) =>
  ['machine', ...path.split('.').flatMap((key) => ['states', key])].join('/');

interface Transition {
  path: string;
  from: string;
}

/** What a base item offers to be mutated: its states, transitions, meetings, events and inputs. */
export function partsOf(definition: ProcedureDefinition) {
  const id = definition.machine.id;
  const nodes = [...buildStateTree(definition.machine).values()].filter((node) => node.path !== '');
  const transitions: Transition[] = [];
  const meetings: string[] = [];
  for (const node of nodes) {
    for (const [event, list] of Object.entries(node.data.on ?? {})) {
      list.forEach((transition, index) => {
        const path = `${statePath(node.path)}/on/${event}/${index}`;
        if (transition.target) transitions.push({ path, from: node.path });
        (transition.actions ?? []).forEach((action, at) => {
          if (action.type === 'openMeeting') meetings.push(`${path}/actions/${at}/params`);
        });
      });
    }
  }
  const sources = nodes.filter((node) => node.data.type !== 'final' && !node.data.always);
  const routes = new Set<string>(['other']);
  JSON.stringify(definition.machine, (_key, value: unknown) => {
    const ref = value as NamedRef | null;
    if (ref && typeof ref === 'object' && ref.type === 'markRoute') routes.add(ref.params?.route as string);
    return value;
  });
  const carriedOut = Object.keys(definition.outcomes).filter(
    (state) => definition.outcomes[state] === 'carriedOut',
  );
  const properties = (definition.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  return {
    id,
    nodes,
    sources,
    routes: [...routes],
    targets: nodes.map((node) => `#${id}.${node.path}`),
    carriedOut: carriedOut.map((state) => `#${id}.${state}`),
    steps: nodes.filter((node) => node.parent?.path === '' && node.data.type !== 'final'),
    transitions,
    meetings,
    events: Object.keys(definition.events),
    inputs: Object.entries(properties),
  };
}
export type Parts = ReturnType<typeof partsOf>;

/** Where a top-level step led: the targets outside it of the transitions inside it. */
export function exitsOf(parts: Parts, step: StateTreeNode): string[] {
  const inside = (target: string) =>
    target === `#${parts.id}.${step.path}` || target.startsWith(`#${parts.id}.${step.path}.`);
  const exits = new Set<string>();
  const visit = (node: StateTreeNode) => {
    for (const list of Object.values(node.data.on ?? {}))
      for (const transition of list)
        if (transition.target?.startsWith('#') && !inside(transition.target)) exits.add(transition.target);
    for (const transition of node.data.always ?? [])
      if (transition.target?.startsWith('#') && !inside(transition.target)) exits.add(transition.target);
    node.children.forEach(visit);
  };
  visit(step);
  return [...exits];
}

/** A guard on the matter's context, the payload or the facts, with values worth testing. */
export function guardFor(
  parts: Parts,
  event: string,
  definition: ProcedureDefinition,
): fc.Arbitrary<NamedRef | undefined> {
  const payload = Object.entries(
    (definition.events[event].payload.properties ?? {}) as Record<string, JsonSchema>,
  );
  const facts = definition.events[event].facts ?? [];
  const valuesOf = (schema: JsonSchema): JsonValue[] =>
    Array.isArray(schema.enum)
      ? schema.enum
      : schema.type === 'boolean'
        ? [true, false]
        : schema.type === 'number' || schema.type === 'integer'
          ? [0, 10000, 50000, 100000, 1000000]
          : ['特殊情况', 'xx'];
  const context: fc.Arbitrary<NamedRef>[] =
    parts.inputs.length === 0
      ? []
      : [
          fc.constantFrom(...parts.inputs).chain(([input, schema]) =>
            fc.oneof(
              fc
                .constantFrom(...valuesOf(schema))
                .map((value) => ({ type: 'inputEquals', params: { input, value } })),
              fc
                .subarray(valuesOf(schema), { minLength: 1 })
                .map((values) => ({ type: 'inputIn', params: { input, values } })),
              fc
                .constantFrom(10000, 50000, 100000, 1000000)
                .chain((value) =>
                  fc
                    .constantFrom('inputAtLeast', 'inputBelow')
                    .map((type) => ({ type, params: { input, value } })),
                ),
            ),
          ),
        ];
  const onPayload: fc.Arbitrary<NamedRef>[] =
    payload.length === 0
      ? []
      : [
          fc.constantFrom(...payload).chain(([field, schema]) =>
            fc.oneof(
              fc
                .constantFrom(...valuesOf(schema))
                .map((value) => ({ type: 'payloadEquals', params: { field, value } })),
              fc.constant({ type: 'payloadAbsent', params: { field } }),
            ),
          ),
        ];
  const onFacts: fc.Arbitrary<NamedRef>[] =
    facts.length === 0
      ? []
      : [
          fc
            .constantFrom(...facts)
            .chain((fact): fc.Arbitrary<NamedRef> =>
              fact === 'tally'
                ? fc
                    .constantFrom('passed', 'lost')
                    .map((outcome) => ({ type: 'voteOutcomeIs', params: { outcome } }))
                : fact === 'openObjections'
                  ? fc
                      .integer({ min: 0, max: 2 })
                      .map((value) => ({ type: 'factAtMost', params: { fact, value } }))
                  : fc.boolean().map((value) => ({ type: 'factEquals', params: { fact, value } })),
            ),
        ];
  const onRoute = fc
    .subarray(parts.routes, { minLength: 1 })
    .map((routes): NamedRef => ({ type: 'routeIs', params: { routes } }));
  const simple = [...context, onRoute, ...onPayload, ...onFacts];
  const combined =
    simple.length === 0
      ? []
      : [
          fc
            .tuple(
              fc.constantFrom('allOf', 'anyOf'),
              fc.array(fc.oneof(...simple), { minLength: 1, maxLength: 2 }),
            )
            .map(([type, guards]): NamedRef => ({
              type,
              params: { guards: guards as unknown as JsonValue[] },
            })),
          fc
            .oneof(...simple)
            .map((guard): NamedRef => ({ type: 'not', params: { guard: guard as unknown as JsonValue } })),
        ];
  return fc.oneof(fc.constant(undefined), ...simple, ...combined);
}
