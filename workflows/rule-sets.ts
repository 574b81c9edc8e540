import type { LegalBasis } from './types.js';

/**
 * Quorum and pass rules as data. A threshold compares one count with a ratio of another:
 * "more than half" (过半数) is strict, "two thirds or more" (三分之二以上) is inclusive.
 */
export type TallyCount =
  | 'roster' // everyone on the meeting's roster (应到)
  | 'entitled' // roster members with a vote (应到会有表决权)
  | 'present' // roster members present (实到)
  | 'presentEntitled' // present members with a vote
  | 'households' // households on the roster (户)
  | 'householdsPresent' // households with at least one member present
  | 'yes';

export interface Threshold {
  count: TallyCount;
  of: TallyCount;
  ratio: [numerator: number, denominator: number];
  comparison: 'moreThan' | 'atLeast';
}

export interface RuleSet {
  code: string;
  version: number;
  title: string;
  legalBasis: LegalBasis[];
  /** The bodies whose votes the rule set may govern: its legal basis names them. */
  bodies: MeetingBody[];
  /**
   * From which day a matter started gets this version (a new version of the law is a new version of the
   * rule set; a matter keeps the version of the day it started). Absent: from the first.
   */
  inForceFrom?: string;
  /** Calendar days of notice the meeting needs before it is held. */
  noticeDays: number;
  /** Quorum: met when any one of these holds. */
  quorum: Threshold[];
  /** The motion passes when this holds. */
  pass: Threshold;
}

/** Who sits on a meeting's roster, computed from memberships on the meeting date. */
export const MEETING_BODIES = {
  branchCommittee: '村党组织委员会',
  twoCommittees: '村“两委”联席会议',
  partyMembers: '党员大会',
  representatives: '村民代表会议',
  villagers: '村民会议',
  collectiveMembers: '集体经济组织成员大会',
  collectiveRepresentatives: '集体经济组织成员代表大会',
  villagerGroup: '村民小组会议',
  /** The 民主测评 of cadres: party members and the representative meeting together (村述民评). */
  appraisalAssembly: '党员和村民代表民主测评会',
} as const;

export type MeetingBody = keyof typeof MEETING_BODIES;

const organicLaw2018 = { law: '中华人民共和国村民委员会组织法', version: '2018-12-29' };
const collectiveLaw = { law: '中华人民共和国农村集体经济组织法', version: '2024-06-28 (施行 2025-05-01)' };
const landContractLaw = { law: '中华人民共和国农村土地承包法', version: '2018-12-29' };
const landAdministrationLaw = { law: '中华人民共和国土地管理法', version: '2019-08-26' };
/** The villager meeting is called ten days ahead (art. 21); so is the member assembly (art. 27). */
const villagerMeetingNotice = { ...organicLaw2018, article: '第二十一条', note: '提前十天通知' };
const memberAssemblyNotice = { ...collectiveLaw, article: '第二十七条', note: '提前十日通知' };

const moreThanHalfOfPresent: Threshold = {
  count: 'yes',
  of: 'present',
  ratio: [1, 2],
  comparison: 'moreThan',
};
const twoThirdsOfRoster = (count: TallyCount): Threshold => ({
  count,
  of: 'roster',
  ratio: [2, 3],
  comparison: 'atLeast',
});

/**
 * Version 2 of each rule set names the bodies it may govern and gives every villager-meeting and
 * member-assembly rule its statutory ten days' notice; version 1 rows stay stored for the meetings held
 * under them.
 */
