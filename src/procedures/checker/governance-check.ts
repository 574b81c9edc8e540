import type {
  JsonObject,
  JsonSchema,
  JsonValue,
  MachineData,
  NamedRef,
  ProcedureDefinition,
  TransitionData,
} from '../../../workflows/index.js';
import { CATEGORY_RULES, type GovernanceRule } from '../../../workflows/catalog/governance-rules.js';
import { evaluateGuard } from '../guards.js';
import { resolveBody, resolveRuleSet } from '../meeting-sources.js';
import type { MatterContext, MatterEvent } from '../matter-event.js';
import { ALWAYS, enteredLeaf, outgoingEdges, resolveTarget, type StateTreeNode } from '../state-graph.js';
import type { DefinitionIssue } from './issue.js';
import { generateProbes } from './probes.js';

/** Guards a probe's inputs and route decide; any other guard may pass. */
const CONTEXT_GUARDS = new Set(['inputEquals', 'inputIn', 'inputAtLeast', 'inputBelow', 'routeIs']);
const NO_EVENT: MatterEvent = {
  type: '',
  payload: {},
  facts: {},
  actor: { personId: null, role: '' },
  at: '',
};

interface Probe {
  inputs: JsonObject;
  route?: JsonObject;
}

interface Edge {
  holder: StateTreeNode;
  event: string;
  transition: TransitionData;
  to: StateTreeNode;
  /** The leaf the edge was taken from, once on a path. */
  from?: string;
}

function mayPass(guard: NamedRef | undefined, probe: Probe): boolean {
  if (!guard) return true;
  const nested = (key: string) => guard.params?.[key] as unknown as NamedRef[];
  switch (guard.type) {
    case 'allOf':
      return nested('guards').every((inner) => mayPass(inner, probe));
    case 'anyOf':
      return nested('guards').some((inner) => mayPass(inner, probe));
    case 'not': {
      const inner = guard.params?.guard as unknown as NamedRef;
      return CONTEXT_GUARDS.has(inner.type) ? !mayPass(inner, probe) : true;
    }
    default:
      if (!CONTEXT_GUARDS.has(guard.type)) return true;
      return evaluateGuard(guard, { context: contextOf(probe), event: NO_EVENT });
  }
}

const contextOf = (probe: Probe): MatterContext => ({
  inputs: probe.inputs,
  ...(probe.route ? { route: probe.route } : {}),
});

/**
 * Static governance over the machine's graph, for each probe of the inputs: every path that ends with
 * the matter carried out must pass the steps the item's category requires (a vote of the right body
 * under the right rules, a disclosure, the supervisors' review…). A path without one is named.
 */
export class GovernanceCheck {
  private readonly ancestors = new Map<string, StateTreeNode[]>();

  constructor(
    private readonly definition: ProcedureDefinition,
    private readonly machine: MachineData,
    private readonly nodes: Map<string, StateTreeNode>,
  ) {}

  run(): DefinitionIssue[] {
    const exempt = new Set((this.definition.exemptions ?? []).map((exemption) => exemption.requirement));
    const rules = CATEGORY_RULES[this.definition.category].filter(
      (rule) => !exempt.has(rule.requirement as never),
    );
    const issues = new Map<string, DefinitionIssue>();
    for (const inputs of generateProbes(this.definition, this.machine, rules)) {
      const probe: Probe = { inputs };
      const start = this.settle(enteredLeaf(this.nodes.get('')!), probe);
      for (const rule of rules.filter((candidate) => this.applies(candidate, inputs))) {
        const key = `${rule.requirement}:${rule.kind ?? ''}:${rule.title}`;
        if (issues.has(key)) continue;
        const witness = this.pathAvoiding(start, probe, (edge) => this.satisfies(rule, edge, probe));
        if (witness) issues.set(key, this.issue(rule, start, witness, inputs));
      }
    }
    return [...issues.values()];
  }

