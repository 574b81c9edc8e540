import type { JsonObject, JsonValue, ProcedureDefinition } from '../../workflows/index.js';
import { meetsFloor } from '../procedures/checker/period-floors.js';

type Period = { days: number; unit: 'calendar' | 'working' };

/**
 * The district's base list sets each public period of its items (the district notice's minimum where no
 * national rule fixes one: 7 days for a homestead's notice, 5 working days for a subsidy register): a
 * village may keep its notices up longer, never shorter. Answers each of `parameters` that sets how long
 * one of the item's disclosures stays public to less than `base` does. The law's own floors are the
 * checker's.
 */
export function shortenedPeriods(
  definition: ProcedureDefinition,
  parameters: JsonObject,
  base: JsonObject,
): { key: string; floor: Period }[] {
  const notices = noticePeriodsOf(definition);
  return Object.entries(parameters).flatMap(([key, value]) => {
    const floor = notices.has(key) ? periodOf(base[key]) : null;
    return floor && !meetsFloor(value, floor) ? [{ key, floor }] : [];
  });
}

/** The parameters that set how long a disclosure stays public (`publishDisclosure`'s `period`). */
function noticePeriodsOf(definition: ProcedureDefinition): Set<string> {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const node = value as { type?: unknown; params?: { period?: { $param?: unknown } } };
      const named = node.params?.period?.$param;
      if (node.type === 'publishDisclosure' && typeof named === 'string') found.add(named);
      Object.values(value).forEach(visit);
    }
  };
  visit(definition.machine);
  return found;
}

const periodOf = (value: JsonValue | undefined): Period | null =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  typeof value.days === 'number' &&
  (value.unit === 'calendar' || value.unit === 'working')
    ? { days: value.days, unit: value.unit }
    : null;
