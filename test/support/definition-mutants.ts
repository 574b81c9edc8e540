import fc from 'fast-check';
import {
  MEETING_BODIES,
  ROLES,
  RULE_SETS,
  type JsonValue,
  type ProcedureDefinition,
  type StepMark,
  type TransitionData,
} from '../../workflows/index.js';
import { mutated, type Mutation } from '../fixtures/adversarial/mutation.js';
import { exitsOf, guardFor, partsOf, statePath, type Parts } from './mutant-parts.js';

/** A definition changed in one place, with what was changed. */
export interface Mutant {
  base: string;
  change: string;
  definition: ProcedureDefinition;
}

const MARKS: StepMark[] = [
  'approval',
  'supervisorSignOff',
  'townshipApproval',
  'tenderAward',
  'proposal',
  'sealUse',
];

/** Drops a top-level step: every transition into it goes where it led instead. */
function dropStep(parts: Parts, definition: ProcedureDefinition): fc.Arbitrary<[string, Mutation[]]> | null {
  const droppable = parts.steps
    .map((step) => ({ step, exits: exitsOf(parts, step) }))
    .filter(({ exits }) => exits.length > 0);
  if (droppable.length === 0) return null;
  return fc.constantFrom(...droppable).chain(({ step, exits }) =>
    fc.constantFrom(...exits).map((leadsTo): [string, Mutation[]] => {
      const into = (target: string) =>
        target === `#${parts.id}.${step.path}` ||
        target.startsWith(`#${parts.id}.${step.path}.`) ||
        target === step.path;
      const targets = new Set<string>();
      JSON.stringify(definition.machine, (key, value: unknown) => {
        if (key === 'target' && typeof value === 'string' && into(value)) targets.add(value);
        return value;
      });
      const mutations: Mutation[] = [...targets].map((from) => ({ op: 'retarget', from, to: leadsTo }));
      mutations.push({ op: 'remove', path: statePath(step.path) });
      if (definition.machine.initial === step.path)
        mutations.push({
          op: 'set',
          path: 'machine/initial',
          value: leadsTo.slice(parts.id.length + 2).split('.')[0],
        });
      return [`drop ${step.path}, leading to ${leadsTo}`, mutations];
    }),
  );
}

/** A shortcut from any state, on any event, behind any guard, to a carried-out ending (or anywhere). */
function shortcut(parts: Parts, definition: ProcedureDefinition): fc.Arbitrary<[string, Mutation[]]> {
  return fc
    .tuple(fc.constantFrom(...parts.sources), fc.constantFrom(...parts.events))
    .chain(([from, event]) =>
      fc.tuple(
        fc.constant(from),
        fc.constant(event),
        guardFor(parts, event, definition),
        fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...parts.carriedOut) },
          fc.constantFrom(...parts.targets),
        ),
      ),
    )
    .map(([from, event, guard, target]): [string, Mutation[]] => {
      const transition: TransitionData = { target, ...(guard ? { guard } : {}) };
      return [
        `shortcut ${from.path} —${event} ${JSON.stringify(guard ?? null)}→ ${target}`,
        [
          {
            op: 'prepend',
            path: `${statePath(from.path)}/on/${event}`,
            value: transition as unknown as JsonValue,
          },
        ],
      ];
    });
}

function retarget(parts: Parts): fc.Arbitrary<[string, Mutation[]]> | null {
  if (parts.transitions.length === 0) return null;
  return fc
    .tuple(fc.constantFrom(...parts.transitions), fc.constantFrom(...parts.targets, ...parts.carriedOut))
    .map(([transition, target]): [string, Mutation[]] => [
      `retarget ${transition.path} to ${target}`,
      [{ op: 'set', path: `${transition.path}/target`, value: target }],
    ]);
}

function changeMeeting(parts: Parts): fc.Arbitrary<[string, Mutation[]]> | null {
  if (parts.meetings.length === 0) return null;
  const bodies = Object.keys(MEETING_BODIES);
  const ruleSets = RULE_SETS.map((ruleSet) => ruleSet.code);
  return fc
    .tuple(
      fc.constantFrom(...parts.meetings),
      fc.option(fc.constantFrom(...bodies)),
      fc.option(fc.constantFrom(...ruleSets)),
    )
    .filter(([, body, ruleSet]) => body !== null || ruleSet !== null)
    .map(([path, body, ruleSet]): [string, Mutation[]] => [
      `meeting ${path}: body ${body ?? '(kept)'}, rule set ${ruleSet ?? '(kept)'}`,
      [
        ...(body ? [{ op: 'set', path: `${path}/body`, value: body } as const] : []),
        ...(ruleSet ? [{ op: 'set', path: `${path}/ruleSet`, value: ruleSet } as const] : []),
      ],
    ]);
}

