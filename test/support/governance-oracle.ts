import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type {
  JsonObject,
  JsonSchema,
  JsonValue,
  NamedRef,
  ProcedureDefinition,
  StateNodeData,
} from '../../workflows/index.js';
import { createAjv, type ValidateFunction } from '../../src/common/json-schema.js';
import { activeStates, statePath } from '../../src/engine/state-path.js';
import type { BuiltProcedure } from '../../src/procedures/machine-builder.js';
import { resolveBody, resolveRuleSet } from '../../src/procedures/meeting-sources.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';
import { sampleEvents } from './event-samples.js';
import {
  TOWNSHIP,
  only,
  requirementsFor,
  type Meeting,
  type Node,
  type Step,
} from './oracle-requirements.js';

/**
 * An oracle for the governance checker, written apart from it: it runs the built machine with XState's
 * pure `transition()` over sample events (and the payload and fact values the machine's guards test),
 * keeps the meetings each act opens and closes as the engine does (scoped to the state after the act,
 * dropped when that state is left), and looks at the acts actually taken: the tally's outcome and the
 * meetings it was taken on, the actions carried out, the marks and roles of each event sent.
 */

export interface Violation {
  inputs: JsonObject;
  requirement: string;
  /** The acts of a path that reaches the outcome without the step. */
  path: string[];
}

/** The guards of a machine config, nested ones included. */
function* guardsIn(node: JsonValue): Generator<NamedRef> {
  if (Array.isArray(node)) for (const child of node) yield* guardsIn(child);
  else if (node && typeof node === 'object') {
    if (typeof node.type === 'string' && node.params && typeof node.params === 'object')
      yield node as unknown as NamedRef;
    for (const child of Object.values(node)) yield* guardsIn(child);
  }
}

/**
 * The sample events, and for each payload or fact a guard tests, a variant with the tested value when
 * the event's schema lets a sender give it (the engine refuses any other payload before the machine).
 */
