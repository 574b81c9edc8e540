import type { JsonObject, NegativeEntry } from '../../workflows/index.js';

/** A list item: its code and the procedure version it runs on, with the parameters the list gives it. */
export interface ListItem {
  code: string;
  procedureId: string;
  version: number;
  parameters: JsonObject;
}

/** The district's base list (基本目录): items, and the negative list every village inherits. */
export interface BaseListDocument {
  items: ListItem[];
  negative: NegativeEntry[];
  /** The software release's catalog this version follows (its hash); see ListsService.refreshBase. */
  release: string;
}

export interface Responsibility {
  code: string;
  personId: string;
  duty: string;
}

/** A village's own list on top of the base: its X items, overrides, retired items, who handles what. */
export interface VillageListDocument {
  items: (ListItem & { title: string })[];
  overrides: Record<string, JsonObject>;
  retired: string[];
  responsibilities: Responsibility[];
}

export const EMPTY_VILLAGE_LIST: VillageListDocument = {
  items: [],
  overrides: {},
  retired: [],
  responsibilities: [],
};

export interface EffectiveItem extends ListItem {
  origin: 'base' | 'village';
  /** A village's own items are titled by the village; base items by their procedure. */
  title?: string;
}

/** The list in force: base items less the retired, with the village's overrides, then its own items. */
export function effectiveItems(base: BaseListDocument, village: VillageListDocument): EffectiveItem[] {
  const retired = new Set(village.retired);
  return [
    ...base.items
      .filter((item) => !retired.has(item.code))
      .map((item) => ({
        ...item,
        parameters: { ...item.parameters, ...(village.overrides[item.code] ?? {}) },
        origin: 'base' as const,
      })),
    ...village.items
      .filter((item) => !retired.has(item.code))
      .map((item) => ({
        ...item,
        parameters: { ...item.parameters, ...(village.overrides[item.code] ?? {}) },
        origin: 'village' as const,
      })),
  ];
}
