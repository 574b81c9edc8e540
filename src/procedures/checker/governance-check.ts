import type {
  JsonObject,
  JsonSchema,
  JsonValue,
  MachineData,
  NamedRef,
  ProcedureDefinition,
} from '../../../workflows/index.js';
import { RULE_SETS } from '../../../workflows/index.js';
import {
  CATEGORY_RULES,
  CLASSIFIED_CATEGORIES,
  type GovernanceRule,
} from '../../../workflows/catalog/governance-rules.js';
import type { StatutoryClass, StatutoryDecider } from '../../../workflows/catalog/statutory-classes.js';
import type { MeetingBody, RuleSet } from '../../../workflows/rule-sets.js';
import { resolveBody, resolveRuleSet } from '../meeting-sources.js';
import { statutoryClassOf } from '../statutory-class.js';
import { ruleSetAtLeast } from '../rule-strength.js';
import { enteredLeaf, resolveTarget, type StateTreeNode } from '../state-graph.js';
import { APPRAISAL_COUNTED, closesCounted, holdsAppraisal } from './appraisal-rule.js';
import { classRules } from './class-rules.js';
import { exploreInputs, keyParts, type InputReaders } from './input-domain.js';
import type { DefinitionIssue } from './issue.js';
import { checkClassSource, meetingFloorProblem } from './law-checks.js';
import { StateSearch, type Edge, type SearchNode } from './state-search.js';

const latestRuleSet = (code: string | undefined): RuleSet | undefined =>
  code === undefined ? undefined : RULE_SETS.find((ruleSet) => ruleSet.code === code);

/**
 * Static governance over the machine's graph, for every input a matter could start with (explored class
 * by class, see `input-domain.ts`): every path that ends with the matter carried out must pass the steps
 * the item's category and its statutory class require (a vote of the right body under a rule at least as
 * strong as the law's, a disclosure, the supervisors' review…), every meeting must meet its body's legal
 * floor, and a matter the township decides cannot be ended by the village. A path without a step is named.
 */
export class GovernanceCheck {
  private readonly issues = new Map<string, DefinitionIssue>();

  constructor(
    private readonly definition: ProcedureDefinition,
    private readonly machine: MachineData,
    private readonly nodes: Map<string, StateTreeNode>,
  ) {}

