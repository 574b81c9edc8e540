import type { DataSource } from 'typeorm';

/**
 * The trace is left out of the row digests: every attempted event, accepted or refused, is traced by
 * design (an outsider's in `stray_attempt`, apart from the village's chain), and its head moves with it.
 * What a refusal may add there is checked on its own: rows, none of them accepted. So is the login
 * throttle: counting a refused login is what it is for.
 */
const TRACE_TABLES = new Set(['trace', 'trace_head', 'stray_attempt', 'login_throttle']);

/** Per table, a digest of its rows' versions; and the trace's row counts. Equal: nothing was written. */
export interface DatabaseDigest {
  tables: Record<string, string>;
  traceRows: number;
  acceptedTraceRows: number;
}

let tableNames: Promise<string[]> | null = null;

const tablesOf = (dataSource: DataSource): Promise<string[]> =>
  (tableNames ??= dataSource
    .query(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
    .then((rows: { name: string }[]) =>
      rows.map((row) => row.name).filter((name) => !TRACE_TABLES.has(name)),
    ));

/**
 * One round trip. A row's `xmin` is the transaction that wrote its version: an insert, update or delete
 * moves the count or the sum, a read (even a row lock) moves neither, and nothing is hashed, so the
 * digest costs little between every two requests of a fuzzing run.
 */
export async function databaseDigest(dataSource: DataSource): Promise<DatabaseDigest> {
  const tables = await tablesOf(dataSource);
  const perTable = tables
    .map(
      (name) =>
        `SELECT '${name}' AS name, count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) AS digest FROM "${name}"`,
    )
    .join(' UNION ALL ');
  const [rows, [trace]] = (await Promise.all([
    dataSource.query(perTable),
    dataSource.query(
      'SELECT count(*)::int AS total, (count(*) FILTER (WHERE accepted))::int AS accepted FROM trace',
    ),
  ])) as [{ name: string; digest: string }[], { total: number; accepted: number }[]];
  return {
    tables: Object.fromEntries(rows.map((row) => [row.name, row.digest])),
    traceRows: trace.total,
    acceptedTraceRows: trace.accepted,
  };
}

/**
 * What a refused request changed, in words (empty when nothing): any table, or an accepted trace row.
 * `refusals` bounds the refusal rows it may have traced.
 */
export function changesBetween(before: DatabaseDigest, after: DatabaseDigest, refusals: number): string[] {
  const tables = Object.keys(after.tables).filter((name) => before.tables[name] !== after.tables[name]);
  const traced = after.traceRows - before.traceRows;
  return [
    ...tables.map((name) => `table ${name} changed`),
    ...(after.acceptedTraceRows !== before.acceptedTraceRows ? ['an accepted trace row was added'] : []),
    ...(traced > refusals ? [`${traced} trace rows for ${refusals} refused requests`] : []),
  ];
}
