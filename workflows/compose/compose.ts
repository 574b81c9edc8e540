import { objectionEvent } from '../events/supervision-events.js';
import { objectionTransitions } from '../fragments/objection.js';
import { ref, stateId } from '../fragments/refs.js';
import type {
  EventSpec,
  MachineData,
  NamedRef,
  OutcomeKind,
  StateNodeData,
  TransitionData,
} from '../types.js';
import type { Step, StepContext } from './step.js';

export interface RouteSpec {
  name: string;
  /** Chinese title of the route, e.g. 公开招标（10万元以上）. */
  title: string;
  /** When the route applies; the first matching route is taken, the last needs no condition. */
  when?: NamedRef;
}

export interface StepEntry {
  key: string;
  step: Step;
  /** Only on these routes (all routes when absent). */
  onRoutes?: string[];
}

export interface Composition {
  machineId: string;
  /** Routes chosen at start from the matter's inputs; the route taken is kept in the context. */
  routes?: RouteSpec[];
  routingTitle?: string;
  steps: StepEntry[];
}

const FINALS: Record<string, { title: string; kind: OutcomeKind }> = {
  closed: { title: '办结', kind: 'carriedOut' },
  rejected: { title: '未通过，终止', kind: 'rejected' },
  dropped: { title: '不予办理', kind: 'dropped' },
};

const same = (a: EventSpec, b: EventSpec) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Builds a machine from steps in order: each step's `next` is the following step, through a gate when
 * the following steps depend on the route. Every step may be objected to by the supervision committee
 * (back to the step's start, or to an earlier step); final states are added as steps refer to them.
 */
export function compose(composition: Composition): {
  machine: MachineData;
  events: Record<string, EventSpec>;
  outcomes: Record<string, OutcomeKind>;
} {
  const { machineId, steps, routes = [] } = composition;
  const states: Record<string, StateNodeData> = {};
  const events: Record<string, EventSpec> = {};
  const usedFinals = new Set<string>(['closed']);
  const at = (key: string) => {
    if (key in FINALS) usedFinals.add(key);
    return stateId(machineId, key);
  };

  const gates = new Set<number>();
  /** Where a matter arriving before step `index` goes: that step if on its route, else further on. */
  const gateOf = (index: number): string => {
    const entry = steps[index];
    if (!entry) return at('closed');
    if (!entry.onRoutes) return at(entry.key);
    for (const route of entry.onRoutes) {
      if (!routes.some((candidate) => candidate.name === route))
        throw new Error(`${machineId}: unknown route ${route}`);
    }
    gates.add(index);
    return at(`before_${entry.key}`);
  };

  const backGates = new Set<number>();
  /** Where rework before step `index` goes: the nearest earlier step on the matter's route. */
  const previousOf = (index: number): string | undefined => {
    const before = steps[index - 1];
    if (!before) return undefined;
    if (!before.onRoutes) return at(before.key);
    backGates.add(index - 1);
    return at(`back_to_${before.key}`);
  };

  steps.forEach((entry, index) => {
    const context: StepContext = {
      machineId,
      key: entry.key,
      next: gateOf(index + 1),
      at,
      // Computed on use: a backward gate exists only if a step sends rework back.
      get previous() {
        return previousOf(index);
      },
    };
    const built = entry.step(context);
    for (const [type, spec] of Object.entries(built.events)) {
      if (events[type] && !same(events[type], spec))
        throw new Error(`${machineId}: event ${type} defined twice differently`);
      events[type] = spec;
    }
    const earlier = steps.slice(0, index).map(({ key, onRoutes }) => ({ key, onRoutes }));
    const restartChild = built.node.initial ?? null;
    states[entry.key] = {
      ...built.node,
      on: { ...built.node.on, OBJECT: objectionTransitions(machineId, entry.key, earlier, restartChild) },
    };
  });
  events.OBJECT = objectionEvent(steps.map((entry) => entry.key));
  for (const index of backGates) {
    const entry = steps[index];
    const further = previousOf(index);
    states[`back_to_${entry.key}`] = {
      meta: { title: `退回：${states[entry.key].meta?.title ?? entry.key}（如适用）` },
      always: [
        { guard: ref('routeIs', { routes: entry.onRoutes! }), target: at(entry.key) },
        { target: further ?? at(steps[index + 1].key) },
      ],
    };
  }
  for (const index of gates) {
    const entry = steps[index];
    states[`before_${entry.key}`] = {
      meta: { title: `是否需要${states[entry.key].meta?.title ?? entry.key}` },
      always: [
        { guard: ref('routeIs', { routes: entry.onRoutes! }), target: at(entry.key) },
        { target: gateOf(index + 1) },
      ],
    };
  }

  let initial = steps[0].key;
  if (routes.length > 0) {
    initial = 'routing';
    const firstOnRoute = (route: string) => {
      const index = steps.findIndex((entry) => !entry.onRoutes || entry.onRoutes.includes(route));
      return index < 0 ? at('closed') : at(steps[index].key);
    };
    states.routing = {
      meta: { title: composition.routingTitle ?? '确定办理路径' },
      always: routes.map((route): TransitionData => ({
        ...(route.when ? { guard: route.when } : {}),
        target: firstOnRoute(route.name),
        actions: [ref('markRoute', { route: route.name, title: route.title })],
        description: route.title,
      })),
    };
  }
  const outcomes: Record<string, OutcomeKind> = {};
  for (const final of usedFinals) {
    states[final] = { type: 'final', meta: { title: FINALS[final].title } };
    outcomes[final] = FINALS[final].kind;
  }
  return { machine: { id: machineId, initial, context: {}, states }, events, outcomes };
}
