import { createMachine, type AnyStateNode } from 'xstate';
import type { MachineData } from '../../../workflows/index.js';
import { displayPath, outgoingEdges, resolveTarget, type StateTreeNode } from '../state-graph.js';
import type { DefinitionIssue } from './issue.js';

/**
 * Every other check reads the checker's own graph of the definition. XState builds its own from the
 * same config, and a string the two parse differently (a `\` escape in a target, say) would let the
 * checker pass a graph that is not the one run. So XState's reading is compared with the checker's:
 * the same states, and from each state the same events leading to the same targets, in the same order.
 */
export function checkXStateReading(
  machine: MachineData,
  nodes: Map<string, StateTreeNode>,
): DefinitionIssue[] {
  let root: AnyStateNode;
  try {
    // Only the graph is read: the named guards and actions need no implementations for that.
    root = createMachine(machine as unknown as Parameters<typeof createMachine>[0]).root;
  } catch (error) {
    return [mismatch('(root)', `XState 无法读取该流程：${error instanceof Error ? error.message : ''}`)];
  }
  const issues: DefinitionIssue[] = [];
  const theirs = new Map<string, AnyStateNode>();
  const collect = (node: AnyStateNode) => {
    theirs.set(pathKey(node.path), node);
    for (const child of Object.values(node.states) as AnyStateNode[]) collect(child);
  };
  collect(root);
  const ours = new Map([...nodes.values()].map((node) => [pathKey(keysOf(node)), node]));
  for (const [key, node] of ours) {
    const their = theirs.get(key);
    if (!their) {
      issues.push(mismatch(displayPath(node.path), `XState 读不到状态 ${displayPath(node.path)}`));
      continue;
    }
    issues.push(...compareTransitions(node, their, nodes, machine.id));
  }
  for (const key of theirs.keys()) {
    if (!ours.has(key)) issues.push(mismatch(key, `XState 读出了检查器看不到的状态 ${key}`));
  }
  return issues;
}

function compareTransitions(
  node: StateTreeNode,
  their: AnyStateNode,
  nodes: Map<string, StateTreeNode>,
  machineId: string,
): DefinitionIssue[] {
  const state = displayPath(node.path);
  const ourTargets = new Map<string, string[]>();
  for (const edge of outgoingEdges(node)) {
    const target = edge.transition.target;
    const resolved = target === undefined ? undefined : resolveTarget(nodes, machineId, node, target);
    const list = ourTargets.get(edge.event) ?? [];
    list.push(resolved ? pathKey(keysOf(resolved)) : target === undefined ? '(none)' : '(unknown)');
    ourTargets.set(edge.event, list);
  }
  const theirTargets = new Map<string, string[]>();
  const transitions = [...their.transitions.entries(), ['(always)', their.always ?? []] as const];
  for (const [event, definitions] of transitions) {
    if (definitions.length === 0) continue;
    theirTargets.set(
      event,
      definitions.map((definition) =>
        definition.target ? definition.target.map((target) => pathKey(target.path)).join('|') : '(none)',
      ),
    );
  }
  const issues: DefinitionIssue[] = [];
  for (const event of new Set([...ourTargets.keys(), ...theirTargets.keys()])) {
    const a = ourTargets.get(event) ?? [];
    const b = theirTargets.get(event) ?? [];
    if (a.length !== b.length || a.some((target, index) => target !== b[index])) {
      issues.push({
        ...mismatch(
          state,
          `状态 ${state} 的事件 ${event}：XState 读出的目标 ${b.join('、') || '（无）'} 与检查的 ${a.join('、') || '（无）'} 不同`,
        ),
        event,
      });
    }
  }
  const ourInitial = node.data.initial;
  const theirInitial = their.initial?.target[0]?.key as string | undefined;
  if (node.children.length > 0 && ourInitial !== theirInitial) {
    issues.push(mismatch(state, `状态 ${state} 的初始子状态：XState 读作 ${theirInitial ?? '（无）'}`));
  }
  return issues;
}

const keysOf = (node: StateTreeNode): string[] => {
  const keys: string[] = [];
  for (let current: StateTreeNode | null = node; current?.parent; current = current.parent) {
    keys.unshift(current.key);
  }
  return keys;
};

/** A path as JSON of its keys: a key holding `.` cannot pass for two. */
const pathKey = (keys: string[]): string => JSON.stringify(keys);

const mismatch = (state: string, message: string): DefinitionIssue => ({
  code: 'STATE.READ_DIFFERENTLY',
  message: `检查器与执行引擎对流程的理解不一致：${message}`,
  state,
});