  run(): DefinitionIssue[] {
    const definition = this.definition;
    const exempt = new Set((definition.exemptions ?? []).map((exemption) => exemption.requirement));
    const categoryRules = CATEGORY_RULES[definition.category].filter(
      (rule) => !exempt.has(rule.requirement as never),
    );
    const structural = [...checkClassSource(definition), ...this.checkConditionInputs(categoryRules)];
    if (CLASSIFIED_CATEGORIES.includes(definition.category) && definition.statutoryClass === undefined) {
      structural.push({
        code: 'GOVERNANCE.CLASS_REQUIRED',
        message: `类别 ${definition.category} 的事项须写明法定事项类别（statutoryClass），由类别确定表决主体和规则`,
        path: 'statutoryClass',
      });
    }
    const source = definition.statutoryClass;
    const machineRules = holdsAppraisal(this.nodes.values()) ? [APPRAISAL_COUNTED] : [];
    const exploration = exploreInputs(
      definition.inputSchema,
      readersOf(definition, this.machine, categoryRules),
    );
    // A missing or invalid class, or a badly typed condition, refuses on its own; the paths are still
    // searched (without the class's rules) so that the author sees every missing step at once.
    if (exploration.issues.length > 0) return [...structural, ...exploration.issues];
    for (const issue of structural) this.issues.set(`structural:${issue.code}:${issue.message}`, issue);

    for (const inputs of exploration.probes) {
      const search = new StateSearch(this.machine, this.nodes, inputs);
      const start = search.start();
      const matterClass = statutoryClassOf(source, inputs);
      this.checkMeetings(search, start, inputs, exploration.steering);
      this.checkCarryingOut(search, start);
      const rules = [
        ...categoryRules.filter((rule) => this.applies(rule, inputs)),
        ...(matterClass ? classRules(matterClass) : []),
        ...machineRules,
      ];
      for (const rule of rules) {
        const key = `${rule.requirement}:${rule.kind ?? ''}:${rule.title}:${rule.deciders ? matterClass?.code : ''}`;
        if (this.issues.has(key)) continue;
        // The act that ends a township-decided matter must itself be the township's: a township act
        // earlier on the path (an emergency approval, a request to survey again) does not let the
        // village end the application afterwards.
        const endings = this.finals(['rejected', 'dropped']);
        const witness =
          rule.requirement === 'townshipDecides'
            ? search.pathAvoiding(
                start,
                endings,
                (edge) => this.townshipOnly(edge) && endings.has(edge.to.leaf.path),
              )
            : search.pathAvoiding(
                start,
                this.finals(['carriedOut']),
                (edge, phase) => this.satisfies(rule, edge, inputs, phase),
                (edge, phase) =>
                  rule.requirement === 'disclosure' ? publicationAfter(edge, rule.kind, phase) : phase,
              );
        if (witness)
          this.issues.set(key, this.issue(rule, start, witness, inputs, exploration.steering, matterClass));
      }
      for (const leaf of search.routingLoops) {
        this.issues.set(`loop:${leaf}`, {
          code: 'STATE.ROUTING_LOOP',
          message: `状态 ${leaf} 的自动路由形成循环，事项会停在路由中`,
          state: leaf,
        });
      }
    }
    return [...this.issues.values()];
  }

  private finals(kinds: string[]): Set<string> {
    return new Set(
      Object.entries(this.definition.outcomes)
        .filter(([, kind]) => kinds.includes(kind))
        .map(([state]) => state),
    );
  }

  /** A requirement that applies above an amount needs that amount given, and bounded (枚举或有界数值). */
  private checkConditionInputs(rules: GovernanceRule[]): DefinitionIssue[] {
    const schema = this.definition.inputSchema;
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    const issues: DefinitionIssue[] = [];
    for (const input of new Set(rules.flatMap((rule) => (rule.when ? [rule.when.input] : [])))) {
      const property = properties[input];
      if (!property) continue;
      const bounded =
        Array.isArray(property.enum) ||
        ((property.type === 'number' || property.type === 'integer') &&
          typeof property.minimum === 'number' &&
          typeof property.maximum === 'number');
      // Required, not defaulted: a default (say 0) stands in for an amount nobody stated, and routes a
      // project of any size as the lightest.
      if (!required.has(input) || !bounded) {
        issues.push({
          code: 'GOVERNANCE.CONDITION_INPUT',
          message: `输入项 ${input} 决定是否须经某一步骤，必须是必填的枚举或有上下限的数值`,
          path: `inputSchema.properties.${input}`,
        });
      }
    }
    return issues;
  }

  /**
   * Affixing the seal carries a matter out, for good: it leads only to endings that say so, or an ending
   * called "dropped" after the seal was used would escape every requirement of the item. (A tender award
   * may still be undone by an objection, so it is not held to this.)
   */
  private checkCarryingOut(search: StateSearch, start: SearchNode): void {
    const carriedOut = this.finals(['carriedOut']);
    for (const edge of search.reachableEdges(start)) {
      const marks = this.definition.events[edge.event]?.marks ?? [];
      if (!marks.includes('sealUse')) continue;
      const endings = [edge.to, ...search.reachableEdges(edge.to).map((next) => next.to)]
        .map((node) => node.leaf)
        .filter((leaf) => leaf.data.type === 'final' && !carriedOut.has(leaf.path));
      for (const ending of endings) {
        const key = `carrying-out:${edge.event}:${ending.path}`;
        this.issues.set(key, {
          code: 'GOVERNANCE.OUTCOME_MISLABELLED',
          message: `“${this.definition.events[edge.event]?.title ?? edge.event}”之后到达的结束状态“${ending.data.meta?.title ?? ending.path}”须标为办结（carriedOut）：用印后事项即已办理`,
          state: ending.path,
          event: edge.event,
        });
      }
    }
  }