export const RULE_SETS: RuleSet[] = [
  {
    code: 'two-committee-majority',
    version: 2,
    title: '村“两委”会议：过半数到会，到会过半数同意',
    legalBasis: [{ law: '村“两委”议事规则', localPractice: true, note: '各地议事规则通行做法' }],
    bodies: ['branchCommittee', 'twoCommittees'],
    noticeDays: 0,
    quorum: [{ count: 'present', of: 'roster', ratio: [1, 2], comparison: 'moreThan' }],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'party-member-meeting',
    version: 2,
    title: '党员大会：有表决权党员过半数到会，赞成票超过应到会有表决权党员半数',
    legalBasis: [{ law: '中国共产党支部工作条例（试行）', version: '2018', article: '第十一条' }],
    bodies: ['partyMembers'],
    noticeDays: 0,
    quorum: [{ count: 'presentEntitled', of: 'entitled', ratio: [1, 2], comparison: 'moreThan' }],
    pass: { count: 'yes', of: 'entitled', ratio: [1, 2], comparison: 'moreThan' },
  },
  {
    code: 'party-member-meeting-two-thirds',
    version: 2,
    title: '党员大会（四议两公开地方规定）：三分之二以上党员到会',
    legalBasis: [{ law: '四议两公开工作法地方规定', localPractice: true }],
    bodies: ['partyMembers'],
    noticeDays: 0,
    quorum: [{ count: 'presentEntitled', of: 'entitled', ratio: [2, 3], comparison: 'atLeast' }],
    pass: { count: 'yes', of: 'entitled', ratio: [1, 2], comparison: 'moreThan' },
  },
  {
    code: 'representative-meeting',
    version: 2,
    title: '村民代表会议：三分之二以上组成人员参加，到会人员过半数同意',
    legalBasis: [{ ...organicLaw2018, article: '第二十六条' }],
    bodies: ['representatives'],
    noticeDays: 0,
    quorum: [twoThirdsOfRoster('present')],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'representative-ballot',
    version: 2,
    title: '重大事项票决：三分之二以上代表到会，无记名投票，到会代表过半数同意',
    legalBasis: [{ law: '村重大村务票决制度', localPractice: true }],
    bodies: ['representatives'],
    noticeDays: 7,
    quorum: [twoThirdsOfRoster('present')],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'villager-meeting',
    version: 2,
    title: '村民会议：过半数成年村民或三分之二以上户的代表参加，到会人员过半数同意',
    legalBasis: [{ ...organicLaw2018, article: '第二十二条' }, villagerMeetingNotice],
    bodies: ['villagers'],
    noticeDays: 10,
    quorum: [
      { count: 'present', of: 'roster', ratio: [1, 2], comparison: 'moreThan' },
      { count: 'householdsPresent', of: 'households', ratio: [2, 3], comparison: 'atLeast' },
    ],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'collective-assembly',
    version: 2,
    title: '集体经济组织成员大会：三分之二以上成员参加，全体成员三分之二以上同意',
    legalBasis: [{ ...collectiveLaw, article: '第二十七条' }],
    // Where no collective economic organisation exists, the villager meeting acts for it (art. 64).
    bodies: ['collectiveMembers', 'villagers'],
    noticeDays: 10,
    quorum: [twoThirdsOfRoster('present')],
    pass: twoThirdsOfRoster('yes'),
  },
  {
    code: 'collective-representative-assembly',
    version: 3,
    title: '集体经济组织成员代表大会：全体成员代表三分之二以上同意',
    legalBasis: [{ ...collectiveLaw, article: '第二十八条' }],
    // The member representative assembly; where the villagers' committee acts for the organisation, the
    // villagers' representative meeting under the same rule.
    bodies: ['collectiveRepresentatives', 'representatives'],
    noticeDays: 0,
    quorum: [twoThirdsOfRoster('present')],
    pass: twoThirdsOfRoster('yes'),
  },
  {
    code: 'land-two-thirds',
    version: 2,
    title: '土地事项（村民会议）：三分之二以上村民会议成员同意',
    legalBasis: [
      { ...landContractLaw, article: '第十九条' },
      { ...landAdministrationLaw, article: '第六十三条' },
      villagerMeetingNotice,
    ],
    bodies: ['villagers'],
    noticeDays: 10,
    quorum: [twoThirdsOfRoster('present')],
    pass: twoThirdsOfRoster('yes'),
  },
  {
    code: 'land-two-thirds-representatives',
    version: 1,
    title: '土地事项（村民代表会议）：三分之二以上村民代表同意',
    legalBasis: [
      { ...landContractLaw, article: '第十九条' },
      { ...landAdministrationLaw, article: '第六十三条' },
    ],
    bodies: ['representatives'],
    noticeDays: 0,
    quorum: [twoThirdsOfRoster('present')],
    pass: twoThirdsOfRoster('yes'),
  },
  {
    code: 'recall',
    version: 2,
    title: '罢免村民委员会成员：过半数登记选民投票，投票人过半数赞成',
    legalBasis: [{ ...organicLaw2018, article: '第十六条' }, villagerMeetingNotice],
    bodies: ['villagers'],
    noticeDays: 10,
    quorum: [{ count: 'present', of: 'roster', ratio: [1, 2], comparison: 'moreThan' }],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'villager-group-meeting',
    version: 1,
    title: '村民小组会议：三分之二以上本组成年村民或者三分之二以上本组户的代表参加，到会人员过半数同意',
    legalBasis: [{ ...organicLaw2018, article: '第二十八条' }],
    bodies: ['villagerGroup'],
    noticeDays: 0,
    quorum: [
      twoThirdsOfRoster('present'),
      { count: 'householdsPresent', of: 'households', ratio: [2, 3], comparison: 'atLeast' },
    ],
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'democratic-appraisal',
    version: 1,
    title: '民主测评：三分之二以上有表决权的应到人员到会，无记名测评，当场计票',
    legalBasis: [
      { ...organicLaw2018, article: '第三十三条', note: '民主评议由村务监督机构主持' },
      {
        law: '民主评议村干部制度',
        localPractice: true,
        note: '实到会人数超过应到会人数三分之二方可进行评议',
      },
    ],
    bodies: ['appraisalAssembly'],
    noticeDays: 0,
    quorum: [{ count: 'presentEntitled', of: 'entitled', ratio: [2, 3], comparison: 'atLeast' }],
    // An appraisal carries no motion; its rates are counted per subject (appraisal-rules.ts).
    pass: moreThanHalfOfPresent,
  },
  {
    code: 'non-member-rights',
    version: 2,
    title: '非成员享有成员权益：全体成员四分之三以上同意',
    legalBasis: [{ ...collectiveLaw, article: '第十五条' }, memberAssemblyNotice],
    bodies: ['collectiveMembers', 'villagers'],
    noticeDays: 10,
    quorum: [twoThirdsOfRoster('present')],
    pass: { count: 'yes', of: 'roster', ratio: [3, 4], comparison: 'atLeast' },
  },
];