function changeMarksOrRoles(parts: Parts): fc.Arbitrary<[string, Mutation[]]> {
  return fc.constantFrom(...parts.events).chain((event) =>
    fc.oneof(
      fc
        .subarray(MARKS)
        .map((marks): [string, Mutation[]] => [
          `marks of ${event}: ${marks.join(',')}`,
          [{ op: 'set', path: `events/${event}/marks`, value: marks }],
        ]),
      fc
        .subarray([...ROLES], { minLength: 1, maxLength: 3 })
        .map((roles): [string, Mutation[]] => [
          `roles of ${event}: ${roles.join(',')}`,
          [{ op: 'set', path: `events/${event}/roles`, value: roles }],
        ]),
    ),
  );
}

/** A new act, open to any roles and carrying any marks, from any state to anywhere (an ending too). */
function newAct(parts: Parts, definition: ProcedureDefinition): fc.Arbitrary<[string, Mutation[]]> {
  const endings = Object.keys(definition.outcomes).map((state) => `#${parts.id}.${state}`);
  return fc
    .tuple(
      fc.subarray([...ROLES], { minLength: 1, maxLength: 2 }),
      fc.subarray(MARKS, { maxLength: 1 }),
      fc.constantFrom(...parts.sources),
      fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...endings) }, fc.constantFrom(...parts.targets)),
    )
    .chain(([roles, marks, from, target]) =>
      guardFor(parts, parts.events[0], definition).map((guard): [string, Mutation[]] => [
        `new act by ${roles.join(',')} marked ${marks.join(',') || '-'}: ${from.path} —${JSON.stringify(guard ?? null)}→ ${target}`,
        [
          {
            op: 'set',
            path: 'events/NEW_ACT',
            value: {
              title: '新增操作',
              roles,
              marks,
              payload: { type: 'object', properties: {}, additionalProperties: false },
            },
          },
          {
            op: 'set',
            path: `${statePath(from.path)}/on/NEW_ACT`,
            value: [{ target, ...(guard ? { guard } : {}) }] as unknown as JsonValue,
          },
        ],
      ]),
    );
}

/** A route marked by an act that did not mark one. */
function routeMarked(parts: Parts): fc.Arbitrary<[string, Mutation[]]> | null {
  if (parts.transitions.length === 0) return null;
  return fc
    .tuple(fc.constantFrom(...parts.transitions), fc.constantFrom(...parts.routes))
    .map(([transition, route]): [string, Mutation[]] => [
      `route ${route} marked on ${transition.path}`,
      [
        {
          op: 'append',
          path: `${transition.path}/actions`,
          value: { type: 'markRoute', params: { route, title: route } },
        },
      ],
    ]);
}

/** A second meeting, opened by an act that stays where it is or on entering a state. */
function extraMeeting(parts: Parts): fc.Arbitrary<[string, Mutation[]]> {
  const open = fc
    .tuple(
      fc.constantFrom(...Object.keys(MEETING_BODIES)),
      fc.constantFrom(...RULE_SETS.map((ruleSet) => ruleSet.code)),
    )
    .map(([body, ruleSet]) => ({ type: 'openMeeting', params: { body, ruleSet } }));
  return fc
    .tuple(fc.constantFrom(...parts.sources), fc.constantFrom(...parts.events), open, fc.boolean())
    .map(([state, event, meeting, onEntry]): [string, Mutation[]] => [
      `${JSON.stringify(meeting.params)} opened in ${state.path} ${onEntry ? 'on entry' : `on ${event}`}`,
      [
        onEntry
          ? { op: 'append', path: `${statePath(state.path)}/entry`, value: meeting }
          : { op: 'prepend', path: `${statePath(state.path)}/on/${event}`, value: { actions: [meeting] } },
      ],
    ]);
}

/**
 * One mutant of one of the bases: a step dropped, a transition retargeted, a guarded shortcut added, a
 * meeting's body or rule, an event's marks or roles changed, a new act, a route marked, a second meeting.
 */
export function mutantOf(bases: readonly ProcedureDefinition[]): fc.Arbitrary<Mutant> {
  return fc.constantFrom(...bases).chain((definition) => {
    const parts = partsOf(definition);
    const kinds = [
      dropStep(parts, definition),
      retarget(parts),
      shortcut(parts, definition),
      changeMeeting(parts),
      changeMarksOrRoles(parts),
      newAct(parts, definition),
      routeMarked(parts),
      extraMeeting(parts),
    ].filter((kind): kind is fc.Arbitrary<[string, Mutation[]]> => kind !== null);
    return fc.oneof(...kinds).map(([change, mutations]) => ({
      base: definition.id,
      change,
      definition: mutated(definition, mutations),
    }));
  });
}
