import type { JsonValue, MachineData, ProcedureDefinition } from '../../workflows/index.js';
import { canonicalJson } from '../common/canonical-json.js';

/** An item of a list version as the diff compares it. */
export interface ComparedItem {
  code: string;
  title: string;
  definition: ProcedureDefinition;
  /** Effective values: the procedure's defaults with the list's overrides. */
  parameters: Record<string, JsonValue>;
  responsible: { personId: string; duty: string } | null;
}

export interface ItemChange {
  code: string;
  title: string;
  procedure: {
    from: { id: string; version: number };
    to: { id: string; version: number };
    statesAdded: string[];
    statesRemoved: string[];
    eventsAdded: string[];
    eventsRemoved: string[];
  } | null;
  parameters: { name: string; from: JsonValue | null; to: JsonValue | null }[];
  responsible: { from: ComparedItem['responsible']; to: ComparedItem['responsible'] } | null;
}

export interface ListDiff {
  added: { code: string; title: string }[];
  removed: { code: string; title: string }[];
  changed: ItemChange[];
}

/** Every state of a machine as a dotted path, for comparing two procedures. */
function statePaths(node: MachineData, prefix = ''): string[] {
  return Object.entries(node.states ?? {}).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...statePaths(child as MachineData, path)];
  });
}

const minus = (a: string[], b: string[]) => a.filter((entry) => !b.includes(entry));
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** What changed from one list version to another: items added, removed, and changed with their details. */
export function diffLists(from: ComparedItem[], to: ComparedItem[]): ListDiff {
  const before = new Map(from.map((item) => [item.code, item]));
  const after = new Map(to.map((item) => [item.code, item]));
  const changed: ItemChange[] = [];
  for (const [code, next] of after) {
    const previous = before.get(code);
    if (!previous) continue;
    const sameProcedure =
      previous.definition.id === next.definition.id &&
      previous.definition.version === next.definition.version;
    const names = [...new Set([...Object.keys(previous.parameters), ...Object.keys(next.parameters)])].sort();
    const parameters = names
      .filter((name) => !same(previous.parameters[name], next.parameters[name]))
      .map((name) => ({ name, from: previous.parameters[name] ?? null, to: next.parameters[name] ?? null }));
    const responsible = same(previous.responsible, next.responsible)
      ? null
      : { from: previous.responsible, to: next.responsible };
    if (sameProcedure && parameters.length === 0 && !responsible && previous.title === next.title) continue;
    const [statesBefore, statesAfter] = [previous, next].map((item) => statePaths(item.definition.machine));
    const [eventsBefore, eventsAfter] = [previous, next].map((item) => Object.keys(item.definition.events));
    changed.push({
      code,
      title: next.title,
      procedure: sameProcedure
        ? null
        : {
            from: { id: previous.definition.id, version: previous.definition.version },
            to: { id: next.definition.id, version: next.definition.version },
            statesAdded: minus(statesAfter, statesBefore),
            statesRemoved: minus(statesBefore, statesAfter),
            eventsAdded: minus(eventsAfter, eventsBefore),
            eventsRemoved: minus(eventsBefore, eventsAfter),
          },
      parameters,
      responsible,
    });
  }
  return {
    added: to.filter((item) => !before.has(item.code)).map(({ code, title }) => ({ code, title })),
    removed: from.filter((item) => !after.has(item.code)).map(({ code, title }) => ({ code, title })),
    changed,
  };
}
