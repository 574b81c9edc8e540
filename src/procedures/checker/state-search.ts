import type { JsonObject, MachineData, NamedRef, TransitionData } from '../../../workflows/index.js';
import { evaluateGuard } from '../guards.js';
import type { MatterEvent } from '../matter-event.js';
import { ALWAYS, enteredLeaf, outgoingEdges, resolveTarget, type StateTreeNode } from '../state-graph.js';

/** Guards that read only the matter's inputs and route: decided exactly for a probe. */
const CONTEXT_GUARDS = new Set(['inputEquals', 'inputIn', 'inputAtLeast', 'inputBelow', 'routeIs']);
const NO_EVENT: MatterEvent = {
  type: '',
  payload: {},
  facts: {},
  actor: { personId: null, role: '' },
  at: '',
};

/** Where a matter can be: an active leaf and the route its context holds (routes may change on the way). */
export interface SearchNode {
  leaf: StateTreeNode;
  route: string | null;
  key: string;
}

export interface Edge {
  holder: StateTreeNode;
  event: string;
  transition: TransitionData;
  from: SearchNode;
  to: SearchNode;
}

const nodeOf = (leaf: StateTreeNode, route: string | null): SearchNode => ({
  leaf,
  route,
  key: `${leaf.path}|${route ?? ''}`,
});

/** The route a transition leaves in the context: its `markRoute`, else the one before. */
const routeAfter = (transition: TransitionData, route: string | null): string | null => {
  const marked = (transition.actions ?? []).filter((action) => action.type === 'markRoute').at(-1);
  return marked ? (marked.params!.route as string) : route;
};

/**
 * The machine's graph for one probe of the inputs, walked as XState would walk it: a guard on the inputs
 * or the route is decided exactly, any other guard (payload, facts, tallies) may go either way, eventless
 * routing is followed at once, and the route is tracked per node.
 */
export class StateSearch {
  private readonly ancestors = new Map<string, StateTreeNode[]>();
  private readonly edgeCache = new Map<string, Edge[]>();
  /** Leaves where eventless routing loops for this probe. */
  readonly routingLoops = new Set<string>();

  constructor(
    private readonly machine: MachineData,
    private readonly nodes: Map<string, StateTreeNode>,
    private readonly inputs: JsonObject,
  ) {}

  start(): SearchNode {
    return this.settle(enteredLeaf(this.nodes.get('')!), null);
  }

  mayPass(guard: NamedRef | undefined, route: string | null): boolean {
    if (!guard) return true;
    const nested = (key: string) => guard.params?.[key] as unknown as NamedRef[];
    switch (guard.type) {
      case 'allOf':
        return nested('guards').every((inner) => this.mayPass(inner, route));
      case 'anyOf':
        return nested('guards').some((inner) => this.mayPass(inner, route));
      case 'not': {
        const inner = guard.params?.guard as unknown as NamedRef;
        return this.exact(inner) ? !this.mayPass(inner, route) : true;
      }
      default:
        if (!CONTEXT_GUARDS.has(guard.type)) return true;
        return evaluateGuard(guard, {
          context: { inputs: this.inputs, ...(route ? { route: { name: route } } : {}) },
          event: NO_EVENT,
        });
    }
  }

  /** A guard whose value the probe decides, so that its negation is decided too. */
  private exact(guard: NamedRef): boolean {
    if (CONTEXT_GUARDS.has(guard.type)) return true;
    if (guard.type === 'not') return this.exact(guard.params?.guard as unknown as NamedRef);
    if (guard.type === 'allOf' || guard.type === 'anyOf') {
      return (guard.params?.guards as unknown as NamedRef[]).every((inner) => this.exact(inner));
    }
    return false;
  }

