import type { Step } from '../compose/step.js';
import { param } from '../fragments/refs.js';
import { RULE_SETS } from '../rule-sets.js';
import { withDeadline } from '../steps/deadline.js';
import {
  acceptApplication,
  approval,
  archive,
  assistApplication,
  contract,
  implementation,
  payment,
  publicNotice,
  record,
  resolution,
  supervisorReview,
  survey,
  townshipDecision,
} from '../steps/presets.js';
import { tenderStep } from '../steps/tender.step.js';
import { text } from '../events/schema.js';
import type { JsonObject } from '../types.js';

/**
 * The shared steps a village item (X) is built from in the console's editor: each a catalog step with its
 * Chinese title and the few parameters a village may set. The editor keeps the choice on the step's state
 * (`meta.step`) so the item can be edited again; the checker never reads it, only the machine it built.
 */
export type StepKind =
  | 'accept'
  | 'assist'
  | 'survey'
  | 'appraisal'
  | 'vote'
  | 'supervisor'
  | 'approval'
  | 'notice'
  | 'township'
  | 'tender'
  | 'contract'
  | 'implementation'
  | 'inspection'
  | 'payment'
  | 'resultNotice'
  | 'archive';

/** One step as the editor holds it: its kind and the values of its parameters. */
export interface StepChoice {
  kind: StepKind;
  /** Public period (公示天数) of a notice. */
  days?: number;
  unit?: 'calendar' | 'working';
  investigators?: number;
  /** The rule set a meeting votes by; its body follows from it. */
  ruleSet?: string;
  /** The township's time limit in working days (0: none). */
  limitDays?: number;
}

export type PaletteParameter =
  | { name: 'days' | 'investigators' | 'limitDays'; label: string; min: number; max: number; default: number }
  | { name: 'unit' | 'ruleSet'; label: string; options: { value: string; label: string }[]; default: string };

export interface PaletteEntry {
  kind: StepKind;
  title: string;
  /** What the step does, shown as the editor's hint. */
  hint: string;
  parameters: PaletteParameter[];
  /** How often an item may hold the step (steps that record the same act differ in nothing but place). */
  most: number;
}

/** Local examples put notices up for at least 5 working days or 7 days (domain.md, F1, F4, E1). */
const DAYS: PaletteParameter = { name: 'days', label: '公示天数', min: 5, max: 30, default: 7 };
const UNIT: PaletteParameter = {
  name: 'unit',
  label: '天数计法',
  options: [
    { value: 'calendar', label: '自然日' },
    { value: 'working', label: '工作日' },
  ],
  default: 'calendar',
};

/** The village bodies a village item may vote in, each under the rule its law gives. */
const MEETING_RULE_SETS = [
  'two-committee-majority',
  'representative-meeting',
  'representative-ballot',
  'villager-meeting',
  'land-two-thirds-representatives',
  'land-two-thirds',
  'collective-assembly',
  'collective-representative-assembly',
];
const RULE: PaletteParameter = {
  name: 'ruleSet',
  label: '会议与表决规则',
  options: MEETING_RULE_SETS.map((code) => ({
    value: code,
    label: RULE_SETS.find((ruleSet) => ruleSet.code === code)!.title,
  })),
  default: 'representative-meeting',
};

export const STEP_PALETTE: readonly PaletteEntry[] = [
  {
    kind: 'accept',
    title: '受理',
    hint: '村民委员会受理申请，材料不全的可不予受理',
    parameters: [],
    most: 1,
  },
  {
    kind: 'assist',
    title: '协助受理',
    hint: '由乡镇决定的事项：村里协助受理、告知补齐材料，不得终止申请',
    parameters: [],
    most: 1,
  },
  {
    kind: 'survey',
    title: '入户调查',
    hint: '入户调查，调查人员双方签字',
    parameters: [{ name: 'investigators', label: '调查人员至少（人）', min: 2, max: 10, default: 2 }],
    most: 1,
  },
  {
    kind: 'appraisal',
    title: '评议会议',
    hint: '会议民主评议，评议结果随材料报送，不因评议结果终止',
    parameters: [RULE],
    most: 2,
  },
  {
    kind: 'vote',
    title: '表决会议',
    hint: '会议表决，服务器按表决规则计票，未通过的修改或终止',
    parameters: [RULE],
    most: 3,
  },
  { kind: 'supervisor', title: '监委会审核', hint: '村务监督委员会审核并签署意见', parameters: [], most: 2 },
  {
    kind: 'approval',
    title: '“两委”审批',
    hint: '村“两委”审批，发起人本人不能审批',
    parameters: [],
    most: 1,
  },
  {
    kind: 'notice',
    title: '公示',
    hint: '在本村公示，监督委员会审核后发布',
    parameters: [DAYS, UNIT],
    most: 3,
  },
  {
    kind: 'township',
    title: '乡镇审批',
    hint: '乡镇人民政府审核审批；不予同意的终止并说明理由',
    parameters: [{ name: 'limitDays', label: '办理时限（工作日，0 为不设）', min: 0, max: 60, default: 10 }],
    most: 2,
  },
  { kind: 'tender', title: '招标', hint: '进入乡镇“三资”交易中心公开招标（竞价）', parameters: [], most: 1 },
  { kind: 'contract', title: '签订合同', hint: '签订书面合同，报乡镇备案', parameters: [], most: 1 },
  { kind: 'implementation', title: '组织实施', hint: '组织实施，登记进展', parameters: [], most: 1 },
  { kind: 'inspection', title: '验收', hint: '两人以上验收，其中一人为监委会成员', parameters: [], most: 1 },
  { kind: 'payment', title: '资金拨付', hint: '按审定的名单和金额拨付，凭证归档', parameters: [], most: 1 },
  {
    kind: 'resultNotice',
    title: '结果公开',
    hint: '办理结果在本村公开',
    parameters: [DAYS, UNIT],
    most: 1,
  },
  { kind: 'archive', title: '归档', hint: '办理材料整理归档', parameters: [], most: 1 },
];

