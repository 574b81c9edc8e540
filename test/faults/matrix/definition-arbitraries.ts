import fc from 'fast-check';
import { BUILTIN_PROCEDURES, ROLES, villageItem, type JsonObject } from '../../../workflows/index.js';
import { GUARD_SPECS } from '../../../src/procedures/vocabulary.js';
import { hostileValue } from './hostile-values.js';

type Json = unknown;
type Path = (string | number)[];

/**
 * Definitions to bend: a village item as a village would write one (in a category whose requirements it
 * meets, so that reworded it is admitted), and real catalog items, big and small.
 */
const SOURCES: JsonObject[] = [
  villageItem({
    code: 'X1',
    title: '机井用水审批',
    category: 'C',
    description: '村集体机井用水计划审批',
    startRoles: ['villager', 'committee_member'],
    basis: '村规民约',
    supervised: true,
  }),
  ...['A1', 'B3', 'C1', 'G1', 'H7', 'E1'].map((id) =>
    BUILTIN_PROCEDURES.find((procedure) => procedure.id === id)!,
  ),
].map((definition) => JSON.parse(JSON.stringify(definition)) as JsonObject);

const isContainer = (value: Json): value is Record<string, Json> | Json[] =>
  typeof value === 'object' && value !== null;

/** Every place in a JSON tree, by path, the root last (so an index picks inner places more often). */
function pathsOf(value: Json, path: Path = []): Path[] {
  if (!isContainer(value)) return [path];
  const children = Object.entries(value).flatMap(([key, child]) =>
    pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]),
  );
  return [...children, path];
}

const at = (value: Json, path: Path): Json =>
  path.reduce<Json>((node, key) => (node as Record<string, Json>)[key], value);

/** The kinds of slip a hand-written definition makes, and a few no hand would. */
type Edit =
  | { kind: 'replace'; at: number; with: Json }
  | { kind: 'delete'; at: number }
  | { kind: 'rename'; at: number; to: string }
  | { kind: 'graft'; at: number; from: number };

const NAMES = fc.oneof(
  fc.constantFrom(
    'review',
    'approval',
    'rejected',
    'closed',
    'APPROVE',
    'REJECT',
    'nowhere',
    '#villageItem.closed',
    '__proto__',
    '',
  ),
  fc.constantFrom(...ROLES),
  fc.string({ maxLength: 12 }),
);

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: fc.oneof(hostileValue, NAMES) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('rename' as const), at: fc.nat(), to: NAMES }),
  fc.record({ kind: fc.constant('graft' as const), at: fc.nat(), from: fc.nat() }),
);

function applyEdit(root: Json, change: Edit): Json {
  const paths = pathsOf(root);
  const path = paths[change.at % paths.length];
  if (path.length === 0) return change.kind === 'replace' ? change.with : root;
  const parent = at(root, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path[path.length - 1];
  if (change.kind === 'replace') parent[key] = change.with;
  if (change.kind === 'graft') parent[key] = structuredClone(at(root, paths[change.from % paths.length]));
  if (change.kind === 'delete' || change.kind === 'rename') {
    const value = parent[key];
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
    if (change.kind === 'rename' && !Array.isArray(parent)) {
      Object.defineProperty(parent, change.to, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}

/** A real definition with one to four edits anywhere in it: a target, a role, a guard, a whole state. */
export const editedDefinition: fc.Arbitrary<Json> = fc
  .tuple(fc.constantFrom(...SOURCES), fc.array(edit, { minLength: 1, maxLength: 4 }))
  .map(([source, edits]) => edits.reduce<Json>(applyEdit, structuredClone(source)));

const GUARDS = Object.keys(GUARD_SPECS);

/** A machine drawn from scratch: states wired at random, finals or not, guards known and unknown. */
export const drawnDefinition: fc.Arbitrary<Json> = fc
  .record({
    states: fc.uniqueArray(fc.constantFrom('s0', 's1', 's2', 's3', 's4', 'done', 'refused'), {
      minLength: 1,
      maxLength: 7,
    }),
    events: fc.uniqueArray(fc.constantFrom('GO', 'BACK', 'APPROVE', 'REJECT', 'VOTE'), {
      minLength: 1,
      maxLength: 5,
    }),
    finals: fc.nat({ max: 3 }),
    wiring: fc.array(
      fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.option(fc.constantFrom(...GUARDS, 'noSuchGuard'))),
      {
        maxLength: 12,
      },
    ),
    roles: fc.array(fc.oneof(fc.constantFrom(...ROLES), fc.constant('nobody')), {
      minLength: 0,
      maxLength: 3,
    }),
    category: fc.constantFrom('A', 'B', 'G', 'H', 'Z'),
  })
  .map(({ states, events, finals, wiring, roles, category }) => {
    const finalStates = states.slice(states.length - Math.min(finals, states.length - 1));
    const machineStates = Object.fromEntries(
      states.map((state): [string, JsonObject] => [
        state,
        finalStates.includes(state)
          ? { type: 'final', meta: { title: state } }
          : { meta: { title: state }, on: {} },
      ]),
    );
    for (const [from, event, to, guard] of wiring) {
      const source = machineStates[states[from % states.length]];
      if (!source.on) continue;
      const name = events[event % events.length];
      const on = source.on as Record<string, JsonObject[]>;
      on[name] = [
        ...(on[name] ?? []),
        {
          target: to % 5 === 4 ? 'nowhere' : states[to % states.length],
          ...(guard ? { guard: { type: guard } } : {}),
        },
      ];
    }
    return {
      id: 'X9',
      version: 1,
      title: '随机事项',
      category,
      legalBasis: [{ law: '村规民约', localPractice: true }],
      startRoles: roles.length > 0 ? roles : ['villager'],
      inputSchema: { type: 'object' },
      parameters: {},
      outcomes: Object.fromEntries(finalStates.map((state) => [state, 'carriedOut'])),
      events: Object.fromEntries(
        events.map((name) => [name, { title: name, roles, payload: { type: 'object' } }]),
      ),
      machine: { id: 'drawn', initial: states[0], states: machineStates },
    };
  });

/** Text people change freely: titles and descriptions, with the odd character the database refuses. */
const wording = fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), weight: 8 },
  { arbitrary: fc.constantFrom('a\u0000b', '\u202e标题', '𠮷'.repeat(30)), weight: 1 },
);

/** A village item reworded: its titles and descriptions changed, its machine left sound. */
export const rewordedDefinition: fc.Arbitrary<Json> = fc
  .array(fc.tuple(fc.nat(), wording), { minLength: 1, maxLength: 4 })
  .map((edits) => {
    const definition = structuredClone(SOURCES[0]) as Json;
    const texts = pathsOf(definition).filter((path) =>
      ['title', 'description'].includes(String(path.at(-1))),
    );
    for (const [index, text] of edits) {
      const path = texts[index % texts.length];
      (at(definition, path.slice(0, -1)) as Record<string, Json>)[path.at(-1)!] = text;
    }
    return definition;
  });

/** Definitions as they arrive at run time: mostly bent real ones, some drawn, now and then not one at all. */
export const submittedDefinition: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: editedDefinition, weight: 6 },
  { arbitrary: drawnDefinition, weight: 3 },
  { arbitrary: hostileValue, weight: 1 },
);