  /** Every meeting the matter can convene for these inputs is held under a rule fit for its body and law. */
  private checkMeetings(
    search: StateSearch,
    start: SearchNode,
    inputs: JsonObject,
    steering: string[],
  ): void {
    const check = (action: NamedRef, state: string, event: string | undefined) => {
      if (action.type !== 'openMeeting') return;
      const body = resolveBody(action.params!.body, inputs);
      const ruleSet = latestRuleSet(resolveRuleSet(action.params!.ruleSet, inputs).code);
      const problem = meetingFloorProblem(body, ruleSet);
      if (!problem) return;
      const key = `meeting:${problem.code}:${state}:${body}:${ruleSet?.code}`;
      if (this.issues.has(key)) return;
      this.issues.set(key, {
        ...problem,
        message: `${problem.message}${this.condition(inputs, steering)}`,
        state,
        ...(event ? { event } : {}),
      });
    };
    for (const edge of search.reachableEdges(start)) {
      for (const action of edge.transition.actions ?? []) check(action, edge.to.leaf.path, edge.event);
    }
    // A meeting opened where the search takes no edge of its own (an act that stays put, eventless
    // routing, an entry or exit action) is convened all the same: each must meet its floor too.
    for (const node of this.nodes.values()) {
      for (const action of [...(node.data.entry ?? []), ...(node.data.exit ?? [])])
        check(action, node.path, undefined);
      for (const transition of node.data.always ?? [])
        for (const action of transition.actions ?? []) check(action, node.path, undefined);
      for (const [event, transitions] of Object.entries(node.data.on ?? {})) {
        for (const transition of transitions) {
          if (!transition.target)
            for (const action of transition.actions ?? []) check(action, node.path, event);
        }
      }
    }
  }

  private applies(rule: GovernanceRule, inputs: JsonObject): boolean {
    if (!rule.when) return true;
    const value = inputs[rule.when.input];
    // An amount not given as a number cannot show it is below the threshold: the rule applies.
    return typeof value !== 'number' || value >= rule.when.atLeast;
  }

  /** Whether an edge is the step the rule asks for; `phase` 1 means a disclosure of the kind is up. */
  private satisfies(rule: GovernanceRule, edge: Edge, inputs: JsonObject, phase = 0): boolean {
    const marks = this.definition.events[edge.event]?.marks ?? [];
    const actions = edge.transition.actions ?? [];
    switch (rule.requirement) {
      case 'disclosure':
        // A disclosure counts once, having been put up by an act, its public period has run out (the
        // engine refuses to end it sooner): publishing and moving on at once is no disclosure.
        return (
          phase === 1 &&
          actions.some((action) => action.type === 'endDisclosure' && ofKind(action, rule.kind))
        );
      case 'supervisorSignOff':
        return marks.includes('supervisorSignOff');
      case 'townshipApproval':
        return marks.includes('townshipApproval');
      case 'tender':
        return marks.includes('tenderAward');
      case 'sealUse':
        return marks.includes('sealUse');
      case 'vote':
        return this.passedVote(edge, inputs, rule);
      case 'decision':
        return (
          this.passedVote(edge, inputs, {}) ||
          marks.some(
            (mark) => mark === 'approval' || mark === 'supervisorSignOff' || mark === 'townshipApproval',
          )
        );
      case 'townshipDecides':
        return this.townshipOnly(edge);
      case 'appraisalCounted':
        return closesCounted(actions, edge.transition.guard);
    }
  }