  /** Follows eventless routing from a leaf (its own, then its ancestors'), as XState does on entering it. */
  settle(leaf: StateTreeNode, route: string | null): SearchNode {
    let current = nodeOf(leaf, route);
    const seen = new Set<string>();
    for (;;) {
      if (seen.has(current.key)) {
        this.routingLoops.add(current.leaf.path);
        return current;
      }
      seen.add(current.key);
      const taken = this.chain(current.leaf)
        .flatMap((holder) => (holder.data.always ?? []).map((transition) => ({ holder, transition })))
        .find(({ transition }) => this.mayPass(transition.guard, current.route));
      if (!taken?.transition.target) return current;
      const target = resolveTarget(this.nodes, this.machine.id, taken.holder, taken.transition.target);
      if (!target) return current;
      current = nodeOf(enteredLeaf(target), routeAfter(taken.transition, current.route));
    }
  }

  /** The moves an event can make from a node; a move that only changes the route counts as one. */
  edgesFrom(node: SearchNode): Edge[] {
    const cached = this.edgeCache.get(node.key);
    if (cached) return cached;
    const edges: Edge[] = [];
    if (node.leaf.data.type !== 'final') {
      for (const holder of this.chain(node.leaf)) {
        for (const edge of outgoingEdges(holder)) {
          if (edge.event === ALWAYS || !this.mayPass(edge.transition.guard, node.route)) continue;
          const route = routeAfter(edge.transition, node.route);
          const { target } = edge.transition;
          const resolved = target ? resolveTarget(this.nodes, this.machine.id, holder, target) : node.leaf;
          if (!resolved || (!target && route === node.route)) continue;
          const to = this.settle(target ? enteredLeaf(resolved) : node.leaf, route);
          edges.push({ holder, event: edge.event, transition: edge.transition, from: node, to });
        }
      }
    }
    this.edgeCache.set(node.key, edges);
    return edges;
  }

  /**
   * Breadth-first from `start` to a leaf in `targets`, never through an edge `satisfies` accepts: the
   * shortest path that lacks the step, or null when every path has it. A requirement of two acts in
   * order (a disclosure put up, then its period run out) keeps a phase along the path: `advance` gives the
   * phase after an edge, and `satisfies` sees the phase before it.
   */
  pathAvoiding(
    start: SearchNode,
    targets: ReadonlySet<string>,
    satisfies: (edge: Edge, phase: number) => boolean,
    advance: (edge: Edge, phase: number) => number = (_edge, phase) => phase,
  ): Edge[] | null {
    type Step = { edge: Edge; fromKey: string };
    const keyOf = (node: SearchNode, phase: number) => `${node.key}#${phase}`;
    const cameBy = new Map<string, Step | null>([[keyOf(start, 0), null]]);
    const queue: [SearchNode, number][] = [[start, 0]];
    while (queue.length > 0) {
      const [node, phase] = queue.shift()!;
      if (targets.has(node.leaf.path)) {
        const path: Edge[] = [];
        for (let step = cameBy.get(keyOf(node, phase)); step; step = cameBy.get(step.fromKey))
          path.unshift(step.edge);
        return path;
      }
      for (const edge of this.edgesFrom(node)) {
        if (satisfies(edge, phase)) continue;
        const next = advance(edge, phase);
        const key = keyOf(edge.to, next);
        if (cameBy.has(key)) continue;
        cameBy.set(key, { edge, fromKey: keyOf(node, phase) });
        queue.push([edge.to, next]);
      }
    }
    return null;
  }

  /** Every edge reachable from `start` for this probe. */
  reachableEdges(start: SearchNode): Edge[] {
    const seen = new Set([start.key]);
    const queue = [start];
    const edges: Edge[] = [];
    while (queue.length > 0) {
      for (const edge of this.edgesFrom(queue.shift()!)) {
        edges.push(edge);
        if (!seen.has(edge.to.key)) {
          seen.add(edge.to.key);
          queue.push(edge.to);
        }
      }
    }
    return edges;
  }

  chain(leaf: StateTreeNode): StateTreeNode[] {
    let chain = this.ancestors.get(leaf.path);
    if (!chain) {
      chain = [];
      for (let node: StateTreeNode | null = leaf; node; node = node.parent) chain.push(node);
      this.ancestors.set(leaf.path, chain);
    }
    return chain;
  }
}
