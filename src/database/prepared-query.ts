import { createHash } from 'node:crypto';
import { QueryRunnerAlreadyReleasedError, type DataSource, type EntityManager } from 'typeorm';

/** The part of a driver client (pg's, or ours over PGlite) that runs a named statement. */
interface StatementClient {
  query(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

/** Databases reached through a transaction-mode pooler: a statement is never named there. */
const unnamed = new WeakSet<DataSource>();

/**
 * Behind a transaction-mode pooler (PgBouncer's `pool_mode = transaction`) consecutive transactions of
 * one client may run on different server sessions, where a statement prepared on one is unknown on the
 * next: `DATABASE_PREPARED_STATEMENTS=off` sends the same statements unnamed (parsed each time).
 */
export function useUnnamedStatements(dataSource: DataSource): void {
  unnamed.add(dataSource);
}

const names = new Map<string, string>();

/** A stable name per statement text: the same text is prepared once per connection. */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `mp_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

/**
 * Runs one of the engine's hot-path statements (every event runs them) as a named prepared statement on
 * the transaction's own connection: PostgreSQL parses and plans it once per connection instead of at
 * every event, and the ORM's per-query work (logging and subscriber hooks, result wrapping) is skipped.
 * A plan is kept until the tables' statistics change (ANALYZE, which autovacuum runs as tables grow):
 * see `warnIfAutovacuumOff`.
 * Driver errors surface as the driver raised them. Given the data source's manager (no connection of its
 * own) it borrows a connection of the pool for the one statement, as an ordinary query would.
 */
export async function preparedQuery<Row>(db: EntityManager, text: string, params: unknown[]): Promise<Row[]> {
  const named = unnamed.has(db.connection)
    ? { text, values: params }
    : { name: statementName(text), text, values: params };
  const runner = db.queryRunner;
  if (runner) {
    // The manager's own connection (a transaction's): never another, which on the embedded database's
    // single connection would wait for this one.
    if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
    const client = (await runner.connect()) as StatementClient;
    return (await client.query(named)).rows as Row[];
  }
  const borrowed = db.connection.createQueryRunner('master');
  try {
    const client = (await borrowed.connect()) as StatementClient;
    return (await client.query(named)).rows as Row[];
  } finally {
    await borrowed.release();
  }
}
