import type { JsonObject, ProcedureDefinition } from '../../workflows/index.js';
import { UNIT_WORDS } from '../procedures/checker/period-floors.js';
import { shortenedPeriods, shortNotices, type BaseNotice } from './base-periods.js';
import type { BaseListDocument } from './list-documents.js';

/** How the admission check reports a problem (`admission.ts`): its code, its words, where it lies. */
type Problem = (issue: string, message: string, where?: { path?: string }) => void;

/** Reports each public period `parameters` would set below the base list's (see `shortenedPeriods`). */
export function keepsBasePeriods(
  code: string,
  definition: ProcedureDefinition,
  parameters: JsonObject,
  base: JsonObject,
  problem: Problem,
): boolean {
  const shortened = shortenedPeriods(definition, parameters, base);
  for (const { key, floor } of shortened) {
    problem(
      'LIST.PERIOD_BELOW_BASE',
      `事项 ${code} 的 ${key} 不得短于区级基本目录规定的 ${floor.days} ${UNIT_WORDS[floor.unit]}：村里可以延长公示期，不能缩短`,
      { path: `parameters.${key}` },
    );
  }
  return shortened.length === 0;
}

/** Reports each notice of a village's own item shorter than the base list keeps for items like it. */
export async function keepsDistrictNotices(
  code: string,
  item: ProcedureDefinition,
  parameters: JsonObject,
  base: BaseListDocument,
  lookups: { definition(procedureId: string, version: number): Promise<ProcedureDefinition> },
  problem: Problem,
): Promise<boolean> {
  const baseItems = await Promise.all(
    base.items.map(async (listed) => ({
      code: listed.code,
      definition: await lookups.definition(listed.procedureId, listed.version),
      parameters: listed.parameters,
    })),
  );
  const short = shortNotices(item, parameters, baseItems);
  for (const notice of short) {
    problem(
      'LIST.PERIOD_BELOW_BASE',
      `事项 ${code} 的公示期${notice.key ? `（${notice.key}）` : ''}不得短于区级基本目录同类事项的公示期：${floorWords(notice.floors)}；村里可以延长公示期，不能缩短`,
      notice.key ? { path: `parameters.${notice.key}` } : {},
    );
  }
  return short.length === 0;
}

/** "5 个工作日（F4）或 7 日（F1、F3）": each floor once, with the items that set it. */
function floorWords(floors: readonly BaseNotice[]): string {
  const byPeriod = new Map<string, Set<string>>();
  for (const { code, period } of floors) {
    const words = `${period.days} ${UNIT_WORDS[period.unit]}`;
    byPeriod.set(words, (byPeriod.get(words) ?? new Set()).add(code));
  }
  return [...byPeriod].map(([words, codes]) => `${words}（${[...codes].join('、')}）`).join('或');
}
