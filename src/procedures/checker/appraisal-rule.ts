import { RULE_SETS, type NamedRef } from '../../../workflows/index.js';
import type { GovernanceRule } from '../../../workflows/catalog/governance-rules.js';
import { outgoingEdges, type StateTreeNode } from '../state-graph.js';
import { citation } from './class-rules.js';

const appraisalRuleSet = RULE_SETS.find((ruleSet) => ruleSet.code === 'democratic-appraisal')!;

/**
 * What holding a 民主测评 asks of any item, whatever its category: it is left for the result only once
 * closed with its quorum met, as the server judges from the attendance. Without the quorum it is held
 * again, or the matter never counts as carried out: closing one unquorate and going on would publish the
 * result of a 测评 that never took place. (The close's own effect refuses to count it all the same; this
 * keeps the village from skipping the 测评 it owes.)
 */
export const APPRAISAL_COUNTED: GovernanceRule = {
  requirement: 'appraisalCounted',
  title: '到会达到法定人数方可结束测评并计票',
  basis: `${citation(appraisalRuleSet.legalBasis)}（${appraisalRuleSet.title}）`,
};

/** Whether the machine opens a 民主测评 anywhere: on a transition, or on entering or leaving a state. */
export function holdsAppraisal(nodes: Iterable<StateTreeNode>): boolean {
  const opens = (actions: NamedRef[] | undefined) =>
    (actions ?? []).some((action) => action.type === 'openAppraisal');
  return [...nodes].some(
    (node) =>
      opens(node.data.entry) ||
      opens(node.data.exit) ||
      outgoingEdges(node).some((edge) => opens(edge.transition.actions)),
  );
}

/** A close that leaves only when the server judged the quorum met: the fact itself, or all of guards holding it. */
export function closesCounted(actions: NamedRef[], guard: NamedRef | undefined): boolean {
  return actions.some((action) => action.type === 'closeAppraisal') && requiresCounted(guard);
}

function requiresCounted(guard: NamedRef | undefined): boolean {
  if (!guard) return false;
  if (guard.type === 'allOf')
    return (guard.params?.guards as unknown as NamedRef[]).some((inner) => requiresCounted(inner));
  return (
    guard.type === 'factEquals' &&
    guard.params?.fact === 'appraisalOutcome' &&
    guard.params?.value === 'counted'
  );
}