function eventsToTry(built: BuiltProcedure): MatterEvent[] {
  const base = sampleEvents(built.definition);
  const variants: MatterEvent[] = [...base];
  const ajv = createAjv();
  const validators = new Map<JsonSchema, ValidateFunction>();
  const accepts = (schema: JsonSchema, value: JsonValue) => {
    let validate = validators.get(schema);
    if (!validate)
      validators.set(schema, (validate = ajv.compile({ type: 'object', properties: { value: schema } })));
    return validate({ value });
  };
  for (const ref of guardsIn(built.config as unknown as JsonValue)) {
    const { field, fact, value } = (ref.params ?? {}) as { field?: string; fact?: string; value?: JsonValue };
    for (const event of base) {
      const spec = built.definition.events[event.type];
      const properties = (spec.payload.properties ?? {}) as Record<string, JsonSchema>;
      const required = (spec.payload.required ?? []) as string[];
      if (ref.type === 'payloadEquals' && field && field in properties) {
        if (accepts(properties[field], value ?? null))
          variants.push({ ...event, payload: { ...event.payload, [field]: value ?? null } });
      }
      if (ref.type === 'payloadAbsent' && field && !required.includes(field)) {
        const payload = { ...event.payload };
        delete payload[field];
        variants.push({ ...event, payload });
      }
      if ((ref.type === 'factEquals' || ref.type === 'factAtMost') && fact && spec.facts?.includes(fact)) {
        const values = typeof value === 'number' ? [value, value + 1] : [value ?? null];
        for (const tried of values) variants.push({ ...event, facts: { ...event.facts, [fact]: tried } });
      }
    }
  }
  const seen = new Set<string>();
  return variants.filter((event) => {
    const key = JSON.stringify([event.type, event.payload, event.facts]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The event types a state and its ancestors handle: no other event can move the matter. */
function handledIn(built: BuiltProcedure, state: string): Set<string> {
  const handled = new Set(Object.keys(built.config.on ?? {}));
  let node: StateNodeData | undefined = built.config;
  for (const key of state.split('.')) {
    node = node?.states?.[key];
    for (const event of Object.keys(node?.on ?? {})) handled.add(event);
  }
  return handled;
}

function nodeOf(snapshot: AnyMachineSnapshot, meetings: Meeting[]): Node {
  const state = statePath(snapshot.value);
  const unique = [...new Map(meetings.map((meeting) => [JSON.stringify(meeting), meeting])).values()];
  unique.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  const route = (snapshot.context as { route?: { name?: string } }).route?.name ?? null;
  return { key: JSON.stringify([snapshot.value, route, unique]), snapshot, state, meetings: unique };
}

/** The meetings after an act: those it opens (scoped to where it leads), less those it closes or leaves. */
function meetingsAfter(
  node: Node,
  next: AnyMachineSnapshot,
  actions: NamedRef[],
  inputs: JsonObject,
): Meeting[] {
  const after = statePath(next.value);
  let meetings = [...node.meetings];
  for (const action of actions) {
    if (action.type === 'closeMeeting') meetings = meetings.filter((meeting) => meeting.scope !== node.state);
    if (action.type === 'openMeeting') {
      const params = action.params ?? {};
      meetings.push({
        scope: after,
        body: resolveBody(params.body, inputs),
        ruleSet: resolveRuleSet(params.ruleSet, inputs).code,
      });
    }
  }
  const active = activeStates(after);
  return meetings.filter((meeting) => active.includes(meeting.scope));
}

function explore(built: BuiltProcedure, inputs: JsonObject, events: MatterEvent[]) {
  const [first, initialActions] = initialTransition(built.machine, inputs);
  const before: Node = { key: '', snapshot: first, state: '', meetings: [] };
  const start = nodeOf(first, meetingsAfter(before, first, initialActions as unknown as NamedRef[], inputs));
  const nodes = new Map([[start.key, start]]);
  const steps = new Map<string, Step[]>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const out: Step[] = [];
    steps.set(node.key, out);
    if (node.snapshot.status !== 'active') continue;
    const handled = handledIn(built, node.state);
    const open = node.meetings.filter((meeting) => meeting.scope === node.state);
    for (const sample of events) {
      if (!handled.has(sample.type)) continue;
      const spec = built.definition.events[sample.type];
      // The engine computes the tally from the meeting open in the state; with none, there is none.
      const event =
        spec.facts?.includes('tally') && open.length === 0
          ? { ...sample, facts: { ...sample.facts, tally: null } }
          : sample;
      const [next, actions]: [AnyMachineSnapshot, unknown[]] = transition(
        built.machine,
        node.snapshot,
        event,
      );
      if (next === node.snapshot) continue;
      const effects = actions as unknown as NamedRef[];
      const to = nodeOf(next, meetingsAfter(node, next, effects, inputs));
      const known = nodes.get(to.key) ?? to;
      if (!nodes.has(to.key)) {
        nodes.set(to.key, to);
        queue.push(to);
      }
      const tally = event.facts.tally as { outcome?: string } | null | undefined;
      const passedIn = tally?.outcome === 'passed' ? open : [];
      out.push({ from: node, to: known, event, spec, actions: effects, passedIn });
    }
  }
  return { start, steps };
}

const finalsOf = (definition: ProcedureDefinition, kinds: string[]) =>
  new Set(
    Object.entries(definition.outcomes)
      .filter(([, kind]) => kinds.includes(kind))
      .map(([state]) => state),
  );
const ended = (node: Node, finals: Set<string>) => node.snapshot.status === 'done' && finals.has(node.state);

/** A path from the start to a node `target` accepts, never through a step `skip` accepts. */
function pathTo(
  start: Node,
  steps: Map<string, Step[]>,
  target: (node: Node) => boolean,
  skip: (step: Step) => boolean,
): Step[] | null {
  const cameBy = new Map<string, Step | null>([[start.key, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    if (target(node)) {
      const path: Step[] = [];
      for (let step = cameBy.get(node.key); step; step = cameBy.get(step.from.key)) path.unshift(step);
      return path;
    }
    for (const step of steps.get(node.key) ?? []) {
      if (skip(step) || cameBy.has(step.to.key)) continue;
      cameBy.set(step.to.key, step);
      queue.push(step.to);
    }
  }
  return null;
}

const narrate = (path: Step[]) =>
  path.map(
    (step) =>
      `${step.from.state} —${step.event.type} ${JSON.stringify([step.event.payload, step.event.facts])}→ ${step.to.state}`,
  );

/** Every path to a carried-out ending that lacks a required step, and every ending the township's act did not make. */
export function findViolations(built: BuiltProcedure, probes: JsonObject[]): Violation[] {
  const definition = built.definition;
  const carriedOut = finalsOf(definition, ['carriedOut']);
  const endings = finalsOf(definition, ['rejected', 'dropped']);
  const events = eventsToTry(built);
  const violations: Violation[] = [];
  for (const inputs of probes) {
    const { start, steps } = explore(built, inputs, events);
    const { requirements, township } = requirementsFor(definition, inputs);
    for (const requirement of requirements) {
      const path = pathTo(start, steps, (node) => ended(node, carriedOut), requirement.met);
      if (path) violations.push({ inputs, requirement: requirement.title, path: narrate(path) });
    }
    if (township) {
      const path = pathTo(
        start,
        steps,
        (node) => ended(node, endings),
        (step) => ended(step.to, endings) && only(step.spec, TOWNSHIP),
      );
      if (path) violations.push({ inputs, requirement: '由乡镇人民政府决定', path: narrate(path) });
    }
  }
  return violations;
}
