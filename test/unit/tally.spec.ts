import { RULE_SETS, type RuleSet, type Threshold } from '../../workflows/index.js';
import type { CastBallot } from '../../src/authority/voting-authority.js';
import { computeTally, meets, type RosterEntry } from '../../src/meetings/tally.js';

const ruleSet = (code: string): RuleSet => RULE_SETS.find((candidate) => candidate.code === code)!;
const roster = (
  size: number,
  options: { notEntitled?: number; households?: (index: number) => string } = {},
): RosterEntry[] =>
  Array.from({ length: size }, (_, index) => ({
    personId: `p${index}`,
    entitled: index >= (options.notEntitled ?? 0),
    household: options.households ? options.households(index) : `h${index}`,
  }));
const present = (...indexes: number[]) => new Set(indexes.map((index) => `p${index}`));
const range = (count: number, from = 0) => Array.from({ length: count }, (_, index) => index + from);
/** Secret ballots (no voter named) with these choices. */
const ballots = (yes: number, no = 0, abstain = 0): CastBallot[] =>
  [
    ...Array<'yes'>(yes).fill('yes'),
    ...Array<'no'>(no).fill('no'),
    ...Array<'abstain'>(abstain).fill('abstain'),
  ].map((choice) => ({ choice, personId: null }));

describe(meets.name, () => {
  const half: Threshold = { count: 'yes', of: 'present', ratio: [1, 2], comparison: 'moreThan' };
  const twoThirds: Threshold = { count: 'yes', of: 'roster', ratio: [2, 3], comparison: 'atLeast' };

  it('reads "more than half" (过半数) strictly: exactly half is not enough', () => {
    expect(meets(half, 5, 10)).toBe(false);
    expect(meets(half, 6, 10)).toBe(true);
  });

  it('reads "two thirds or more" (三分之二以上) inclusively', () => {
    expect(meets(twoThirds, 6, 9)).toBe(true);
    expect(meets(twoThirds, 5, 9)).toBe(false);
    expect(meets(twoThirds, 7, 10)).toBe(true);
    expect(meets(twoThirds, 6, 10)).toBe(false);
  });

  it('never meets a threshold of nobody', () => {
    expect(meets(half, 0, 0)).toBe(false);
  });
});

