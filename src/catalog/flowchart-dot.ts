import { withoutXmlForbidden } from '../common/escape-markup.js';
import type {
  MachineData,
  ProcedureDefinition,
  StateNodeData,
  TransitionData,
} from '../../workflows/index.js';
import { ROLE_TITLES, type Role } from '../../workflows/index.js';
import { buildStateTree, enteredLeaf, resolveTarget, type StateTreeNode } from '../procedures/state-graph.js';

/** What a matter has done, to draw over its procedure's chart. */
export interface PathTaken {
  current: string;
  /** Leaf states the matter has been in. */
  visited: ReadonlySet<string>;
  /** Moves between leaf states, as `from→to`. */
  moves: ReadonlySet<string>;
}

const FONT = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';
const FINAL_COLOURS: Record<string, string> = {
  carriedOut: '#d9f2d9',
  rejected: '#f8d7d7',
  dropped: '#e6e6e6',
};
const OUTCOME_LABELS: Record<string, string> = { passed: '通过', lost: '未通过', noQuorum: '未达法定人数' };
/** Events drawn nowhere: the objection is a note on the chart, the rest are acts within a step. */
const NOT_DRAWN = new Set(['OBJECT']);

/** A DOT string; the SVG that Graphviz writes from it must stay well-formed XML. */
const quote = (text: string) =>
  `"${withoutXmlForbidden(text).replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n')}"`;

interface Edge {
  from: string;
  to: string;
  label: string;
}

/**
 * A leaf's place in the procedure: steps in order, children in order, a routing gate just before the
 * step it guards, final states last. Edges that go back (rework, reconvene) do not shape the layout.
 */
function orderOf(nodes: Map<string, StateTreeNode>): Map<string, number> {
  const root = nodes.get('')!;
  const steps = root.children.filter((stage) => !stage.data.always && stage.data.type !== 'final');
  const order = new Map<string, number>();
  steps.forEach((stage, index) => {
    const leaves = stage.children.length ? stage.children : [stage];
    leaves.forEach((leaf, child) => order.set(leaf.path, index * 100 + child));
  });
  for (const stage of root.children) {
    if (stage.data.always) {
      const guarded = stage.key.startsWith('before_')
        ? order.get(enteredLeaf(nodes.get(stage.key.slice(7))!).path)
        : undefined;
      order.set(stage.path, guarded === undefined ? -1 : guarded - 50);
    }
    if (stage.data.type === 'final') order.set(stage.path, 1e9);
  }
  return order;
}

/**
 * The item's flowchart (流程图) as Graphviz DOT, drawn from the same definition the engine runs: steps
 * as boxes (grouped by stage), who acts at each, public periods, routing decisions as diamonds, votes
 * branching on the server's tally. Given a matter's path, its current step and the moves it made stand out.
 */
