import { getShortestPaths } from 'xstate/graph';
import {
  STEP_PALETTE,
  stepsOfItem,
  villageItemFromSteps,
  type SteppedItemOptions,
  type StepChoice,
} from '../../workflows/index.js';
import { checkDefinition } from '../../src/procedures/definition-checker.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import { sampleEvents } from '../support/event-samples.js';

const item = (steps: StepChoice[], category: SteppedItemOptions['category'] = 'F'): SteppedItemOptions => ({
  code: 'X1',
  title: '农村危房改造申请（协助）',
  category,
  description: '农户申请，村里协助，乡镇审批',
  startRoles: ['villager', 'committee_member'],
  basis: '县住建局危房改造实施方案',
  steps,
});

/** The real item a village asked for: the village assists, posts the list, the township decides. */
const DANGEROUS_HOUSING: StepChoice[] = [
  { kind: 'assist' },
  { kind: 'survey', investigators: 2 },
  { kind: 'appraisal', ruleSet: 'representative-meeting' },
  { kind: 'notice', days: 7, unit: 'calendar' },
  { kind: 'township', limitDays: 10 },
  { kind: 'resultNotice', days: 7, unit: 'calendar' },
];

const codes = (steps: StepChoice[], category?: SteppedItemOptions['category']) =>
  checkDefinition(villageItemFromSteps(item(steps, category)).definition).map((issue) => issue.code);

describe('building a village item (X) from shared steps', () => {
  it('admits 农村危房改造 with 公示 and 乡镇审批, and finishes it carried out', () => {
    const { definition, problems } = villageItemFromSteps(item(DANGEROUS_HOUSING));
    expect(problems).toEqual([]);
    expect(checkDefinition(definition)).toEqual([]);
    const built = buildProcedure(definition!);
    const paths = getShortestPaths(built.machine, {
      events: sampleEvents(definition!),
      input: { title: '危房改造' },
      toState: (state) => state.value === 'closed',
    });
    expect(paths.length).toBeGreaterThan(0);
  });

  it('names the missing 公示 and 乡镇审批 when the item has only 受理 and “两委”审批', () => {
    const found = checkDefinition(
      villageItemFromSteps(item([{ kind: 'accept' }, { kind: 'approval' }])).definition,
    );
    const messages = found.map((issue) => issue.message).join('\n');
    expect(messages).toMatch(/公开（公示）/);
    expect(messages).toMatch(/乡镇审核或审批/);
  });

  it('builds every palette step into a sound machine', () => {
    for (const entry of STEP_PALETTE) {
      const steps: StepChoice[] = [{ kind: entry.kind }];
      const { definition, problems } = villageItemFromSteps(item(steps, 'C'));
      expect({ kind: entry.kind, problems }).toEqual({ kind: entry.kind, problems: [] });
      const structural = checkDefinition(definition, { scope: 'structure' });
      expect({ kind: entry.kind, structural }).toEqual({ kind: entry.kind, structural: [] });
    }
  });

  it('refuses a public period below the floor, a second survey and an unknown step, by step', () => {
    const { definition, problems } = villageItemFromSteps(
      item([
        { kind: 'notice', days: 1 },
        { kind: 'survey' },
        { kind: 'survey' },
        { kind: 'shortcut' as never },
      ]),
    );
    expect(definition).toBeUndefined();
    expect(problems).toEqual([
      { index: 0, message: '公示天数须为 5 至 30 之间的整数' },
      { index: 3, message: '未知的步骤' },
      { index: 2, message: '“入户调查”一个事项最多 1 个' },
    ]);
    expect(villageItemFromSteps(item([])).problems).toEqual([{ message: '至少要有一个步骤' }]);
  });

  it('cannot vote a village item by a rule weaker than its category requires', () => {
    // D needs two thirds; the representatives' simple majority does not pass the checker.
    expect(
      codes(
        [{ kind: 'vote', ruleSet: 'representative-meeting' }, { kind: 'notice' }, { kind: 'supervisor' }],
        'D',
      ),
    ).toContain('GOVERNANCE.MISSING_STEP');
  });

  it('gives its steps back to the editor in order, with their parameters', () => {
    const { definition } = villageItemFromSteps(item(DANGEROUS_HOUSING));
    // Stored as jsonb, the states come back shortest key first: the order is the steps' own.
    const states = Object.entries(definition!.machine.states!).sort(([a], [b]) => a.length - b.length);
    const stored = {
      ...definition!,
      machine: { ...definition!.machine, states: Object.fromEntries(states) },
    };
    expect(stepsOfItem(stored)).toEqual([
      { kind: 'assist' },
      { kind: 'survey', investigators: 2 },
      { kind: 'appraisal', ruleSet: 'representative-meeting' },
      { kind: 'notice', days: 7, unit: 'calendar' },
      { kind: 'township', limitDays: 10 },
      { kind: 'resultNotice', days: 7, unit: 'calendar' },
    ]);
  });
});
