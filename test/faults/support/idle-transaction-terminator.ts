import pg from 'pg';
import { sleep } from './wait.js';

/**
 * For `durationMs`, terminates every connection of the app that sits inside a transaction between two of
 * its queries, as an operator's pg_terminate_backend (or idle_in_transaction_session_timeout) would. A
 * restart does this to whichever connections happen to be idle at that moment; here it is done on
 * purpose, so the app meets a transaction whose connection is gone before its next query. Returns how
 * many connections were terminated.
 */
export async function terminateIdleTransactions(databaseUrl: string, durationMs: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let terminated = 0;
  try {
    const until = Date.now() + durationMs;
    while (Date.now() < until) {
      const { rows } = await client.query<{ terminated: boolean }>(
        `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
          WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()`,
      );
      terminated += rows.filter((row) => row.terminated).length;
      await sleep(10);
    }
    return terminated;
  } finally {
    await client.end();
  }
}
