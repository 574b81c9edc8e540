import { object, text, yuan } from '../events/schema.js';
import { statutoryClass } from '../catalog/statutory-classes.js';
import type { JsonObject, JsonSchema } from '../types.js';

/**
 * Defaults shared by several items (domain.md §2–§4). Each item copies them into its own parameters,
 * where a village's list may override them; they are defaults, not law, unless marked.
 */

export const TOPIC_SOURCE = [
  'party_member_suggestion',
  'public_suggestion',
  'cadre_proposal',
  'higher_assignment',
];

/** Who resolves: the villager meeting, or the representative meeting it delegated to (art. 24). */
export const DECIDING_BODY = ['representatives', 'villagers'];

/**
 * The rule set each deciding body votes by, for each statutory class the matter may be (`body/class`),
 * taken from the law's table: a class the body may not decide has no entry.
 */
export function classRuleSetTable(
  classes: readonly string[],
  bodies: readonly string[] = DECIDING_BODY,
): JsonObject {
  const table: JsonObject = {};
  for (const code of classes) {
    for (const decider of statutoryClass(code)!.deciders) {
      if (bodies.includes(decider.body)) table[`${decider.body}/${code}`] = decider.ruleSet;
    }
  }
  return table;
}

/**
 * Input conditions that let the deciding body be only one the matter's class allows (e.g. land
 * compensation: the villager meeting as member assembly, never the representatives).
 */
export function bodiesAllowedByClass(
  classInput: string,
  bodyInput: string,
  classes: readonly string[],
  bodies: readonly string[] = DECIDING_BODY,
): JsonSchema[] {
  const allowed = (code: string) =>
    bodies.filter((body) => statutoryClass(code)!.deciders.some((decider) => decider.body === body));
  const groups = new Map<string, string[]>();
  for (const code of classes) {
    const key = allowed(code).join(',');
    if (key !== bodies.join(',')) groups.set(key, [...(groups.get(key) ?? []), code]);
  }
  return [...groups].map(([key, codes]) => ({
    if: { properties: { [classInput]: { enum: codes } }, required: [classInput] },
    then: { properties: { [bodyInput]: { enum: key ? key.split(',') : [] } } },
  }));
}

/**
 * Land matters need two thirds of the villager meeting's members or of the representatives (农村土地承包法
 * 第十九条, 土地管理法 第六十三条): the rule set follows the body chosen.
 */
export const LAND_RULE_SETS: JsonObject = {
  villagers: 'land-two-thirds',
  representatives: 'land-two-thirds-representatives',
};

/** The land vote's rule set, by the deciding body the matter names. */
export const LAND_VOTE = { fromInputs: ['decidingBody'], table: { $param: 'voteRuleSets' } };

/** Time limits on a step (办理时限), counted from the day the step is reached. */
export const TIME_LIMIT = {
  /** 低保: the township confirms within 10 working days of the notice period's end (民发〔2021〕57号). */
  tenWorkingDays: { days: 10, unit: 'working' },
  /** 一事一议: the county's farmers'-burden office answers in writing within 7 working days. */
  sevenWorkingDays: { days: 7, unit: 'working' },
  /** 发展党员: the higher Party committee approves "within three months", taken as 90 days. */
  threeMonths: { days: 90, unit: 'calendar' },
} satisfies Record<string, JsonObject>;

export const PUBLIC_PERIOD = {
  /** Local examples: 7 days between stages; resolutions and results posted for 7 days. */
  sevenDays: { days: 7, unit: 'calendar' },
  fiveWorkingDays: { days: 5, unit: 'working' },
  threeDays: { days: 3, unit: 'calendar' },
  oneDay: { days: 1, unit: 'calendar' },
} satisfies Record<string, JsonObject>;

/**
 * Project and procurement tiers (one county's village rule, domain.md B1): below ¥10,000 the two
 * committees decide and inform the supervisors; from ¥50,000 a villager vote; from ¥100,000 a tender.
 */
export const PROJECT_TIERS = {
  supervisorsInformedFrom: 10000,
  villagerVoteFrom: 50000,
  publicTenderFrom: 100000,
};

/** Every matter has a title and a summary; items add what their routing and meetings need. */
export const matterInputs = (extra: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema =>
  object({ title: text(100, 2), summary: text(5000), ...extra }, ['title', ...required]);

export const amount = (): JsonSchema => yuan();

/** The period a scheduled disclosure covers: `2026-11` (a month) or `2026-Q4` (a quarter). */
export const PERIOD_LABEL: JsonSchema = {
  type: 'string',
  pattern: '^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$',
  examples: ['2026-11', '2026-Q4'],
};