  private applies(rule: GovernanceRule, inputs: JsonObject): boolean {
    if (!rule.when) return true;
    const properties = (this.definition.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
    // An item without the input cannot show it is below the threshold: the rule applies.
    if (!(rule.when.input in properties)) return true;
    const value = inputs[rule.when.input];
    return typeof value === 'number' && value >= rule.when.atLeast;
  }

  /** Follows eventless routing from a leaf, as XState would on entering it, recording the route. */
  private settle(leaf: StateTreeNode, probe: Probe): StateTreeNode {
    let current = leaf;
    for (let hops = 0; current.data.always && hops < 50; hops++) {
      const taken = current.data.always.find((transition) => mayPass(transition.guard, probe));
      if (!taken?.target) break;
      const route = taken.actions?.find((action) => action.type === 'markRoute');
      if (route) probe.route = { name: route.params!.route, title: route.params!.title };
      current = enteredLeaf(resolveTarget(this.nodes, this.machine.id, current, taken.target)!);
    }
    return current;
  }

  private edgesFrom(leaf: StateTreeNode, probe: Probe): Edge[] {
    if (leaf.data.type === 'final') return [];
    const edges: Edge[] = [];
    for (const holder of this.chain(leaf)) {
      for (const edge of outgoingEdges(holder)) {
        if (edge.event === ALWAYS || !edge.transition.target || !mayPass(edge.transition.guard, probe))
          continue;
        const target = resolveTarget(this.nodes, this.machine.id, holder, edge.transition.target);
        if (target)
          edges.push({ holder, event: edge.event, transition: edge.transition, to: enteredLeaf(target) });
      }
    }
    return edges;
  }

  /** Breadth-first from the start, never through a satisfying edge, to a carried-out final state. */
  private pathAvoiding(
    start: StateTreeNode,
    probe: Probe,
    satisfies: (edge: Edge) => boolean,
  ): Edge[] | null {
    const carriedOut = new Set(
      Object.entries(this.definition.outcomes)
        .filter(([, kind]) => kind === 'carriedOut')
        .map(([state]) => state),
    );
    const cameBy = new Map<string, Edge | null>([[start.path, null]]);
    const queue = [start];
    while (queue.length > 0) {
      const leaf = queue.shift()!;
      if (carriedOut.has(leaf.path)) {
        const path: Edge[] = [];
        for (let edge = cameBy.get(leaf.path); edge; edge = cameBy.get(edge.from!)) path.unshift(edge);
        return path;
      }
      for (const edge of this.edgesFrom(leaf, probe)) {
        if (satisfies(edge)) continue;
        const next = this.settle(edge.to, { ...probe });
        if (cameBy.has(next.path)) continue;
        cameBy.set(next.path, { ...edge, to: next, from: leaf.path });
        queue.push(next);
      }
    }
    return null;
  }

  private satisfies(rule: GovernanceRule, edge: Edge, probe: Probe): boolean {
    const marks = this.definition.events[edge.event]?.marks ?? [];
    const actions = edge.transition.actions ?? [];
    switch (rule.requirement) {
      case 'disclosure':
        return actions.some(
          (action) =>
            action.type === 'publishDisclosure' && (!rule.kind || action.params?.kind === rule.kind),
        );
      case 'supervisorSignOff':
        return marks.includes('supervisorSignOff');
      case 'townshipApproval':
        return marks.includes('townshipApproval');
      case 'tender':
        return marks.includes('tenderAward');
      case 'vote':
        return this.passedVote(edge, probe, rule);
      case 'decision':
        return (
          this.passedVote(edge, probe, {}) ||
          marks.some(
            (mark) => mark === 'approval' || mark === 'supervisorSignOff' || mark === 'townshipApproval',
          )
        );
    }
  }

  /** A passed vote in a meeting whose body and rule set (resolved for the probe) the rule accepts. */
  private passedVote(edge: Edge, probe: Probe, rule: Pick<GovernanceRule, 'bodies' | 'ruleSets'>): boolean {
    const guard = edge.transition.guard;
    if (guard?.type !== 'voteOutcomeIs' || guard.params?.outcome !== 'passed') return false;
    const meetings = this.meetingsOpenedInto(edge.holder);
    return (
      meetings.length > 0 &&
      meetings.every(({ body, ruleSet }) => {
        const resolvedBody = resolveBody(body, probe.inputs) ?? '';
        const resolvedRuleSet = resolveRuleSet(ruleSet, probe.inputs).code ?? '';
        return (
          (!rule.bodies || rule.bodies.includes(resolvedBody)) &&
          (!rule.ruleSets || rule.ruleSets.includes(resolvedRuleSet))
        );
      })
    );
  }

  /** The `openMeeting` params of every transition that enters the given (in-session) state. */
  private meetingsOpenedInto(session: StateTreeNode): { body: JsonValue; ruleSet: JsonValue }[] {
    const found: { body: JsonValue; ruleSet: JsonValue }[] = [];
    for (const node of this.nodes.values()) {
      for (const edge of outgoingEdges(node)) {
        const target =
          edge.transition.target && resolveTarget(this.nodes, this.machine.id, node, edge.transition.target);
        if (target !== session) continue;
        for (const action of edge.transition.actions ?? []) {
          if (action.type === 'openMeeting')
            found.push({ body: action.params!.body, ruleSet: action.params!.ruleSet });
        }
      }
    }
    return found;
  }

  private chain(leaf: StateTreeNode): StateTreeNode[] {
    let chain = this.ancestors.get(leaf.path);
    if (!chain) {
      chain = [];
      for (let node: StateTreeNode | null = leaf; node; node = node.parent) chain.push(node);
      this.ancestors.set(leaf.path, chain);
    }
    return chain;
  }

  private issue(
    rule: GovernanceRule,
    start: StateTreeNode,
    witness: Edge[],
    inputs: JsonObject,
  ): DefinitionIssue {
    const final = witness.at(-1)?.to.path ?? start.path;
    const title = (node: StateTreeNode) => node.data.meta?.title ?? node.path;
    const steps = witness.map(
      (edge) => `（${this.definition.events[edge.event]?.title ?? edge.event}）→ ${title(edge.to)}`,
    );
    const path = [title(start), ...steps].join(' ');
    const condition = rule.when ? `（${rule.when.input} = ${JSON.stringify(inputs[rule.when.input])}）` : '';
    return {
      code: 'GOVERNANCE.MISSING_STEP',
      message: `类别 ${this.definition.category} 要求“${rule.title}”，但有一条到达“${title(this.nodes.get(final)!)}”的路径没有这一步${condition}：${path}`,
      state: final,
      path,
    };
  }
}
