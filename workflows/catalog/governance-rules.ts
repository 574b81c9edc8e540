import type { CategoryCode } from '../types.js';
import type { StatutoryDecider } from './statutory-classes.js';

/**
 * What the district requires of every item of a category (domain.md §2–§4): on every path that ends
 * with the matter carried out, these steps must have happened. An item may skip one only with a stated
 * exemption (shown with the item). Amount thresholds are the district's; a village may not raise them.
 */
export type RequirementKind =
  | 'vote'
  | 'disclosure'
  | 'supervisorSignOff'
  | 'townshipApproval'
  | 'tender'
  | 'decision'
  | 'sealUse'
  | 'townshipDecides'
  | 'appraisalCounted';

export interface GovernanceRule {
  requirement: RequirementKind;
  /** Chinese name of the missing step in messages. */
  title: string;
  /** Only for matters whose input is at least this much (e.g. an amount in yuan). */
  when?: { input: string; atLeast: number };
  /** For votes: the bodies whose passed vote counts, and (if given) the rule sets it must be held under. */
  bodies?: string[];
  ruleSets?: string[];
  /** For disclosures: the kind that must be published (any kind when absent). */
  kind?: string;
  /** For a statutory class's vote: the bodies that may decide, each under a rule set at least this strong. */
  deciders?: StatutoryDecider[];
  /** The law a refusal cites. */
  basis?: string;
}

const VILLAGE_BODIES = ['representatives', 'villagers', 'collectiveMembers'];
const TWO_THIRDS = [
  'land-two-thirds',
  'land-two-thirds-representatives',
  'collective-assembly',
  'collective-representative-assembly',
  'non-member-rights',
];

/** Someone other than the proposer decides: a vote, an approval, a township or supervisor sign-off. */
const DECISION: GovernanceRule = { requirement: 'decision', title: '由他人作出的决定（表决、审批或审核）' };
const SUPERVISION: GovernanceRule = { requirement: 'supervisorSignOff', title: '村务监督委员会审核' };
const DISCLOSURE: GovernanceRule = { requirement: 'disclosure', title: '公开（公示）' };
const TOWNSHIP: GovernanceRule = { requirement: 'townshipApproval', title: '乡镇审核或审批' };

export const CATEGORY_TITLES: Record<CategoryCode, string> = {
  A: '重大事项决策',
  B: '工程项目和物资采购',
  C: '财务管理',
  D: '集体资产、资源和土地',
  E: '宅基地和村民建房',
  F: '民生保障和补贴',
  G: '印章和证明',
  H: '党务和村民自治',
  L: '清单动态调整',
  S: '监督整改',
};

/** Categories of the power list itself; the rest hold the supervisors' own procedures (e.g. rectification). */
export const POWER_CATEGORIES: readonly CategoryCode[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'];

/** Categories whose every item must say what it is by law (a statutory class): the body and rule follow. */
export const CLASSIFIED_CATEGORIES: readonly CategoryCode[] = ['A', 'D'];

export const CATEGORY_RULES: Record<CategoryCode, GovernanceRule[]> = {
  A: [
    DECISION,
    { requirement: 'vote', title: '村民会议或村民代表会议表决通过', bodies: VILLAGE_BODIES },
    { ...DISCLOSURE, title: '决议公开', kind: 'resolution' },
    { ...DISCLOSURE, title: '实施结果公开', kind: 'result' },
    SUPERVISION,
  ],
  B: [
    DECISION,
    DISCLOSURE,
    SUPERVISION,
    {
      requirement: 'vote',
      title: '村民会议或村民代表会议表决通过（5万元以上）',
      bodies: VILLAGE_BODIES,
      when: { input: 'amount', atLeast: 50000 },
    },
    { requirement: 'tender', title: '公开招标（10万元以上）', when: { input: 'amount', atLeast: 100000 } },
  ],
  C: [DECISION, SUPERVISION],
  D: [
    DECISION,
    {
      requirement: 'vote',
      title: '经三分之二以上成员或代表同意的表决',
      bodies: VILLAGE_BODIES,
      ruleSets: TWO_THIRDS,
    },
    DISCLOSURE,
    SUPERVISION,
  ],
  E: [DECISION, DISCLOSURE, TOWNSHIP],
  F: [DECISION, DISCLOSURE, TOWNSHIP],
  // Every seal use is checked against its document and logged (负面清单 N1: never on blank paper).
  G: [DECISION, { requirement: 'sealUse', title: '核对文件后用印并登记' }],
  H: [DECISION, DISCLOSURE],
  // The list changes only with the supervisors' opinion, the township's review and the district's approval.
  L: [DECISION, SUPERVISION, TOWNSHIP],
  // Rectification is checked by whoever found the problem (谁发现谁核实): no separate decision required.
  S: [],
};
