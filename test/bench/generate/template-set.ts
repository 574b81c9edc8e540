import { DAY_MS, type ManualClock } from '../../../src/common/clock.js';
import type { BenchApp } from '../common/bench-app.js';
import { say } from '../common/output.js';
import { nextMorning } from './template-matters.js';
import {
  captureTemplate,
  rawClient,
  tableColumns,
  uncoveredTables,
  type TableColumns,
  type TemplateMatter,
} from './template-rows.js';
import type { TemplateRecipe } from './templates.js';
import type { BenchVillage } from './village-people.js';

export interface TemplateSet {
  templates: TemplateMatter[];
  tables: TableColumns[];
}

/**
 * Carries each recipe's matter through the engine in the template village (real snapshots, effects and
 * trace), starting `daysAgo` days back so that public periods can run out, then reads every row they left.
 */
export async function buildTemplates(
  app: BenchApp<ManualClock>,
  url: string,
  village: BenchVillage,
  recipes: readonly TemplateRecipe[],
  daysAgo: number,
): Promise<TemplateSet> {
  const saved = app.clock.now();
  app.clock.set(new Date(saved.getTime() - daysAgo * DAY_MS));
  nextMorning(app.clock, 0);
  const built: { key: string; matterId: string }[] = [];
  for (const recipe of recipes) built.push({ key: recipe.key, matterId: await recipe.build(app, village) });
  if (app.clock.now() > saved)
    throw new Error('The template matters ran past the present: start them earlier');
  app.clock.set(saved);

  const client = await rawClient(url);
  try {
    const tables = await tableColumns(client);
    const uncovered = await uncoveredTables(client);
    if (uncovered.length > 0)
      say(`warning: tables with a matter_id that generation leaves empty: ${uncovered.join(', ')}`);
    const templates: TemplateMatter[] = [];
    for (const { key, matterId } of built) {
      templates.push(await captureTemplate(client, tables, village.id, key, matterId));
    }
    return { templates, tables };
  } finally {
    await client.end();
  }
}

export function describeTemplates(set: TemplateSet, weights: readonly number[]): void {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  say('template matters (built through the engine, then cloned):');
  set.templates.forEach((template, index) => {
    const sideRows = template.rows.reduce((sum, rows) => sum + rows.length, 0);
    say(
      `  ${template.key.padEnd(22)} ${template.state.padEnd(36)} ${String(template.trace.length).padStart(3)} trace rows ` +
        `${String(sideRows).padStart(3)} other rows  share ${((weights[index] / total) * 100).toFixed(1).padStart(5)}%`,
    );
  });
  const mean =
    set.templates.reduce((sum, template, index) => sum + template.trace.length * weights[index], 0) / total;
  say(
    `  mean trace rows per matter: ${mean.toFixed(2)}; tables cloned: ${set.tables.map((t) => t.table).join(', ')}`,
  );
}
