import type pg from 'pg';
import type { JsonObject } from '../../../workflows/index.js';
import { HeldRows } from '../../../src/engine/held-rows.js';
import { EngineService } from '../../../src/engine/engine.service.js';
import { SYSTEM_ACTOR } from '../../../src/identity/actor.js';
import { TimerRepository } from '../../../src/time/timer.repository.js';
import type { BenchApp } from '../common/bench-app.js';
import { say } from '../common/output.js';
import { QueryCensus } from '../engine-load/query-census.js';
import { captureQueries, explainAll, type QueryPlan } from './plans.js';
import { median } from './stats.js';

class RollBack extends Error {}

/**
 * The scheduler's claim as the app sends it (captured from TimerRepository.claimDue in a transaction
 * that is rolled back, so nothing is claimed), explained as executed.
 */
export async function explainClaim(app: BenchApp): Promise<QueryPlan> {
  const captured = await captureQueries(app.dataSource, async () => {
    await app.dataSource
      .transaction(async (db) => {
        await app.get(TimerRepository).claimDue(db, new Date(), 1);
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
  });
  const claim = captured.filter((query) => /FROM "?timer"?\s/.test(query.sql)).slice(0, 1);
  const [plan] = await explainAll(app.dataSource, claim);
  return plan;
}

export function describeClaim(label: string, plan: QueryPlan): void {
  say(`${label}: ${plan.sql.replace(/\s+/g, ' ')}`);
  for (const line of plan.plan) say(`    ${line}`);
}

export type Counters = Record<
  'commits' | 'rollbacks' | 'inserted' | 'updated' | 'deleted' | 'fetched' | 'read' | 'hit',
  number
>;

/** The database's activity counters (pg_stat_database): how much work the deliveries took, in total. */
export async function databaseCounters(client: pg.ClientBase): Promise<Counters> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  const [row] = (
    await client.query<Record<keyof Counters, string>>(
      `SELECT xact_commit AS commits, xact_rollback AS rollbacks, tup_inserted AS inserted, tup_updated AS updated,
              tup_deleted AS deleted, tup_fetched AS fetched, blks_read AS read, blks_hit AS hit
         FROM pg_stat_database WHERE datname = current_database()`,
    )
  ).rows;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as Counters;
}

export function describePerTimer(before: Counters, after: Counters, timers: number): void {
  if (timers === 0) return;
  const per = (key: keyof Counters) => ((after[key] - before[key]) / timers).toFixed(1);
  say(
    `per timer delivered, in the database: ${per('commits')} commits, ${per('rollbacks')} rollbacks, ` +
      `${per('inserted')} rows inserted, ${per('updated')} updated, ${per('fetched')} fetched, ` +
      `${per('hit')} buffer hits, ${per('read')} buffer reads (both processes, polling included)`,
  );
}

/**
 * What one delivery asks of the database and of this process: the scheduler's own steps (claim, deliver
 * through the engine on the fast path, settle: a batch of one), run here in a transaction that is then
 * rolled back, so nothing changes. The median of a few runs, without the commit (its fsync) and without
 * the other process. Statements are counted at the driver, prepared ones included.
 */
export async function oneDelivery(app: BenchApp, runs = 15): Promise<{ statements: number; ms: number }> {
  const times: number[] = [];
  let statements = 0;
  for (let run = 0; run < runs; run++) {
    const census = new QueryCensus();
    census.start();
    const started = performance.now();
    try {
      await app.dataSource
        .transaction(async (db) => {
          const now = new Date();
          const claimed = await app.get(TimerRepository).claimDue(db, now, 1);
          const [timer] = claimed.timers;
          if (!timer) throw new Error('No due timer to deliver');
          await app.get(EngineService).deliverOrThrow(
            db,
            {
              villageId: timer.villageId,
              matterId: timer.matterId,
              actor: SYSTEM_ACTOR,
              type: timer.eventType,
              payload: timer.payload as JsonObject,
            },
            new HeldRows(claimed.matters),
          );
          await app.get(TimerRepository).settleAll(db, [timer], 'delivered', now);
          times.push(performance.now() - started);
          throw new RollBack();
        })
        .catch((error: unknown) => {
          if (!(error instanceof RollBack)) throw error;
        });
    } finally {
      // START TRANSACTION and ROLLBACK are counted too: the scheduler's batch has one BEGIN and COMMIT.
      statements = census.stop().reduce((sum, statement) => sum + statement.count, 0);
    }
  }
  return { statements, ms: median(times) };
}
