import type { StateValue } from 'xstate';
import type { MachineData, StateNodeData } from '../../workflows/index.js';

/** `{ a: { b: 'c' } }` → `a.b.c`: our machines have no parallel states, so one path names the state. */
export function statePath(value: StateValue): string {
  const parts: string[] = [];
  let node: StateValue = value;
  while (typeof node !== 'string') {
    const [key] = Object.keys(node);
    if (key === undefined) break;
    parts.push(key);
    node = node[key] as StateValue;
  }
  if (typeof node === 'string') parts.push(node);
  return parts.join('.');
}

/** Every state active with `path`: `a.b.c` → `a`, `a.b`, `a.b.c`. */
export function activeStates(path: string): string[] {
  const parts = path.split('.');
  return parts.map((_, index) => parts.slice(0, index + 1).join('.'));
}

export const stageOf = (path: string): string => path.split('.')[0];

/** The state nodes along a path, for their Chinese titles. */
export function nodesAlong(machine: MachineData, path: string): StateNodeData[] {
  const nodes: StateNodeData[] = [];
  let node: StateNodeData | undefined = machine;
  for (const key of path.split('.')) {
    node = node?.states?.[key];
    if (node) nodes.push(node);
  }
  return nodes;
}

/** The innermost titled step of a path (e.g. 党员大会审议), or the path itself when none is titled. */
export function stepTitleOf(machine: MachineData, path: string): string {
  const titled = nodesAlong(machine, path).filter((node) => node.meta?.title);
  return titled.at(-1)?.meta?.title ?? path;
}