export const paletteEntry = (kind: string): PaletteEntry | undefined =>
  STEP_PALETTE.find((entry) => entry.kind === kind);

/** A step's title as the item and its chart show it, with the values that matter (公示 7 天). */
export function stepTitle(choice: StepChoice): string {
  const entry = paletteEntry(choice.kind)!;
  if (choice.days !== undefined) {
    return `${entry.title}（${choice.days} 个${choice.unit === 'working' ? '工作日' : '自然日'}）`;
  }
  return entry.title;
}

/** The steps' state keys: the kind, numbered from the second of a kind (notice, notice2…). */
export function stepKeys(choices: readonly StepChoice[]): string[] {
  const seen = new Map<string, number>();
  return choices.map((choice) => {
    const count = (seen.get(choice.kind) ?? 0) + 1;
    seen.set(choice.kind, count);
    return count === 1 ? choice.kind : `${choice.kind}${count}`;
  });
}

/** The catalog step for one choice; `firstKey` is where a lost vote is revised from. */
export function paletteStep(choice: StepChoice, key: string, firstKey: string): Step {
  const title = stepTitle(choice);
  const meeting = () => {
    const ruleSet = RULE_SETS.find((candidate) => candidate.code === choice.ruleSet)!;
    return { body: ruleSet.bodies[0], ruleSet: ruleSet.code, reviseTo: firstKey };
  };
  switch (choice.kind) {
    case 'accept':
      return acceptApplication(title);
    case 'assist':
      return assistApplication(title, '村民委员会协助受理申请，材料不全的一次性告知补齐');
    case 'survey':
      return survey(title, choice.investigators!);
    case 'appraisal':
      return resolution({
        ...meeting(),
        title,
        description: '会议民主评议，评议结果随材料报送',
        abandonTo: 'rejected',
        advisory: true,
      });
    case 'vote':
      return resolution({ ...meeting(), title, description: '会议表决，服务器按表决规则计票' });
    case 'supervisor':
      return supervisorReview(title);
    case 'approval':
      return approval(
        title,
        '村“两委”审批',
        {
          event: 'APPROVE',
          title: '审批同意',
          roles: ['secretary', 'committee_member'],
          fields: { opinion: text(1000) },
        },
        'rejected',
      );
    case 'notice':
      return publicNotice(title, 'resolution', param(`${key}Period`));
    case 'resultNotice':
      return publicNotice(title, 'result', param(`${key}Period`));
    case 'township': {
      const decision = townshipDecision(title, '乡镇人民政府审核审批；不予同意的书面说明理由');
      return choice.limitDays
        ? withDeadline(decision, { title: `${title}（办理时限）`, period: param(`${key}Limit`) })
        : decision;
    }
    case 'tender':
      return tenderStep({ title, description: '进入乡镇“三资”交易中心公开招标（竞价）' });
    case 'contract':
      return contract();
    case 'implementation':
      return implementation(title);
    case 'inspection':
      return record(title, '两人以上验收，其中一人为监委会成员', {
        event: 'RECORD_ACCEPTANCE',
        title: '登记验收结果',
        roles: ['secretary', 'committee_member'],
        fields: { acceptedOn: { type: 'string', format: 'date' }, result: text(2000) },
        required: ['acceptedOn', 'result'],
      });
    case 'payment':
      return payment(title);
    case 'archive':
      return archive();
  }
}

/** The parameters a step's choice puts into the item (its public period, its time limit). */
export function paletteParameters(choice: StepChoice, key: string): JsonObject {
  if (choice.kind === 'notice' || choice.kind === 'resultNotice')
    return { [`${key}Period`]: { days: choice.days!, unit: choice.unit ?? 'calendar' } };
  if (choice.kind === 'township' && choice.limitDays)
    return { [`${key}Limit`]: { days: choice.limitDays, unit: 'working' } };
  return {};
}
