import { appraisalResult, type AppraisalSubject } from '../../src/meetings/appraisal.js';

const cadre = (key: string): AppraisalSubject => ({ key, kind: 'cadre', label: key });
const disclosure = (key: string): AppraisalSubject => ({ key, kind: 'disclosure', label: key });
const line = (subject: string, satisfied: number, basicallySatisfied: number, dissatisfied: number) => ({
  subject,
  satisfied,
  basicallySatisfied,
  dissatisfied,
});

/** The 民主测评's arithmetic: rates in integers against 90%, 不称职 by the village's share, twice in a row. */
describe('appraisalResult', () => {
  const subjects = [cadre('a'), cadre('b'), disclosure('financialAffairs')];

  it('meets 90% exactly at nine in ten, never by rounding 89.96% up', () => {
    const exact = appraisalResult(
      subjects,
      {
        ballotsReturned: 10,
        ratings: [line('a', 9, 0, 1), line('b', 10, 0, 0), line('financialAffairs', 9, 0, 1)],
      },
      50,
      new Set(),
    );
    expect(exact.subjects[0].rate).toEqual({ satisfied: 9, of: 10, percent: 90, meetsStandard: true });
    const short = appraisalResult(
      [cadre('a'), disclosure('financialAffairs')],
      { ballotsReturned: 2499, ratings: [line('a', 2248, 0, 251), line('financialAffairs', 0, 0, 0)] },
      50,
      new Set(),
    );
    // 2248 / 2499 = 89.956%: shown as 89.9, below the standard.
    expect(short.subjects[0].rate).toMatchObject({ percent: 89.9, meetsStandard: false });
    // Nobody rated the disclosure: no rate, and no claim that it meets the standard.
    expect(short.subjects[1].rate).toEqual({ satisfied: 0, of: 0, percent: null, meetsStandard: false });
  });

  it('counts 基本满意 as satisfied and leaves blank ballots out of a line', () => {
    const result = appraisalResult(
      subjects,
      {
        ballotsReturned: 10,
        ratings: [line('a', 5, 4, 0), line('b', 0, 0, 0), line('financialAffairs', 1, 1, 1)],
      },
      50,
      new Set(),
    );
    expect(result.subjects[0]).toMatchObject({ blank: 1, rate: { satisfied: 9, of: 9, percent: 100 } });
    expect(result.cadres).toMatchObject({ satisfied: 9, of: 9 });
    expect(result.disclosure).toMatchObject({ satisfied: 2, of: 3, percent: 66.6 });
  });

  it('rates a cadre 不称职 at the share of 不满意 the village sets, and twice in a row after the last', () => {
    const ratings = [line('a', 5, 0, 5), line('b', 6, 0, 4), line('financialAffairs', 10, 0, 0)];
    const half = appraisalResult(subjects, { ballotsReturned: 10, ratings }, 50, new Set(['a', 'b']));
    expect(half.subjects.map((subject) => [subject.incompetent, subject.twiceIncompetent])).toEqual([
      [true, true],
      [false, false],
      [undefined, undefined],
    ]);
    const forty = appraisalResult(subjects, { ballotsReturned: 10, ratings }, 40, new Set());
    expect(forty.subjects.map((subject) => subject.incompetent)).toEqual([true, true, undefined]);
  });
});
