import {
  APPRAISAL_STANDARDS,
  TWICE_INCOMPETENT,
  type AppraisalRating,
} from '../../workflows/catalog/appraisal-rules.js';
import type { CountRecord } from './counted-records.js';

/** One line of the appraisal ballot: a cadre (by person) or one of the three disclosures. */
export interface AppraisalSubject {
  /** The person's id for a cadre; `partyAffairs`, `villageAffairs` or `financialAffairs` for a disclosure. */
  key: string;
  kind: 'cadre' | 'disclosure';
  /** As printed on the ballot: 张三（村党组织书记）, 财务公开. */
  label: string;
}

export type RatingCounts = Record<AppraisalRating, number>;

/** The counter's count of the paper ballots, subject by subject; it counts once a scrutineer confirms it. */
export interface AppraisalCount extends CountRecord {
  ballotsReturned: number;
  ratings: ({ subject: string } & RatingCounts)[];
}

/** A rate as a fraction and as the percent a reader sees, with whether it meets the district's standard. */
export interface SatisfactionRate {
  satisfied: number;
  of: number;
  /** One decimal, rounded down, so a rate shown as 90.0% never hides 89.96%. */
  percent: number | null;
  meetsStandard: boolean;
}

export interface SubjectResult extends AppraisalSubject, RatingCounts {
  /** Ballots returned that left this subject unmarked. */
  blank: number;
  rate: SatisfactionRate;
  /** Cadres only: 不称职 under the village's rule (the share of 不满意). */
  incompetent?: boolean;
  /** Cadres only: 不称职 in this appraisal and in the one before it: the office ends (art. 33). */
  twiceIncompetent?: boolean;
}

export interface AppraisalResult {
  ballotsReturned: number;
  incompetentPercent: number;
  subjects: SubjectResult[];
  /** All cadres' ratings together, against the standard for cadres' clean performance. */
  cadres: SatisfactionRate;
  /** The three disclosures together, against the standard for disclosure. */
  disclosure: SatisfactionRate;
  standards: { cadres: string; disclosure: string; twiceIncompetent: string };
}

/** The appraisal a meeting carries: its subjects from convening, then the count, then the result. */
export interface MeetingAppraisal {
  subjects: AppraisalSubject[];
  count: AppraisalCount | null;
  result: AppraisalResult | null;
}

const atLeast = ([numerator, denominator]: [number, number], count: number, of: number) =>
  of > 0 && count * denominator >= numerator * of;

function rateOf(counts: RatingCounts, standard: [number, number]): SatisfactionRate {
  const satisfied = counts.satisfied + counts.basicallySatisfied;
  const of = satisfied + counts.dissatisfied;
  return {
    satisfied,
    of,
    percent: of > 0 ? Math.floor((satisfied * 1000) / of) / 10 : null,
    meetsStandard: atLeast(standard, satisfied, of),
  };
}

const sum = (rows: RatingCounts[]): RatingCounts => ({
  satisfied: rows.reduce((total, row) => total + row.satisfied, 0),
  basicallySatisfied: rows.reduce((total, row) => total + row.basicallySatisfied, 0),
  dissatisfied: rows.reduce((total, row) => total + row.dissatisfied, 0),
});

const percentText = ([numerator, denominator]: [number, number]) => `${(numerator * 100) / denominator}%`;

/**
 * The rates of a confirmed count: per subject, per cadre whether 不称职 (and twice in a row, given who was
 * 不称职 in the village's appraisal before), and the village's two figures against the district's standards.
 * Integers throughout: a rate meets 90% when satisfied × 10 ≥ 9 × rated.
 */
export function appraisalResult(
  subjects: AppraisalSubject[],
  count: Pick<AppraisalCount, 'ballotsReturned' | 'ratings'>,
  incompetentPercent: number,
  incompetentBefore: ReadonlySet<string>,
): AppraisalResult {
  const results = subjects.map((subject): SubjectResult => {
    const row = count.ratings.find((rating) => rating.subject === subject.key)!;
    const counts = {
      satisfied: row.satisfied,
      basicallySatisfied: row.basicallySatisfied,
      dissatisfied: row.dissatisfied,
    };
    const standard = APPRAISAL_STANDARDS[subject.kind === 'cadre' ? 'cadres' : 'disclosure'].ratio;
    const rated = counts.satisfied + counts.basicallySatisfied + counts.dissatisfied;
    const result: SubjectResult = {
      ...subject,
      ...counts,
      blank: count.ballotsReturned - rated,
      rate: rateOf(counts, standard),
    };
    if (subject.kind !== 'cadre') return result;
    const incompetent = atLeast([incompetentPercent, 100], counts.dissatisfied, rated);
    return { ...result, incompetent, twiceIncompetent: incompetent && incompetentBefore.has(subject.key) };
  });
  const of = (kind: AppraisalSubject['kind']) => sum(results.filter((result) => result.kind === kind));
  return {
    ballotsReturned: count.ballotsReturned,
    incompetentPercent,
    subjects: results,
    cadres: rateOf(of('cadre'), APPRAISAL_STANDARDS.cadres.ratio),
    disclosure: rateOf(of('disclosure'), APPRAISAL_STANDARDS.disclosure.ratio),
    standards: {
      cadres: `${APPRAISAL_STANDARDS.cadres.title}不低于 ${percentText(APPRAISAL_STANDARDS.cadres.ratio)}`,
      disclosure: `${APPRAISAL_STANDARDS.disclosure.title}不低于 ${percentText(APPRAISAL_STANDARDS.disclosure.ratio)}`,
      twiceIncompetent: `${TWICE_INCOMPETENT.consequence}（${TWICE_INCOMPETENT.legalBasis[0].law}${TWICE_INCOMPETENT.legalBasis[0].article}）`,
    },
  };
}
