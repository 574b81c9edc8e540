import type { AnyMachineSnapshot } from 'xstate';
import {
  CATEGORY_RULES,
  RULE_SETS,
  type EventSpec,
  type GovernanceRule,
  type JsonObject,
  type NamedRef,
  type ProcedureDefinition,
  type RuleSet,
  type StatutoryClassSource,
} from '../../workflows/index.js';
import { statutoryClass, type StatutoryDecider } from '../../workflows/catalog/statutory-classes.js';
import { meets } from '../../src/meetings/tally.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';

/**
 * What the governance oracle (`governance-oracle.ts`) holds a carried-out matter to, and how it tells
 * that an act taken meets a requirement: from the act itself (its tally and the meetings it was taken
 * on, its actions, its event's marks and roles), never from the checker's reading of the definition.
 */

export interface Meeting {
  scope: string;
  body: string | undefined;
  ruleSet: string | undefined;
}

export interface Node {
  key: string;
  snapshot: AnyMachineSnapshot;
  state: string;
  meetings: Meeting[];
}

export interface Step {
  from: Node;
  to: Node;
  event: MatterEvent;
  spec: EventSpec;
  actions: NamedRef[];
  /** The meetings open where a passed tally was taken; empty unless the act passed a vote. */
  passedIn: Meeting[];
}

const SUPERVISORS = ['supervisor', 'supervisor_chair'];
export const TOWNSHIP = ['township_officer'];
const CADRES = ['secretary', 'committee_member', 'vc_chair'];
const APPROVERS = [...CADRES, 'township_officer', 'district_admin'];

const ruleSet = (code: string | undefined): RuleSet | undefined =>
  RULE_SETS.find((candidate) => candidate.code === code);

/** Every tally a meeting could have, as counts: a rule set passes a vote on some of them. */
function* tallies(): Generator<Record<string, number>> {
  for (let roster = 1; roster <= 9; roster++)
    for (let entitled = 0; entitled <= roster; entitled++)
      for (let present = 0; present <= roster; present++)
        for (
          let presentEntitled = Math.max(0, present + entitled - roster);
          presentEntitled <= Math.min(present, entitled);
          presentEntitled++
        )
          for (let yes = 0; yes <= presentEntitled; yes++)
            for (let households = 1; households <= roster; households++) {
              // Households of one, but one of roster − households + 1: the fewest present households.
              const big = roster - households + 1;
              const fewest = present === 0 ? 0 : present <= big ? 1 : 1 + present - big;
              for (
                let householdsPresent = fewest;
                householdsPresent <= Math.min(households, present);
                householdsPresent++
              )
                yield { roster, entitled, present, presentEntitled, yes, households, householdsPresent };
            }
}
const TALLIES = [...tallies()];
const passes = (rules: RuleSet, counts: Record<string, number>) =>
  rules.quorum.some((threshold) => meets(threshold, counts[threshold.count], counts[threshold.of])) &&
  meets(rules.pass, counts[rules.pass.count], counts[rules.pass.of]);
const passedUnder = new Map(
  RULE_SETS.map((rules) => [rules.code, TALLIES.map((counts) => passes(rules, counts))]),
);

/** Whether every tally `strong` passes, `weak` passes too (and with as much notice): tried, not reasoned. */
function atLeast(strong: string | undefined, weak: string): boolean {
  const a = ruleSet(strong);
  const b = ruleSet(weak);
  if (!a || !b || a.noticeDays < b.noticeDays) return false;
  const passedA = passedUnder.get(a.code)!;
  const passedB = passedUnder.get(b.code)!;
  return passedA.every((passed, index) => !passed || passedB[index]);
}

export const only = (spec: EventSpec | undefined, roles: string[]) =>
  !!spec && spec.roles.length > 0 && spec.roles.every((role) => roles.includes(role));
const marked = (mark: string, roles: string[]) => (step: Step) =>
  (step.spec.marks ?? []).includes(mark as never) && only(step.spec, roles);
