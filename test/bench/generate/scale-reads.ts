import type { BenchApp } from '../common/bench-app.js';
import type { BulkVillage } from './bulk.js';
import { int, ms, say } from '../common/output.js';
import { captureQueries, explainAll, type QueryPlan } from './plans.js';
import { HttpSampler, type RequestPicker } from './query-latency.js';
import type { Random } from './random.js';
import type { Summary } from './stats.js';
import type { MemberKey } from './village-people.js';

export interface ReadFigures {
  targets: { label: string; summary: Summary; targetMs: number }[];
  plans: QueryPlan[];
}

/** Whose inbox is read: the office holders a matter waits for. */
const INBOX_READERS: MemberKey[] = [
  'secretary',
  'committee1',
  'committee2',
  'supervisor',
  'supervisor2',
  'party1',
  'rep1',
];
const WARM_UP = 20;
/** Flowcharts sampled: a few items, so every one is a second request after the warm-up. */
const FLOWCHART_CODES = ['A1', 'C1', 'D2', 'G1'];

/**
 * p50/p99 of the three reads the issue names, over random villages, people and matters; then each read's
 * SQL, captured from the app while it answers one request, explained as executed.
 */
export async function measureReads(
  app: BenchApp,
  villages: readonly BulkVillage[],
  random: Random,
  samples: number,
): Promise<ReadFigures> {
  const reads: { label: string; targetMs?: number; pick: RequestPicker; planOf?: RequestPicker }[] = [
    {
      label: "a person's inbox",
      targetMs: 20,
      pick: (r) => {
        const { village } = r.pick(villages);
        return { path: `/villages/${village.id}/inbox`, as: village.people[r.pick(INBOX_READERS)] };
      },
      // The plan recorded is the secretary's: most steps wait for the secretary's roles, so it is the worst.
      planOf: (r) => {
        const { village } = r.pick(villages);
        return { path: `/villages/${village.id}/inbox`, as: village.people.secretary };
      },
    },
    {
      label: "a village's board",
      targetMs: 20,
      pick: (r) => ({ path: `/public/villages/${r.pick(villages).village.id}/board` }),
    },
    {
      label: "a matter's history",
      targetMs: 20,
      pick: (r) => {
        const { village, matterIds } = r.pick(villages);
        return { path: `/villages/${village.id}/matters/${r.pick(matterIds)}`, as: village.people.secretary };
      },
    },
    {
      // Issue 19: anyone may ask, so it is checked from the village's last published daily head on.
      label: "a village's chain check",
      targetMs: 50,
      pick: (r) => ({ path: `/public/villages/${r.pick(villages).village.id}/chain-verify` }),
    },
    {
      // Laid out by Graphviz once per procedure version, then served from the cache (ETag).
      label: "a procedure's flowchart",
      targetMs: 5,
      pick: (r) => ({ path: `/catalog/${r.pick(FLOWCHART_CODES)}/flowchart.svg` }),
    },
    {
      label: "a township's inbox",
      pick: (r) => {
        const { village } = r.pick(villages);
        return { path: `/regions/${village.townshipId}/inbox`, as: village.people.township };
      },
    },
  ];
  const sampler = new HttpSampler(app, random);
  const figures: ReadFigures = { targets: [], plans: [] };
  for (const read of reads) {
    const summary = await sampler.sample(read.pick, samples, WARM_UP);
    say(
      `${read.label.padEnd(22)} n=${summary.count} mean ${ms(summary.mean)} p50 ${ms(summary.p50)} ` +
        `p90 ${ms(summary.p90)} p99 ${ms(summary.p99)} max ${ms(summary.max)}${read.targetMs ? '' : '  (no target)'}`,
    );
    if (read.targetMs) figures.targets.push({ label: read.label, summary, targetMs: read.targetMs });
  }
  for (const read of reads) {
    const captured = await captureQueries(app.dataSource, () =>
      sampler.once((read.planOf ?? read.pick)(random)),
    );
    const plans = await explainAll(app.dataSource, captured);
    say(`\n-- ${read.label}: ${captured.length} statements, ${plans.length} distinct reads explained`);
    plans.forEach((plan, index) => describePlan(`${read.label} #${index + 1}`, plan));
    figures.plans.push(...plans);
  }
  say(`\n${int(figures.plans.length)} plans recorded`);
  return figures;
}

const oneLine = (sql: string) => sql.replace(/\s+/g, ' ').trim();

function describePlan(label: string, plan: QueryPlan): void {
  const flags =
    plan.bigSeqScans.length > 0 ? `SEQ SCAN of ${plan.bigSeqScans.join(', ')}` : 'no big seq scan';
  say(`\n[${label}] indexes: ${plan.indexes.join(', ') || 'none'}; ${flags}`);
  say(`  SQL: ${oneLine(plan.sql)}`);
  say(`  parameters: ${JSON.stringify(plan.parameters).slice(0, 400)}`);
  for (const line of plan.plan) say(`    ${line}`);
}