describe(computeTally.name, () => {
  it('counts party meeting votes against the voting members who should attend (支部工作条例 art. 11)', () => {
    // 7 members, 1 probationary: 6 entitled; 5 present; 3 yes is not more than half of 6.
    const input = {
      ruleSet: ruleSet('party-member-meeting'),
      roster: roster(7, { notEntitled: 1 }),
      presentPersonIds: present(0, 1, 2, 3, 4, 5),
    };
    expect(computeTally({ ...input, ballots: ballots(3, 2) })).toMatchObject({
      quorumMet: true,
      outcome: 'lost',
      counts: { entitled: 6, presentEntitled: 5 },
    });
    expect(computeTally({ ...input, ballots: ballots(4, 1) }).outcome).toBe('passed');
  });

  it('has no party meeting quorum when only half of the voting members attend', () => {
    const tally = computeTally({
      ruleSet: ruleSet('party-member-meeting'),
      roster: roster(6),
      presentPersonIds: present(0, 1, 2),
      ballots: ballots(3),
    });
    expect(tally.outcome).toBe('noQuorum');
    expect(tally.quorum[0].explanation).toBe('实到有表决权 3，应到会有表决权 6，须超过 1/2：不满足');
  });

  it('needs two thirds of the representative meeting present, then a majority of those present (art. 26)', () => {
    const representatives = ruleSet('representative-meeting');
    expect(
      computeTally({
        ruleSet: representatives,
        roster: roster(9),
        presentPersonIds: present(...range(5)),
        ballots: ballots(5),
      }).outcome,
    ).toBe('noQuorum');
    const quorate = { ruleSet: representatives, roster: roster(9), presentPersonIds: present(...range(6)) };
    expect(computeTally({ ...quorate, ballots: ballots(3, 3) }).outcome).toBe('lost');
    expect(computeTally({ ...quorate, ballots: ballots(4, 1, 1) }).outcome).toBe('passed');
  });

  it('accepts a villager meeting quorate by two thirds of households though fewer than half the villagers came (art. 22)', () => {
    // 12 adults in 6 households of two; one from each of 4 households came: 4 of 12 people, 4 of 6 households.
    const tally = computeTally({
      ruleSet: ruleSet('villager-meeting'),
      roster: roster(12, { households: (index) => `h${Math.floor(index / 2)}` }),
      presentPersonIds: present(0, 2, 4, 6),
      ballots: ballots(3, 1),
    });
    expect(tally.quorum.map((check) => check.met)).toEqual([false, true]);
    expect(tally).toMatchObject({
      quorumMet: true,
      outcome: 'passed',
      counts: { households: 6, householdsPresent: 4 },
    });
  });

  it('needs two thirds of all members for collective property, however many attend (集体经济组织法 art. 27)', () => {
    const assembly = {
      ruleSet: ruleSet('collective-assembly'),
      roster: roster(30),
      presentPersonIds: present(...range(24)),
    };
    expect(computeTally({ ...assembly, ballots: ballots(19, 5) }).outcome).toBe('lost');
    expect(computeTally({ ...assembly, ballots: ballots(20, 4) }).outcome).toBe('passed');
  });

  describe('recusal (回避)', () => {
    const assembly = { ruleSet: ruleSet('collective-assembly'), roster: roster(30) };
    const recused = (...indexes: number[]) => new Set(indexes.map((index) => `p${index}`));

    it('keeps the recused in "two thirds of all members": 18 of the 27 others is not enough', () => {
      // Left out of the denominator, 18 of 27 would be exactly two thirds and pass.
      const tally = computeTally({
        ...assembly,
        presentPersonIds: present(...range(27)),
        ballots: ballots(18, 9),
        recusedPersonIds: recused(27, 28, 29),
      });
      expect(tally.counts).toMatchObject({ roster: 30, yes: 18 });
      expect(tally.outcome).toBe('lost');
      expect(tally.recusal).toMatchObject({ personIds: ['p27', 'p28', 'p29'] });
      expect(tally.recusal!.explanation).toBe('回避 3 人，不参加表决，仍计入应到人数');
    });

    it('does not count a recused member among those present, though they came', () => {
      const tally = computeTally({
        ruleSet: ruleSet('representative-meeting'),
        roster: roster(9),
        presentPersonIds: present(...range(6)),
        ballots: ballots(4, 1),
        recusedPersonIds: recused(5),
      });
      // 6 came, but 5 take part: 5 of 9 is short of two thirds.
      expect(tally.counts.present).toBe(5);
      expect(tally.outcome).toBe('noQuorum');
    });

    it('sets aside the open ballot of someone recused after voting', () => {
      const open: CastBallot[] = range(7).map((index) => ({ choice: 'yes', personId: `p${index}` }));
      const tally = computeTally({
        ruleSet: ruleSet('representative-meeting'),
        roster: roster(9),
        presentPersonIds: present(...range(8)),
        ballots: [...open, { choice: 'no', personId: 'p7' }],
        recusedPersonIds: recused(0, 1, 2),
      });
      expect(tally.counts).toMatchObject({ present: 5, yes: 4, no: 1 });
      expect(tally.recusal).toMatchObject({ setAside: 3 });
      expect(tally.recusal!.explanation).toContain('其已投的 3 票不计');
    });

    it('takes a yes vote off for each recused member who cast a secret ballot, which cannot be found', () => {
      // 7 yes of 9 present would pass; two of the voters are recused since: 5 yes of the 7 taking part.
      const base = {
        ruleSet: ruleSet('collective-representative-assembly'),
        roster: roster(9),
        presentPersonIds: present(...range(9)),
        ballots: ballots(7, 2),
        voterIds: range(9).map((index) => `p${index}`),
      };
      expect(computeTally(base).outcome).toBe('passed');
      const tally = computeTally({ ...base, recusedPersonIds: recused(0, 1) });
      expect(tally.counts.yes).toBe(5);
      expect(tally.outcome).toBe('lost');
      expect(tally.recusal!.explanation).toContain('从赞成票中扣除 2 票');
    });
  });
});