const votedBy = (accepts: (meeting: Meeting) => boolean) => (step: Step) =>
  step.passedIn.length > 0 && step.passedIn.every(accepts);

function classOf(source: StatutoryClassSource | undefined, inputs: JsonObject) {
  if (source === undefined) return undefined;
  if (typeof source === 'string') return statutoryClass(source);
  const value = inputs[source.fromInput];
  const key = typeof value === 'string' ? value : JSON.stringify(value ?? null);
  const code = source.table ? source.table[key] : typeof value === 'string' ? value : undefined;
  return code === undefined ? undefined : statutoryClass(code);
}

type Requirement = { title: string; met: (step: Step) => boolean };

function fromRule(rule: GovernanceRule): Requirement {
  const title = rule.title;
  switch (rule.requirement) {
    case 'decision':
      return {
        title,
        met: (step) =>
          votedBy(() => true)(step) ||
          marked('approval', APPROVERS)(step) ||
          marked('supervisorSignOff', SUPERVISORS)(step) ||
          marked('townshipApproval', TOWNSHIP)(step),
      };
    case 'vote':
      return {
        title,
        met: votedBy(
          (meeting) =>
            (!rule.bodies || rule.bodies.includes(meeting.body ?? '')) &&
            (!rule.ruleSets || rule.ruleSets.includes(meeting.ruleSet ?? '')),
        ),
      };
    case 'disclosure':
      return {
        title,
        met: (step) =>
          step.actions.some(
            (action) =>
              action.type === 'publishDisclosure' && (!rule.kind || action.params?.kind === rule.kind),
          ),
      };
    case 'supervisorSignOff':
      return { title, met: marked('supervisorSignOff', SUPERVISORS) };
    case 'townshipApproval':
      return { title, met: marked('townshipApproval', TOWNSHIP) };
    case 'tender':
      return { title, met: marked('tenderAward', TOWNSHIP) };
    case 'sealUse':
      return { title, met: marked('sealUse', CADRES) };
    case 'townshipDecides':
    case 'appraisalCounted':
      throw new Error('not a category rule: added by requirementsFor');
  }
}

/**
 * A 民主测评 closed while it is open, the attendance having made its quorum (the fact as the engine
 * computes it from the record): what an item that holds one must pass on its way to the end.
 */
const appraisalCounted: Requirement = {
  title: '民主测评达到法定人数后结束',
  met: (step) =>
    step.actions.some((action) => action.type === 'closeAppraisal') &&
    step.event.facts.appraisalOutcome === 'counted' &&
    step.from.meetings.some((meeting) => meeting.scope === step.from.state),
};

/** Whether any action anywhere in the machine opens a 民主测评, read from its JSON. */
const opensAppraisal = (definition: ProcedureDefinition) =>
  JSON.stringify(definition.machine).includes('"type":"openAppraisal"');

export function requirementsFor(definition: ProcedureDefinition, inputs: JsonObject) {
  const exempt = new Set((definition.exemptions ?? []).map((exemption) => exemption.requirement as string));
  const requirements = CATEGORY_RULES[definition.category]
    .filter((rule) => !exempt.has(rule.requirement))
    .filter((rule) => {
      const amount = rule.when && inputs[rule.when.input];
      return !rule.when || typeof amount !== 'number' || amount >= rule.when.atLeast;
    })
    .map(fromRule);
  const matterClass = classOf(definition.statutoryClass, inputs);
  const deciders: StatutoryDecider[] = matterClass?.deciders ?? [];
  if (deciders.length > 0) {
    requirements.push({
      title: `法定事项“${matterClass!.title}”的表决`,
      met: votedBy((meeting) =>
        deciders.some(
          (decider) => decider.body === meeting.body && atLeast(meeting.ruleSet, decider.ruleSet),
        ),
      ),
    });
  }
  if (opensAppraisal(definition)) requirements.push(appraisalCounted);
  const township = matterClass?.decidedBy === 'township';
  if (township)
    requirements.push({ title: '乡镇审核确认（法定）', met: marked('townshipApproval', TOWNSHIP) });
  return { requirements, township };
}