  /** An act only township staff may take (the decision the village assists with). */
  private townshipOnly(edge: Edge): boolean {
    const roles = this.definition.events[edge.event]?.roles ?? [];
    return roles.length > 0 && roles.every((role) => role === 'township_officer');
  }

  /**
   * A passed vote in a meeting whose body and rule set (resolved for the inputs) the rule accepts: among
   * its bodies and rule sets, or, for a statutory class, a decider's body under a rule at least as strong.
   */
  private passedVote(
    edge: Edge,
    inputs: JsonObject,
    rule: Pick<GovernanceRule, 'bodies' | 'ruleSets' | 'deciders'>,
  ): boolean {
    const guard = edge.transition.guard;
    if (guard?.type !== 'voteOutcomeIs' || guard.params?.outcome !== 'passed') return false;
    const meetings = this.meetingsOpenableIn(edge.holder);
    return (
      meetings.length > 0 &&
      meetings.every(({ body, ruleSet }) => {
        const resolvedBody = resolveBody(body, inputs) ?? '';
        const resolvedRuleSet = resolveRuleSet(ruleSet, inputs).code ?? '';
        return (
          (!rule.bodies || rule.bodies.includes(resolvedBody)) &&
          (!rule.ruleSets || rule.ruleSets.includes(resolvedRuleSet)) &&
          (!rule.deciders || decidesLawfully(rule.deciders, resolvedBody, latestRuleSet(resolvedRuleSet)))
        );
      })
    );
  }

  /**
   * The `openMeeting` params of every act that can leave a meeting open in a state where `holder`'s
   * transition counts the vote. The tally is taken from whichever meeting is open in the matter's state,
   * however it was opened there: a transition into it, an act that stays in it, an entry action on the
   * way in, or (conservatively) any exit action. One weaker meeting among them and the vote may be its.
   */
  private meetingsOpenableIn(holder: StateTreeNode): { body: JsonValue; ruleSet: JsonValue }[] {
    const leaves = new Set(
      [...this.nodes.values()].filter((node) => node.children.length === 0 && within(node, holder)),
    );
    const around = (node: StateTreeNode) => within(node, holder) || within(holder, node);
    const found: { body: JsonValue; ruleSet: JsonValue }[] = [];
    const collect = (actions: NamedRef[] | undefined) => {
      for (const action of actions ?? []) {
        if (action.type === 'openMeeting')
          found.push({ body: action.params!.body, ruleSet: action.params!.ruleSet });
      }
    };
    for (const node of this.nodes.values()) {
      for (const transition of [...Object.values(node.data.on ?? {}).flat(), ...(node.data.always ?? [])]) {
        const target =
          transition.target && resolveTarget(this.nodes, this.machine.id, node, transition.target);
        if (target ? leaves.has(enteredLeaf(target)) : around(node)) collect(transition.actions);
      }
      if (around(node)) collect(node.data.entry);
      collect(node.data.exit);
    }
    return found;
  }

  /** The inputs that steer the machine, as the probe gives them: where the path lacking a step starts. */
  private condition(inputs: JsonObject, steering: string[]): string {
    if (steering.length === 0) return '';
    const shown = steering.map((name) =>
      name in inputs ? `${name} = ${JSON.stringify(inputs[name])}` : `${name} 未填写`,
    );
    return `（${shown.join('，')}）`;
  }

