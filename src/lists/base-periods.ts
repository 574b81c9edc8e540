import type { JsonObject, JsonValue, ProcedureDefinition } from '../../workflows/index.js';
import { classesOf, meetsFloor } from '../procedures/checker/period-floors.js';

export type Period = { days: number; unit: 'calendar' | 'working' };

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
  const notices = new Set(noticesOf(definition).flatMap((notice) => notice.key ?? []));
  return Object.entries(parameters).flatMap(([key, value]) => {
    const floor = notices.has(key) ? periodOf(base[key]) : null;
    return floor && !meetsFloor(value, floor) ? [{ key, floor }] : [];
  });
}

/** A base item's notice of one kind, as long as the base list keeps it public. */
export interface BaseNotice {
  code: string;
  kind: string;
  period: Period;
}

/** A village item's notice shorter than every notice of its kind the base list keeps for items like it. */
export interface ShortNotice {
  kind: string;
  /** The parameter that sets it; none when the definition writes the period itself. */
  key?: string;
  floors: BaseNotice[];
}

/**
 * A village's own item is held to the base list's notices for items like it, however it was written: a
 * JSON copy of 宅基地申请 without `basedOn`, or a notice given a new kind, would otherwise escape the 7 days
 * the district set for E1. Items like it are the base items of its category that share a statutory class
 * with it, or, when none does, every base item of its category. Each of its notices must stay public at
 * least as long as one of their notices of the same kind (of any kind when they have none of it; of any
 * base item when none of them posts one): the weakest such floor, so that an item the district itself would
 * admit is never refused.
 */
export function shortNotices(
  item: ProcedureDefinition,
  parameters: JsonObject,
  baseItems: readonly { code: string; definition: ProcedureDefinition; parameters: JsonObject }[],
): ShortNotice[] {
  const own = new Set(classesOf(item).map((matterClass) => matterClass.code));
  const sameCategory = baseItems.filter((base) => base.definition.category === item.category);
  const sharingClass = sameCategory.filter((base) =>
    classesOf(base.definition).some((matterClass) => own.has(matterClass.code)),
  );
  const alike = sharingClass.length > 0 ? sharingClass : sameCategory;
  const noticesAmong = (items: typeof baseItems) =>
    items.flatMap(({ code, definition, parameters: listed }) =>
      noticesOf(definition).flatMap(({ kind, period }) => {
        const value = periodOf(resolved(period, { ...definition.parameters, ...listed }));
        return value ? [{ code, kind, period: value }] : [];
      }),
    );
  // A category whose base items post nothing (印章, 证明) is no way out: the base list's shortest binds.
  const alikeFloors = noticesAmong(alike);
  const floors = alikeFloors.length > 0 ? alikeFloors : noticesAmong(baseItems);
  if (floors.length === 0) return [];
  return noticesOf(item).flatMap(({ kind, key, period }) => {
    const value = resolved(period, parameters);
    // An unresolved or malformed period is the checker's to refuse.
    if (periodOf(value) === null) return [];
    const ofKind = floors.filter((floor) => floor.kind === kind);
    const binding = ofKind.length > 0 ? ofKind : floors;
    return binding.some((floor) => meetsFloor(value, floor.period))
      ? []
      : [{ kind, key, floors: weakest(binding) }];
  });
}

/** The floors no other of them is weaker than: a period that meets one of these meets one of all. */
function weakest(floors: readonly BaseNotice[]): BaseNotice[] {
  const weaker = (other: Period, than: Period) =>
    (other.unit === 'calendar' || than.unit === 'working') &&
    other.days <= than.days &&
    (other.days < than.days || other.unit !== than.unit);
  return floors.filter((floor) => !floors.some((other) => weaker(other.period, floor.period)));
}

interface Notice {
  kind: string;
  period: JsonValue | undefined;
  key?: string;
}

/** Every `publishDisclosure` of the machine, wherever it is written (entry, exit, transition). */
function noticesOf(definition: ProcedureDefinition): Notice[] {
  const found: Notice[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const node = value as { type?: unknown; params?: { kind?: unknown; period?: JsonValue } };
      if (node.type === 'publishDisclosure') {
        const period = node.params?.period;
        const named = isObject(period) && typeof period.$param === 'string' ? period.$param : undefined;
        const kind = typeof node.params?.kind === 'string' ? node.params.kind : '';
        found.push({ kind, period, ...(named ? { key: named } : {}) });
      }
      Object.values(value).forEach(visit);
    }
  };
  visit(definition.machine);
  return found;
}

const isObject = (value: JsonValue | undefined): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const resolved = (period: JsonValue | undefined, parameters: JsonObject): JsonValue | undefined =>
  isObject(period) && typeof period.$param === 'string' ? parameters[period.$param] : period;

const periodOf = (value: JsonValue | undefined): Period | null =>
  isObject(value) && typeof value.days === 'number' && (value.unit === 'calendar' || value.unit === 'working')
    ? { days: value.days, unit: value.unit }
    : null;