export function flowchartDot(
  definition: ProcedureDefinition,
  machine: MachineData,
  path?: PathTaken,
): string {
  const nodes = buildStateTree(machine);
  const lines: string[] = [
    'digraph flow {',
    `  graph [rankdir=TB, fontname=${quote(FONT)}, fontsize=13, nodesep=0.35, ranksep=0.45, labelloc=t, label=${quote(`${definition.id} ${definition.title}`)}];`,
    `  node [shape=box, style="rounded,filled", fillcolor="#eef4fb", color="#6b8fb5", fontname=${quote(FONT)}, fontsize=11];`,
    `  edge [color="#6b8fb5", fontname=${quote(FONT)}, fontsize=9];`,
  ];
  const edges: Edge[] = [];
  const root = nodes.get('')!;
  for (const stage of root.children) {
    if (stage.children.length === 0) {
      lines.push(`  ${nodeLine(stage, definition, machine, nodes, path)}`);
    } else {
      lines.push(`  subgraph ${quote(`cluster_${stage.path}`)} {`);
      lines.push(
        `    label=${quote(stage.data.meta?.title ?? stage.key)}; style="rounded"; color="#9ab0c8"; fontsize=12;`,
      );
      for (const leaf of stage.children)
        lines.push(`    ${nodeLine(leaf, definition, machine, nodes, path)}`);
      lines.push('  }');
    }
    for (const leaf of stage.children.length ? stage.children : [stage])
      edges.push(...edgesFrom(leaf, definition, machine, nodes));
  }
  const order = orderOf(nodes);
  for (const edge of dedupe(edges)) {
    const taken =
      path?.moves.has(`${edge.from}→${edge.to}`) ||
      (path && isRouting(nodes.get(edge.from)) && path.visited.has(edge.to));
    const back = (order.get(edge.to) ?? 0) <= (order.get(edge.from) ?? 0);
    const style = [
      back ? 'constraint=false, style=dashed, color="#a9b8c8", fontcolor="#7d8ea1"' : '',
      taken ? 'color="#1f5fbf", penwidth=2.4, fontcolor="#1f5fbf"' : '',
    ]
      .filter(Boolean)
      .join(', ');
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.label)}${style ? `, ${style}` : ''}];`,
    );
  }
  lines.push(
    `  note [shape=note, style=filled, fillcolor="#fff8e1", color="#c9a227", fontsize=10, label=${quote('村务监督委员会可在任一步骤提出异议，\n退回本步骤或此前任一步骤重新办理')}];`,
  );
  lines.push('}');
  return lines.join('\n');
}

const isRouting = (node: StateTreeNode | undefined) => Boolean(node?.data.always);

function nodeLine(
  node: StateTreeNode,
  definition: ProcedureDefinition,
  machine: MachineData,
  nodes: Map<string, StateTreeNode>,
  path?: PathTaken,
): string {
  const title = shortTitle(node);
  const fill = path?.current === node.path ? '#ffd27f' : path?.visited.has(node.path) ? '#cfe3fb' : undefined;
  if (node.data.type === 'final') {
    const kind = definition.outcomes[node.key];
    return `${quote(node.path)} [shape=box, style="rounded,filled,bold", fillcolor=${quote(fill ?? FINAL_COLOURS[kind] ?? '#eeeeee')}, label=${quote(title)}];`;
  }
  if (isRouting(node)) {
    return `${quote(node.path)} [shape=diamond, style=filled, fillcolor=${quote(fill ?? '#f4f4f4')}, label=${quote(title)}];`;
  }
  const details = [rolesAt(node, definition), periodInto(node, machine, nodes)].filter(Boolean);
  const fillAttr = fill ? `, fillcolor=${quote(fill)}` : '';
  return `${quote(node.path)} [label=${quote([title, ...details].join('\n'))}${fillAttr}];`;
}

/** A child's own title, without the stage's name that its cluster already shows. */
const shortTitle = (node: StateTreeNode) => {
  const title = node.data.meta?.title ?? node.key;
  const separator = title.indexOf('：');
  return node.parent?.path && separator >= 0 ? title.slice(separator + 1) : title;
};

/** Who acts at a step: the roles of the events that move the matter on from it. */
function rolesAt(node: StateTreeNode, definition: ProcedureDefinition): string {
  const roles = new Set<string>();
  for (const [event, transitions] of Object.entries(node.data.on ?? {})) {
    if (NOT_DRAWN.has(event) || transitions.every((transition) => !transition.target)) continue;
    for (const role of definition.events[event]?.roles ?? []) {
      if (role !== 'system') roles.add(ROLE_TITLES[role as Role] ?? role);
    }
  }
  return roles.size ? `（${[...roles].join('、')}）` : '';
}

/** The public period of a disclosure, shown on the state where it runs. */
function periodInto(node: StateTreeNode, machine: MachineData, nodes: Map<string, StateTreeNode>): string {
  for (const source of nodes.values()) {
    for (const transition of Object.values(source.data.on ?? {}).flat()) {
      const target = transition.target && resolveTarget(nodes, machine.id, source, transition.target);
      if (target !== node) continue;
      const publish = transition.actions?.find((action) => action.type === 'publishDisclosure');
      const period = publish?.params?.period as { days?: number; unit?: string } | undefined;
      if (period?.days) return `公示 ${period.days} ${period.unit === 'working' ? '个工作日' : '日'}`;
    }
  }
  return '';
}

function edgesFrom(
  leaf: StateTreeNode,
  definition: ProcedureDefinition,
  machine: MachineData,
  nodes: Map<string, StateTreeNode>,
): Edge[] {
  const edges: Edge[] = [];
  const add = (transition: TransitionData, label: string) => {
    if (!transition.target) return;
    const target = resolveTarget(nodes, machine.id, leaf, transition.target);
    if (!target) return;
    const to = isRouting(target) || target.data.type === 'final' ? target : enteredLeaf(target);
    edges.push({ from: leaf.path, to: to.path, label });
  };
  (leaf.data.always ?? []).forEach((transition, index, all) =>
    add(
      transition,
      transition.description ?? (isGate(leaf.data) ? (index < all.length - 1 ? '需要' : '不需要') : ''),
    ),
  );
  for (const [event, transitions] of Object.entries(leaf.data.on ?? {})) {
    if (NOT_DRAWN.has(event)) continue;
    for (const transition of transitions) add(transition, edgeLabel(event, transition, definition));
  }
  return edges;
}

const isGate = (data: StateNodeData) =>
  data.always?.some((transition) => transition.guard?.type === 'routeIs') ?? false;

function edgeLabel(event: string, transition: TransitionData, definition: ProcedureDefinition): string {
  const title = definition.events[event]?.title ?? event;
  const outcome =
    transition.guard?.type === 'voteOutcomeIs'
      ? OUTCOME_LABELS[transition.guard.params?.outcome as string]
      : undefined;
  if (outcome) return outcome;
  return transition.description ? `${title}（合并）` : title;
}

/** One edge per pair of states; the labels of parallel transitions are listed one per line. */
function dedupe(edges: Edge[]): Edge[] {
  const seen = new Map<string, Edge>();
  for (const edge of edges) {
    const key = `${edge.from}→${edge.to}`;
    const known = seen.get(key);
    if (!known) seen.set(key, { ...edge });
    else if (!known.label.split('\n').includes(edge.label)) known.label = `${known.label}\n${edge.label}`;
  }
  return [...seen.values()];
}
