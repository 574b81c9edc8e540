import type { StateValue } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { BUILTIN_PROCEDURES, type ProcedureDefinition } from '../../workflows/index.js';
import { statePath } from '../../src/engine/state-path.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import { buildStateTree } from '../../src/procedures/state-graph.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';
import { sampleEvents } from '../support/event-samples.js';

type Step = { event: MatterEvent; state: { value: StateValue } };

const leafPaths = (definition: ProcedureDefinition) =>
  [...buildStateTree(definition.machine).values()]
    .filter((node) => node.children.length === 0 && node.path !== '')
    .map((node) => node.path);

const byValue = (state: { value: unknown }) => JSON.stringify(state.value);

/** Generated path tests: every machine, explored by xstate/graph with sample events. */
describe.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition] as const))(
  'procedure %s paths',
  (_id, definition) => {
    const { machine } = buildProcedure(definition);
    const events = sampleEvents(definition);

    it('reaches every state of the definition', () => {
      const paths = getShortestPaths(machine, { events, serializeState: byValue });
      const reached = new Set(paths.map((path) => statePath(path.state.value as never)));
      expect([...leafPaths(definition)].filter((leaf) => !reached.has(leaf))).toEqual([]);
    });

    it('can finish in every outcome it declares', () => {
      for (const outcome of Object.keys(definition.outcomes)) {
        const paths = getShortestPaths(machine, {
          events,
          serializeState: byValue,
          toState: (state) => state.value === outcome,
        });
        expect({ outcome, found: paths.length > 0 }).toEqual({ outcome, found: true });
      }
    });

    it('carries out nothing without passing every required vote and disclosure with the supervisors’ opinion', () => {
      const carriedOut = Object.entries(definition.outcomes)
        .filter(([, kind]) => kind === 'carriedOut')
        .map(([state]) => state);
      const paths = getSimplePaths(machine, {
        events: sampleEvents(definition, { exclude: ['OBJECT'] }),
        serializeState: byValue,
        toState: (state) => carriedOut.includes(state.value as string),
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
        if (definition.id === 'A1') {
          expect(passedIn.some((stage) => stage.startsWith('partyMemberMeeting'))).toBe(true);
          expect(passedIn.some((stage) => stage.startsWith('resolutionMeeting'))).toBe(true);
        }
        expect(count('GIVE_OPINION')).toBe(count('PUBLIC_PERIOD_ENDED'));
        expect(count('GIVE_OPINION')).toBeGreaterThanOrEqual(2);
      }
    });
  },
);
