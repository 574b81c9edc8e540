import type { MachineData } from '../../workflows/index.js';
import { buildStateTree, outgoingEdges, resolveTarget, type StateTreeNode } from './state-graph.js';

/**
 * A machine's top-level states in the order a matter meets them, whatever order its stored JSON keeps
 * the keys in (PostgreSQL's jsonb sorts them by length, so a village item read back loses its order):
 * depth first from the initial state, eventless routes in their listed order before events, and reverse
 * post-order, so each state comes after the states that lead forward to it. The supervisors' objections,
 * which may send a matter back to any earlier step, are no order; other rework goes back along the way
 * taken and is set aside as such. States never reached keep their stored place after the rest.
 */
export function topLevelOrder(machine: MachineData): string[] {
  const nodes = buildStateTree(machine);
  const root = nodes.get('')!;
  const stageOf = (node: StateTreeNode): StateTreeNode => {
    let current = node;
    while (current.parent && current.parent !== root) current = current.parent;
    return current;
  };
  const below = (node: StateTreeNode): StateTreeNode[] => [node, ...node.children.flatMap(below)];
  const successors = new Map<string, string[]>();
  for (const stage of root.children) {
    const next: string[] = [];
    for (const node of below(stage)) {
      for (const edge of outgoingEdges(node)) {
        if (edge.event === 'OBJECT') continue;
        const target =
          edge.transition.target && resolveTarget(nodes, machine.id, node, edge.transition.target);
        if (!target || target === root) continue;
        const key = stageOf(target).key;
        if (key !== stage.key && !next.includes(key)) next.push(key);
      }
    }
    successors.set(stage.key, next);
  }

  const seen = new Set<string>();
  const finished: string[] = [];
  const visit = (key: string) => {
    seen.add(key);
    for (const next of successors.get(key) ?? []) if (!seen.has(next)) visit(next);
    finished.push(key);
  };
  if (machine.initial && successors.has(machine.initial)) visit(machine.initial);
  const order = finished.reverse();
  return [...order, ...root.children.map((stage) => stage.key).filter((key) => !seen.has(key))];
}
