import type { RuleSet, TallyCount, Threshold } from '../../workflows/index.js';

/**
 * Counts a tally never lets exceed another, whatever the meeting: a yes vote is cast by a present member
 * with a vote, who is on the roster. `atMost[a]` holds every count that is always ≥ a.
 */
const AT_MOST: Record<TallyCount, TallyCount[]> = {
  yes: ['yes', 'presentEntitled', 'present', 'entitled', 'roster'],
  presentEntitled: ['presentEntitled', 'present', 'entitled', 'roster'],
  present: ['present', 'roster'],
  entitled: ['entitled', 'roster'],
  roster: ['roster'],
  householdsPresent: ['householdsPresent', 'households'],
  households: ['households'],
};
const neverAbove = (small: TallyCount, large: TallyCount) => AT_MOST[small].includes(large);

/**
 * Whether meeting threshold `a` guarantees threshold `b`: a's count is never above b's, a's base never
 * below b's, and a's ratio at least b's (strictly, where b asks for "more than" and a only "at least").
 */
export function thresholdImplies(a: Threshold, b: Threshold): boolean {
  if (!neverAbove(a.count, b.count) || !neverAbove(b.of, a.of)) return false;
  const left = a.ratio[0] * b.ratio[1];
  const right = b.ratio[0] * a.ratio[1];
  if (left > right) return true;
  return left === right && (b.comparison === 'atLeast' || a.comparison === 'moreThan');
}

/**
 * Whether rule set `candidate` is at least as strong as `required`: as much notice, and every vote it
 * passes would also pass under `required` (its pass rule implies the other's, and so does each of its
 * quorum alternatives, or its pass rule alone).
 */
export function ruleSetAtLeast(candidate: RuleSet, required: RuleSet): boolean {
  if (candidate.noticeDays < required.noticeDays) return false;
  if (!thresholdImplies(candidate.pass, required.pass)) return false;
  // No quorum at all is met by any meeting: it asks nothing, and gives nothing.
  if (required.quorum.length === 0) return true;
  const meetsRequiredQuorum = (threshold: Threshold) =>
    required.quorum.some((alternative) => thresholdImplies(threshold, alternative));
  return (
    meetsRequiredQuorum(candidate.pass) ||
    (candidate.quorum.length > 0 && candidate.quorum.every(meetsRequiredQuorum))
  );
}