  private issue(
    rule: GovernanceRule,
    start: SearchNode,
    witness: Edge[],
    inputs: JsonObject,
    steering: string[],
    matterClass: StatutoryClass | undefined,
  ): DefinitionIssue {
    const final = witness.at(-1)?.to.leaf ?? start.leaf;
    const title = (node: StateTreeNode) => node.data.meta?.title ?? node.path;
    const steps = witness.map(
      (edge) => `（${this.definition.events[edge.event]?.title ?? edge.event}）→ ${title(edge.to.leaf)}`,
    );
    const path = [title(start.leaf), ...steps].join(' ');
    const condition = this.condition(inputs, steering);
    const law = rule.basis ? `（依据：${rule.basis}）` : '';
    const ending = `“${title(final)}”`;
    const message = (() => {
      if (rule.requirement === 'townshipDecides')
        return `法定事项“${matterClass?.title ?? ''}”由乡镇人民政府决定，村级不得终止申请，但有一条路径不经乡镇决定即到达${ending}${condition}${law}：${path}`;
      if (rule.requirement === 'appraisalCounted')
        return `本事项举行民主测评：${rule.title}，未达到的须重新召开${law}；但有一条到达${ending}的路径不经达到法定人数的测评${condition}：${path}`;
      if (matterClass && rule.deciders)
        return `法定事项“${matterClass.title}”须${rule.title}${law}，但有一条到达${ending}的路径没有这样的表决${condition}：${path}`;
      return `类别 ${this.definition.category} 要求“${rule.title}”，但有一条到达${ending}的路径没有这一步${condition}：${path}`;
    })();
    return { code: 'GOVERNANCE.MISSING_STEP', message, state: final.path, path };
  }
}

const ofKind = (action: NamedRef, kind: string | undefined) => !kind || action.params?.kind === kind;

/**
 * A disclosure's phase after an edge: put up (1) by an act that publishes one of the kind, taken down (0)
 * when an upheld objection or a corrected text withdraws it.
 */
function publicationAfter(edge: Edge, kind: string | undefined, phase: number): number {
  for (const action of edge.transition.actions ?? []) {
    if (action.type === 'publishDisclosure' && ofKind(action, kind)) return 1;
    const withdrawn = action.params?.outcome === 'upheld' || action.params?.outcome === 'republished';
    if (action.type === 'answerObjection' && withdrawn && ofKind(action, kind)) return 0;
  }
  return phase;
}

/** Where the item's machine, its category's requirements and its class read the matter's inputs. */
function readersOf(
  definition: ProcedureDefinition,
  machine: MachineData,
  rules: GovernanceRule[],
): InputReaders {
  const source = definition.statutoryClass;
  const classTable = typeof source === 'object' ? source : undefined;
  const property = classTable && propertiesOf(definition.inputSchema)[classTable.fromInput];
  return {
    machine,
    thresholds: rules.flatMap((rule) => (rule.when ? [rule.when] : [])),
    // Without a table each value of the input is a class code, and classes differ in who must decide:
    // every value must be tried, not one for all the values the machine itself never compares.
    classInput: classTable && {
      input: classTable.fromInput,
      values: classTable.table
        ? Object.keys(classTable.table).flatMap(keyParts)
        : Array.isArray(property?.enum)
          ? property.enum
          : [],
    },
    conditions: [],
  };
}

const propertiesOf = (schema: JsonSchema) => (schema.properties ?? {}) as Record<string, JsonSchema>;

/**
 * The inputs the governance check searches an item with, one for each class of inputs that steer it
 * alike: for path tests that must cover every input a matter could start with.
 */
export function probesFor(definition: ProcedureDefinition, machine: MachineData): JsonObject[] {
  return exploreInputs(
    definition.inputSchema,
    readersOf(definition, machine, CATEGORY_RULES[definition.category]),
  ).probes;
}

/** Whether `node` is `ancestor` or lies below it. */
function within(node: StateTreeNode, ancestor: StateTreeNode): boolean {
  for (let current: StateTreeNode | null = node; current; current = current.parent) {
    if (current === ancestor) return true;
  }
  return false;
}

/** A vote by one of the class's bodies under a rule set at least as strong as the law's for that body. */
function decidesLawfully(deciders: StatutoryDecider[], body: string, ruleSet: RuleSet | undefined): boolean {
  if (!ruleSet) return false;
  return deciders.some((decider) => {
    const required = latestRuleSet(decider.ruleSet);
    return (
      decider.body === (body as MeetingBody) && required !== undefined && ruleSetAtLeast(ruleSet, required)
    );
  });
}
