import { TraceService } from '../../../src/engine/trace.service.js';
import type { BenchApp } from '../common/bench-app.js';
import { duration, int, say } from '../common/output.js';
import type { BenchVillage } from './village-people.js';

const GB = 1024 ** 3;

/** The database's size and its biggest tables, after the load. */
export async function databaseFigures(app: BenchApp, name: string): Promise<string[]> {
  const [{ bytes }] = await app.dataSource.query<{ bytes: string }[]>(
    'SELECT pg_database_size($1) AS bytes',
    [name],
  );
  const tables = await app.dataSource.query<{ relname: string; rows: string; heap: string; total: string }[]>(
    `SELECT c.relname, c.reltuples::bigint AS rows, pg_relation_size(c.oid) AS heap,
            pg_total_relation_size(c.oid) AS total
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 10`,
  );
  return [
    `database size: ${(Number(bytes) / GB).toFixed(2)} GB; biggest tables (rows estimated; heap / with indexes and TOAST):`,
    ...tables.map(
      (table) =>
        `  ${table.relname.padEnd(20)} ${int(Number(table.rows)).padStart(12)} rows ` +
        `${(Number(table.heap) / GB).toFixed(2).padStart(7)} GB / ${(Number(table.total) / GB).toFixed(2).padStart(7)} GB`,
    ),
  ];
}

/** The app's own verification (hashes recomputed, daily heads, chain head) on some villages. */
export async function verifySampleChains(app: BenchApp, villages: readonly BenchVillage[]): Promise<boolean> {
  let allOk = true;
  for (const village of villages) {
    const started = performance.now();
    const report = await app.get(TraceService).verify(app.dataSource.manager, village.id);
    allOk &&= report.ok;
    say(
      `chain of ${village.name}: ${report.ok ? 'valid' : `BROKEN at ${JSON.stringify(report.firstBroken)}`}, ` +
        `${int(report.checked)} rows checked in ${duration((performance.now() - started) / 1000)}`,
    );
  }
  return allOk;
}
