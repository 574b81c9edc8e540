import type { LegalBasis } from '../types.js';

/**
 * Villagers' complaints and reports (投诉举报): what they may be about, how the complainant rates the
 * answer, and the time limits the township's discipline inspector works to. The limits follow the
 * Regulations on Petition Work (信访工作条例, 2022) as the default; a district that sets shorter ones
 * changes these numbers, never the loop itself.
 */
export const COMPLAINT_SUBJECTS = {
  matter: '某一事项的办理',
  disclosure: '某一公开内容',
  cadre: '村干部的履职或作风',
  unpublished: '应公开而未公开的事项',
  other: '其他村务问题',
} as const;
export type ComplaintSubject = keyof typeof COMPLAINT_SUBJECTS;

export const COMPLAINT_RATINGS = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  dissatisfied: '不满意',
} as const;
export type ComplaintRating = keyof typeof COMPLAINT_RATINGS;

/** How the inspector handles a complaint before answering it. */
export const COMPLAINT_HANDLINGS = {
  answer: '调查核实后直接答复',
  documents: '调阅村级资料后答复',
  rectification: '责令整改（启动问题整改程序）',
} as const;
export type ComplaintHandling = keyof typeof COMPLAINT_HANDLINGS;

/**
 * The district plan's standard for what villagers say (二, 工作标准): satisfaction of 90% or more, here
 * for the answers to their complaints (satisfaction with supervision, 对监督工作的满意度). A rating of
 * 满意 or 基本满意 counts as satisfied.
 */
export const SUPERVISION_SATISFACTION_STANDARD = {
  ratio: 0.9,
  title: '对监督工作的满意度',
  satisfied: ['satisfied', 'basicallySatisfied'] as ComplaintRating[],
  legalBasis: [
    { law: '清廉村居建设工作方案', version: '长上民字〔2023〕19号', article: '二', localPractice: true },
  ] as LegalBasis[],
};

export interface ComplaintLimit {
  days: number;
  unit: 'calendar' | 'working';
  title: string;
  legalBasis: LegalBasis[];
}

const petitionRules = { law: '信访工作条例', version: '2022-05-01' };

/** A limit in calendar days of the Regulations on Petition Work, with its article and what it says. */
const petitionLimit = (days: number, title: string, article: string, note: string): ComplaintLimit => ({
  days,
  unit: 'calendar',
  title,
  legalBasis: [{ ...petitionRules, article, note }],
});

/** Counted by the civil code's rules for periods (the first day not counted), on the district's calendar. */
export const COMPLAINT_LIMITS: Record<'acknowledge' | 'answer' | 'review', ComplaintLimit> = {
  acknowledge: petitionLimit(15, '受理告知', '第三十一条', '收到之日起 15 日内告知是否受理'),
  answer: petitionLimit(60, '办结答复', '第三十五条', '受理之日起 60 日内办结'),
  review: petitionLimit(30, '复查意见', '第三十六条', '收到复查请求之日起 30 日内提出复查意见'),
};
