import type { MachineData, StateNodeData, TransitionData } from '../../workflows/index.js';

/** A state node with its place in the tree; `path` is dotted from the root ('' is the root). */
export interface StateTreeNode {
  path: string;
  key: string;
  data: StateNodeData;
  parent: StateTreeNode | null;
  children: StateTreeNode[];
}

export interface TransitionEdge {
  source: StateTreeNode;
  event: string;
  index: number;
  transition: TransitionData;
}

export const displayPath = (path: string): string => path || '(root)';

export function buildStateTree(machine: MachineData): Map<string, StateTreeNode> {
  const nodes = new Map<string, StateTreeNode>();
  const visit = (key: string, path: string, data: StateNodeData, parent: StateTreeNode | null) => {
    const node: StateTreeNode = { path, key, data, parent, children: [] };
    nodes.set(path, node);
    parent?.children.push(node);
    for (const [childKey, child] of Object.entries(data.states ?? {})) {
      visit(childKey, path ? `${path}.${childKey}` : childKey, child, node);
    }
  };
  visit(machine.id, '', machine, null);
  return nodes;
}

/**
 * Resolves a transition target as XState v5 does: `#machineId.a.b` absolute, `.child` below the source,
 * anything else a sibling of the source (or a path below that sibling).
 */
export function resolveTarget(
  nodes: Map<string, StateTreeNode>,
  machineId: string,
  source: StateTreeNode,
  target: string,
): StateTreeNode | undefined {
  if (target.startsWith('#')) {
    const id = target.slice(1);
    if (id === machineId) return nodes.get('');
    const prefix = `${machineId}.`;
    return id.startsWith(prefix) ? nodes.get(id.slice(prefix.length)) : undefined;
  }
  if (target.startsWith('.')) {
    const below = target.slice(1);
    return nodes.get(source.path ? `${source.path}.${below}` : below);
  }
  if (!source.parent) return undefined;
  const base = source.parent.path;
  return nodes.get(base ? `${base}.${target}` : target);
}

/** The atomic (or final) state entered when `node` is entered: follow `initial` down. */
export function enteredLeaf(node: StateTreeNode): StateTreeNode {
  let current = node;
  while (current.children.length > 0) {
    const initial = current.children.find((child) => child.key === current.data.initial);
    if (!initial) return current;
    current = initial;
  }
  return current;
}

/** The pseudo-event of eventless (`always`) transitions. */
export const ALWAYS = '(always)';

export function outgoingEdges(node: StateTreeNode): TransitionEdge[] {
  const onEvents = Object.entries(node.data.on ?? {}).flatMap(([event, transitions]) =>
    (transitions ?? []).map((transition, index) => ({ source: node, event, index, transition })),
  );
  const eventless = (node.data.always ?? []).map((transition, index) => ({
    source: node,
    event: ALWAYS,
    index,
    transition,
  }));
  return [...eventless, ...onEvents];
}

const ancestorsAndSelf = (node: StateTreeNode): StateTreeNode[] => {
  const chain: StateTreeNode[] = [];
  for (let current: StateTreeNode | null = node; current; current = current.parent) chain.push(current);
  return chain;
};

export interface ReachabilityReport {
  /** Every node, reachable or not from the initial state. */
  reachable: Set<string>;
  /** Leaves (active configurations) from which no top-level final state can be reached. */
  stuck: string[];
}

/**
 * Over-approximates the machine as a graph between leaves (any guard may pass) and answers which states
 * can be reached and which leaves can never finish. A leaf sees the transitions of all its ancestors.
 */
export function analyseReachability(
  nodes: Map<string, StateTreeNode>,
  machineId: string,
): ReachabilityReport {
  const root = nodes.get('')!;
  const successors = new Map<string, Set<string>>();
  const leaves = [...nodes.values()].filter((node) => node.children.length === 0 && node !== root);
  for (const leaf of leaves) {
    const next = new Set<string>();
    if (leaf.data.type !== 'final') {
      for (const holder of ancestorsAndSelf(leaf)) {
        for (const edge of outgoingEdges(holder)) {
          const target = edge.transition.target
            ? resolveTarget(nodes, machineId, holder, edge.transition.target)
            : leaf;
          if (target) next.add(enteredLeaf(target).path);
        }
      }
    }
    successors.set(leaf.path, next);
  }

  const reachableLeaves = new Set<string>();
  const queue = [enteredLeaf(root).path];
  while (queue.length > 0) {
    const path = queue.pop()!;
    if (reachableLeaves.has(path)) continue;
    reachableLeaves.add(path);
    queue.push(...(successors.get(path) ?? []));
  }
  const reachable = new Set<string>(['']);
  for (const path of reachableLeaves) {
    for (const node of ancestorsAndSelf(nodes.get(path)!)) reachable.add(node.path);
  }

  const finishing = new Set(
    leaves.filter((leaf) => leaf.data.type === 'final' && leaf.parent === root).map((leaf) => leaf.path),
  );
  let grew = true;
  while (grew) {
    grew = false;
    for (const [path, next] of successors) {
      if (!finishing.has(path) && [...next].some((target) => finishing.has(target))) {
        finishing.add(path);
        grew = true;
      }
    }
  }
  const stuck = [...reachableLeaves].filter((path) => !finishing.has(path));
  return { reachable, stuck };
}
