import { ObligationService } from '../../../src/disclosure/obligation.service.js';
import type { BenchApp } from '../common/bench-app.js';
import type { BenchDatabase } from '../common/bench-database.js';
import type { BulkResult } from './bulk.js';
import { duration, int, ms, say, verdict } from '../common/output.js';
import type { ReadFigures } from './scale-reads.js';
import { databaseFigures } from './scale-checks.js';
import { median, type Summary } from './stats.js';

export const TARGETS = { eventCostRatio: 1.1 };

export function describeEventCost(label: string, all: Summary, roundMeans: readonly number[]): void {
  say(
    `${label}: ${int(all.count)} events; mean ${ms(all.mean)} ` +
      `(rounds: ${roundMeans.map((mean) => mean.toFixed(2)).join(', ')}), p50 ${ms(all.p50)}, ` +
      `p90 ${ms(all.p90)}, p99 ${ms(all.p99)}, max ${ms(all.max)}; ${int(1000 / all.mean)} events/s`,
  );
}

export function describeLoad(bulk: BulkResult): void {
  const rows = [...bulk.rowsByTable.values()].reduce((sum, table) => sum + table.rows, 0);
  say(
    `loaded ${int(rows)} rows in ${duration(bulk.seconds)} (${int(rows / bulk.seconds)} rows/s, ` +
      `${int(bulk.traceRows / bulk.seconds)} trace rows/s); generation and COPY overlap, per table:`,
  );
  for (const [table, { rows: count, seconds }] of bulk.rowsByTable) {
    say(
      `  ${table.padEnd(20)} ${int(count).padStart(12)} rows  COPY ${duration(seconds).padStart(7)}  ${int(count / seconds).padStart(9)} rows/s`,
    );
  }
}

/** What an operator does after a bulk load (autovacuum is off on this server), and the app's daily sweep. */
export async function afterLoad(app: BenchApp, database: BenchDatabase): Promise<void> {
  let started = performance.now();
  await app.dataSource.query('VACUUM (ANALYZE)');
  say(`VACUUM (ANALYZE) of the database: ${duration((performance.now() - started) / 1000)}`);
  started = performance.now();
  const swept = await app.get(ObligationService).maintain(app.clock.now());
  say(
    `obligation sweep (opens this period's, flags what is overdue): ${int(swept.opened)} opened, ` +
      `${int(swept.flagged)} flagged, in ${duration((performance.now() - started) / 1000)}`,
  );
  await app.dataSource.query('CHECKPOINT');
  for (const line of await databaseFigures(app, database.name)) say(line);
}

export function summariseTargets(figures: {
  before: readonly number[];
  pairs: readonly { empty: number; full: number }[];
  reads: ReadFigures;
  chainsOk: boolean;
}): void {
  const { before, pairs, reads } = figures;
  const fullMean = median(pairs.map((pair) => pair.full));
  const sequential = fullMean / median(before);
  const paired = median(pairs.map((pair) => pair.full / pair.empty));
  say(
    `per-event cost, full ÷ empty: ${paired.toFixed(3)}× (median of ${pairs.length} interleaved round pairs; ` +
      `${ms(fullMean)} full); against the empty run before generation ${sequential.toFixed(3)}×; ` +
      `target ≤ ${TARGETS.eventCostRatio}×: ${verdict(paired <= TARGETS.eventCostRatio)}`,
  );
  for (const read of reads.targets) {
    say(
      `${read.label.padEnd(24)} p99 ${ms(read.summary.p99)} (p50 ${ms(read.summary.p50)}), ` +
        `target ≤ ${read.targetMs} ms: ${verdict(read.summary.p99 <= read.targetMs)}`,
    );
  }
  const seqScans = reads.plans.filter((plan) => plan.bigSeqScans.length > 0);
  say(
    `index use: ${reads.plans.length} distinct queries explained, sequential scans of tables over 10,000 rows: ` +
      `${seqScans.length === 0 ? 'none' : seqScans.map((plan) => plan.bigSeqScans.join('+')).join(', ')}: ` +
      `${verdict(seqScans.length === 0)}`,
  );
  say(`sampled chains verify: ${verdict(figures.chainsOk)}`);
}
