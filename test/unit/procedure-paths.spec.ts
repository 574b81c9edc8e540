import type { StateValue } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { BUILTIN_PROCEDURES, type JsonObject, type ProcedureDefinition } from '../../workflows/index.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { statePath } from '../../src/engine/state-path.js';
import { probesFor } from '../../src/procedures/checker/governance-check.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';
import { buildStateTree } from '../../src/procedures/state-graph.js';
import { sampleEvents } from '../support/event-samples.js';

type Step = { event: MatterEvent; state: { value: StateValue } };

/** States a matter can rest in: leaves without eventless (routing) transitions. */
const restingStates = (definition: ProcedureDefinition) =>
  [...buildStateTree(definition.machine).values()]
    .filter((node) => node.children.length === 0 && node.path !== '' && !node.data.always)
    .map((node) => node.path);

const byValue = (state: { value: unknown }) => JSON.stringify(state.value);

/** Generated path tests: every machine, explored by xstate/graph with sample events, for every input that routes it. */
describe.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition] as const))(
  'procedure %s paths',
  (_id, definition) => {
    const built = buildProcedure(definition);
    const events = sampleEvents(definition);
    const probes: JsonObject[] = probesFor(definition, built.config);

    it('reaches every state of the definition, over the inputs that route it', () => {
      const reached = new Set<string>();
      for (const input of probes) {
        for (const path of getShortestPaths(built.machine, { events, input, serializeState: byValue })) {
          reached.add(statePath(path.state.value as StateValue));
        }
      }
      expect(restingStates(definition).filter((state) => !reached.has(state))).toEqual([]);
    });

    it('can finish in every outcome it declares', () => {
      for (const outcome of Object.keys(definition.outcomes)) {
        const found = probes.some(
          (input) =>
            getShortestPaths(built.machine, {
              events,
              input,
              serializeState: byValue,
              toState: (state) => state.value === outcome,
            }).length > 0,
        );
        expect({ outcome, found }).toEqual({ outcome, found: true });
      }
    });
  },
);

describe('A1 simple paths', () => {
  const { machine } = buildProcedure(majorMatterProcedure);

  it('carries out nothing without the party and resolution votes, and both disclosures with the supervisors’ opinion', () => {
    const paths = getSimplePaths(machine, {
      events: sampleEvents(majorMatterProcedure, { exclude: ['OBJECT'] }),
      input: { title: 't', decidingBody: 'representatives' },
      serializeState: byValue,
      toState: (state) => state.value === 'closed',
    });
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      // Each step holds the event and the state it led to; the vote happened in the state before.
      const steps = path.steps as unknown as Step[];
      const passedIn = steps
        .map((step, index) => ({ step, before: steps[index - 1]?.state }))
        .filter(
          ({ step }) =>
            step.event.type === 'CLOSE_VOTE' &&
            (step.event.facts.tally as { outcome: string }).outcome === 'passed',
        )
        .map(({ before }) => statePath(before.value));
      const count = (type: string) => steps.filter((step) => step.event.type === type).length;
      expect(passedIn.some((stage) => stage.startsWith('partyMemberMeeting'))).toBe(true);
      expect(passedIn.some((stage) => stage.startsWith('resolutionMeeting'))).toBe(true);
      expect(count('GIVE_OPINION')).toBe(2);
      expect(count('PUBLIC_PERIOD_ENDED')).toBe(2);
    }
  });
});
