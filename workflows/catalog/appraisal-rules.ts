import type { LegalBasis } from '../types.js';

/**
 * 民主测评 (the 三述一评 of a clean village): after the cadres' 述职、述廉、述责 reports are published, the
 * party members and the villagers' representatives rate each cadre, and the disclosure of party, village and
 * financial affairs, on paper ballots counted as any secret ballot is. What a rating may be, what counts as
 * satisfied and the district's standard are fixed here; only what local practice sets is a parameter.
 */
export const APPRAISAL_RATINGS = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
export type AppraisalRating = keyof typeof APPRAISAL_RATINGS;

/** What villagers rate besides the cadres: the three kinds of disclosure (三务公开). */
export const APPRAISED_DISCLOSURES = {
  partyAffairs: '党务公开',
  villageAffairs: '村务公开',
  financialAffairs: '财务公开',
} as const;
export type AppraisedDisclosure = keyof typeof APPRAISED_DISCLOSURES;

/** The roles whose holders are appraised: the two committees' members (村民委员会成员 and the branch). */
export const APPRAISED_ROLES = ['secretary', 'committee_member'] as const;

const cleanVillagePlan: LegalBasis = {
  law: '清廉村居建设工作方案',
  version: '长上民字〔2023〕19号',
  article: '二',
  localPractice: true,
};

/**
 * The district plan's standards (二, 工作标准): 90% or more. A rate is of the ballots that rated the subject:
 * 满意 and 基本满意 over 满意, 基本满意 and 不满意 (a ballot left blank for a subject does not count for it).
 */
export const APPRAISAL_STANDARDS = {
  cadres: {
    ratio: [9, 10] as [number, number],
    title: '村民代表对村干部清廉履职满意度',
    legalBasis: [cleanVillagePlan],
  },
  disclosure: {
    ratio: [9, 10] as [number, number],
    title: '对党务、村务、财务公开的满意度',
    legalBasis: [cleanVillagePlan],
  },
};

/** Ratings that count as satisfied in a rate. */
export const SATISFIED_RATINGS: readonly AppraisalRating[] = ['satisfied', 'basicallySatisfied'];

/**
 * When a cadre is rated 不称职: the share of 不满意 among the ballots rating them, at least this percent.
 * Local practice (民主评议村委会制度: 不称职票数达到 50% 以上的，认定为不称职); a parameter of H3.
 */
export const INCOMPETENT_PERCENT_DEFAULT = 50;

/** What the law attaches to two 不称职 in a row; not a parameter. */
export const TWICE_INCOMPETENT = {
  consequence: '连续两次被评议不称职的，其职务终止',
  legalBasis: [
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十三条' },
  ] as LegalBasis[],
};
