import type { JsonSchema, JsonValue, ProcedureDefinition } from '../../../workflows/index.js';
import {
  statutoryClass,
  type PeriodFloor,
  type StatutoryClass,
} from '../../../workflows/catalog/statutory-classes.js';
import { displayPath, outgoingEdges, type StateTreeNode } from '../state-graph.js';
import { citation } from './class-rules.js';
import type { DefinitionIssue } from './issue.js';

export const UNIT_WORDS = { calendar: '日', working: '个工作日' } as const;

/**
 * A public period the law fixes for a class (低保's seven-day notice, the ten days a collective's
 * reports lie open before its assembly) may be lengthened by a village, never shortened: every
 * disclosure of that kind, in every class the item may be of, must stay public at least that long.
 * Run on the definition with its parameters (a village's override included) already in place.
 */
export function checkPeriodFloors(
  definition: ProcedureDefinition,
  nodes: Map<string, StateTreeNode>,
): DefinitionIssue[] {
  const floors = classesOf(definition).flatMap((matterClass) =>
    (matterClass.periodFloors ?? []).map((floor) => ({ floor, matterClass })),
  );
  if (floors.length === 0) return [];
  const issues: DefinitionIssue[] = [];
  for (const node of nodes.values()) {
    const refs = [
      ...(node.data.entry ?? []),
      ...outgoingEdges(node).flatMap((edge) => edge.transition.actions ?? []),
    ];
    for (const ref of refs) {
      if (ref.type !== 'publishDisclosure') continue;
      const period = ref.params?.period;
      for (const { floor, matterClass } of floors) {
        if (ref.params?.kind !== floor.kind || meetsFloor(period, floor)) continue;
        issues.push({
          code: 'GOVERNANCE.PERIOD_BELOW_LAW',
          message: `${matterClass.title}的公示期不得短于 ${floor.days} ${UNIT_WORDS[floor.unit]}（依据：${citation(floor.legalBasis)}）`,
          state: displayPath(node.path),
        });
      }
    }
  }
  return issues;
}

/** A working-day period is never shorter than as many calendar days; the converse does not hold. */
export function meetsFloor(
  period: JsonValue | undefined,
  floor: Pick<PeriodFloor, 'days' | 'unit'>,
): boolean {
  if (typeof period !== 'object' || period === null || Array.isArray(period)) return false;
  const { days, unit } = period;
  if (typeof days !== 'number' || (unit !== 'calendar' && unit !== 'working')) return false;
  if (floor.unit === 'working' && unit !== 'working') return false;
  return days >= floor.days;
}

/** Every class a matter of this item can be of: the fixed one, or each the input may name. */
export function classesOf(definition: ProcedureDefinition): StatutoryClass[] {
  const source = definition.statutoryClass;
  if (source === undefined) return [];
  if (typeof source === 'string') return [statutoryClass(source)].filter((found) => found !== undefined);
  const property = (definition.inputSchema.properties as Record<string, JsonSchema> | undefined)?.[
    source.fromInput
  ];
  const codes = source.table ? Object.values(source.table) : ((property?.enum ?? []) as string[]);
  return [...new Set(codes)]
    .map((code) => statutoryClass(code))
    .filter((found): found is StatutoryClass => found !== undefined);
}
