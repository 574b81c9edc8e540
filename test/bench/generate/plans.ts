import type { DataSource, Logger } from 'typeorm';

export interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

export interface QueryPlan extends CapturedQuery {
  plan: string[];
  /** Sequential scans over tables with more than BIG_TABLE_ROWS rows. */
  bigSeqScans: string[];
  indexes: string[];
}

const BIG_TABLE_ROWS = 10_000;

/** Records the SQL the app sends while `run` runs, by standing in for TypeORM's logger meanwhile. */
export async function captureQueries(
  dataSource: DataSource,
  run: () => Promise<void>,
): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const holder = dataSource as unknown as { logger: Logger };
  const original = holder.logger;
  holder.logger = {
    logQuery: (sql, parameters) =>
      void captured.push({ sql, parameters: (parameters as unknown[] | undefined) ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  try {
    await run();
  } finally {
    holder.logger = original;
  }
  return captured;
}

/** Each distinct read (statement and parameters) with its plan as executed (EXPLAIN ANALYZE, BUFFERS), with what it scans. */
export async function explainAll(
  dataSource: DataSource,
  queries: readonly CapturedQuery[],
): Promise<QueryPlan[]> {
  const tableRows = new Map(
    (
      await dataSource.query<{ relname: string; reltuples: number }[]>(
        `SELECT relname, reltuples::float8 AS reltuples FROM pg_class WHERE relkind = 'r'`,
      )
    ).map((row) => [row.relname, Number(row.reltuples)]),
  );
  const seen = new Set<string>();
  const plans: QueryPlan[] = [];
  for (const query of queries) {
    // The same statement with other parameters can take another path (the board's published and ended lists).
    const key = `${query.sql}\n${JSON.stringify(query.parameters)}`;
    if (!/^\s*(SELECT|WITH)\b/i.test(query.sql) || seen.has(key)) continue;
    seen.add(key);
    const rows = await dataSource.query<{ 'QUERY PLAN': string }[]>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
      query.parameters,
    );
    const plan = rows.map((row) => row['QUERY PLAN']);
    const scanned = (pattern: RegExp) =>
      plan.flatMap((line) => [...line.matchAll(pattern)].map((match) => match.slice(1).find(Boolean)!));
    plans.push({
      ...query,
      plan,
      bigSeqScans: scanned(/Seq Scan on (\w+)/g).filter(
        (table) => (tableRows.get(table) ?? 0) > BIG_TABLE_ROWS,
      ),
      indexes: [
        ...new Set(scanned(/Index (?:Only )?Scan (?:Backward )?using (\w+)|Bitmap Index Scan on (\w+)/g)),
      ],
    });
  }
  return plans;
}
