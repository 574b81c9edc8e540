import type { MachineData } from '../../workflows/index.js';
import type { PathTaken } from '../catalog/flowchart-dot.js';
import { stageOf } from '../engine/state-path.js';
import { topLevelOrder } from '../procedures/step-order.js';

export interface ListedStep {
  title: string;
  status: 'done' | 'current' | 'skipped' | 'todo';
}

/**
 * A matter's procedure as a phone shows it: its titled steps top to bottom, those it has been through,
 * the one it is at, those its route passed by, those ahead; the outcome at the end once reached. Untitled
 * routing states are left out.
 */
export function stepListOf(machine: MachineData, path: PathTaken): ListedStep[] {
  const here = stageOf(path.current);
  const been = new Set([...path.visited].map(stageOf));
  const states = machine.states ?? {};
  const stages = topLevelOrder(machine).map((key) => [key, states[key]] as const);
  const at = stages.findIndex(([key]) => key === here);
  return stages.flatMap(([key, node], index): ListedStep[] => {
    const title = node.meta?.title;
    if (!title) return [];
    if (node.type === 'final') return key === here ? [{ title, status: 'current' }] : [];
    if (key === here) return [{ title, status: 'current' }];
    // A step above the current one never entered is one this matter's route passed by (merged, not needed).
    return [{ title, status: been.has(key) ? 'done' : index < at ? 'skipped' : 'todo' }];
  });
}

/**
 * A chart to draw inside a page: without the file's XML prologue and comments, and without Graphviz's
 * `<title>` elements, which carry internal names and would show as tooltips.
 */
export const inlineSvg = (svg: string): string =>
  svg
    .replace(/^[\s\S]*?(?=<svg)/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<title>[^<]*<\/title>/g, '');