const organicLaw2025 = { law: '中华人民共和国村民委员会组织法', version: '2025-10-28 修正，2026-01-01 施行' };
const amendedNotice = {
  ...organicLaw2025,
  article: '第二十五条',
  note: '提前十日通知；遇有特殊情况可以临时通知',
};

/** The same rule under the amended Organic Law, citing its new article numbers, for matters from 2026. */
const amended = (code: string, legalBasis: RuleSet['legalBasis']): RuleSet => ({
  ...RULE_SETS.find((ruleSet) => ruleSet.code === code)!,
  version: 3,
  inForceFrom: '2026-01-01',
  legalBasis,
});

RULE_SETS.push(
  amended('representative-meeting', [{ ...organicLaw2025, article: '第三十条' }]),
  amended('villager-meeting', [{ ...organicLaw2025, article: '第二十六条' }, amendedNotice]),
  amended('recall', [{ ...organicLaw2025, article: '第十九条' }, amendedNotice]),
  amended('villager-group-meeting', [{ ...organicLaw2025, article: '第三十二条' }]),
  amended('land-two-thirds', [
    { ...landContractLaw, article: '第十九条' },
    { ...landAdministrationLaw, article: '第六十三条' },
    amendedNotice,
  ]),
);

/** The version of a rule set a matter started on `onDate` is held under. */
export function ruleSetOn(code: string, onDate: string): RuleSet | undefined {
  return RULE_SETS.filter((ruleSet) => ruleSet.code === code && (ruleSet.inForceFrom ?? '') <= onDate).sort(
    (a, b) => b.version - a.version,
  )[0];
}

/**
 * The least each body's vote must meet whatever an item or a village says: the rule of the law that
 * constitutes the body. A meeting held under a weaker rule set (by quorum, pass rule or notice) is refused.
 */
export const BODY_FLOOR_RULE_SETS: Record<MeetingBody, string> = {
  branchCommittee: 'two-committee-majority',
  twoCommittees: 'two-committee-majority',
  partyMembers: 'party-member-meeting',
  representatives: 'representative-meeting',
  villagers: 'villager-meeting',
  collectiveMembers: 'collective-assembly',
  collectiveRepresentatives: 'collective-representative-assembly',
  villagerGroup: 'villager-group-meeting',
  appraisalAssembly: 'democratic-appraisal',
};
