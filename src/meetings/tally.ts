import type { RuleSet, TallyCount, Threshold } from '../../workflows/index.js';
import { participation, type CastBallot, type RosterPlace } from '../authority/voting-authority.js';

export type RosterEntry = RosterPlace;

export interface TallyInput {
  ruleSet: RuleSet;
  roster: RosterEntry[];
  presentPersonIds: ReadonlySet<string>;
  ballots: readonly CastBallot[];
  /** Who has voted (the receipts): needed to weigh a secret ballot cast by someone recused since. */
  voterIds?: readonly string[];
  /** Conflicts declared in the matter now, whenever declared. */
  recusedPersonIds?: ReadonlySet<string>;
  /**
   * What was counted rather than recorded by person: attendance from the sign-in list (of members taking
   * part), and votes counted by show of hands or on paper. The same rules judge them.
   */
  counted?: {
    present?: number;
    householdsPresent?: number;
    votes?: { yes: number; no: number; abstain: number };
  };
}

export interface ThresholdCheck {
  threshold: Threshold;
  count: number;
  of: number;
  met: boolean;
  /** A sentence anyone can check by hand, e.g. 实到 6，应到 7，须达到 2/3 以上：满足. */
  explanation: string;
}

export type TallyOutcome = 'passed' | 'lost' | 'noQuorum';

export interface Tally {
  ruleSet: { code: string; version: number; title: string };
  counts: Record<TallyCount, number> & { no: number; abstain: number };
  quorum: ThresholdCheck[];
  quorumMet: boolean;
  pass: ThresholdCheck;
  outcome: TallyOutcome;
  /** Members recused from this vote and how that was counted, when any are. */
  recusal?: { personIds: string[]; setAside: number; deductedYes: number; explanation: string };
}

export const COUNT_LABELS: Record<TallyCount, string> = {
  roster: '应到',
  entitled: '应到会有表决权',
  present: '实到',
  presentEntitled: '实到有表决权',
  households: '应到户数',
  householdsPresent: '到会户数',
  yes: '赞成',
};

/** Exact integer comparison: count/of against numerator/denominator, never floating point. */
export function meets(threshold: Threshold, count: number, of: number): boolean {
  if (of <= 0) return false;
  const [numerator, denominator] = threshold.ratio;
  const left = count * denominator;
  const right = numerator * of;
  return threshold.comparison === 'moreThan' ? left > right : left >= right;
}

function check(threshold: Threshold, counts: Record<TallyCount, number>): ThresholdCheck {
  const count = counts[threshold.count];
  const of = counts[threshold.of];
  const met = meets(threshold, count, of);
  const [numerator, denominator] = threshold.ratio;
  const rule =
    threshold.comparison === 'moreThan'
      ? `须超过 ${numerator}/${denominator}`
      : `须达到 ${numerator}/${denominator} 以上`;
  const explanation = `${COUNT_LABELS[threshold.count]} ${count}，${COUNT_LABELS[threshold.of]} ${of}，${rule}：${met ? '满足' : '不满足'}`;
  return { threshold, count, of, met, explanation };
}

/**
 * Computes quorum and outcome from the roster, the attendance and the ballots under one rule set; who
 * counts where when members are recused is the voting authority's answer (`participation`).
 */
export function computeTally(input: TallyInput): Tally {
  const { ruleSet, presentPersonIds } = input;
  const taking = participation(
    input.roster,
    presentPersonIds,
    input.ballots,
    input.voterIds ?? [],
    input.recusedPersonIds ?? new Set(),
  );
  const { roster, present, counted } = taking;
  const householdOf = (entry: RosterEntry) => entry.household ?? `person:${entry.personId}`;
  const choices = counted.map((ballot) => ballot.choice);
  const byCount = input.counted ?? {};
  const personCounts = {
    present: present.length,
    presentEntitled: present.filter((entry) => entry.entitled).length,
    householdsPresent: new Set(present.map(householdOf)).size,
  };
  const votes = byCount.votes ?? {
    yes: choices.filter((choice) => choice === 'yes').length - taking.deductedYes,
    no: choices.filter((choice) => choice === 'no').length,
    abstain: choices.filter((choice) => choice === 'abstain').length,
  };
  const counts = {
    roster: roster.length,
    entitled: roster.filter((entry) => entry.entitled).length,
    ...(byCount.present !== undefined
      ? {
          present: byCount.present,
          presentEntitled: byCount.present,
          householdsPresent: byCount.householdsPresent ?? 0,
        }
      : personCounts),
    households: new Set(roster.map(householdOf)).size,
    ...votes,
  };
  const quorum = ruleSet.quorum.map((threshold) => check(threshold, counts));
  const quorumMet = quorum.some((entry) => entry.met);
  const pass = check(ruleSet.pass, counts);
  return {
    ruleSet: { code: ruleSet.code, version: ruleSet.version, title: ruleSet.title },
    counts,
    quorum,
    quorumMet,
    pass,
    outcome: !quorumMet ? 'noQuorum' : pass.met ? 'passed' : 'lost',
    ...(taking.recusedPersonIds.length > 0
      ? {
          recusal: {
            personIds: taking.recusedPersonIds,
            setAside: taking.setAside,
            deductedYes: taking.deductedYes,
            explanation: taking.explanation,
          },
        }
      : {}),
  };
}
