import { BUILTIN_PROCEDURES, type MachineData, type StateNodeData } from '../../workflows/index.js';
import { topLevelOrder } from '../../src/procedures/step-order.js';

/** Keys as PostgreSQL's jsonb gives them back: shorter first, then byte order. */
const asJsonb = (states: Record<string, StateNodeData>): Record<string, StateNodeData> =>
  Object.fromEntries(
    Object.entries(states).sort(([a], [b]) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)),
  );

const steps = (machine: MachineData, keys: string[]) =>
  keys.filter((key) => machine.states![key].type !== 'final' && !machine.states![key].always);

describe('the order of a machine’s steps', () => {
  it.each(BUILTIN_PROCEDURES.map((definition) => [definition.id, definition.machine] as const))(
    '%s reads back in its declared order after a round trip through jsonb',
    (_id, machine) => {
      const stored = { ...machine, states: asJsonb(machine.states!) };
      expect(steps(machine, topLevelOrder(stored))).toEqual(steps(machine, Object.keys(machine.states!)));
    },
  );
});
