import pg from 'pg';
import { sleep } from './wait.js';

/**
 * Stands in for the seven days of a public period: every few hundred milliseconds it makes the pending
 * public-period timers due now, so that the app's scheduler (and nothing else) delivers them while the
 * faults happen. Rows the scheduler holds are skipped, and a database that is away is simply retried.
 */
export class TimerHastener {
  private running?: Promise<void>;
  private stopped = false;
  /** Timers made due so far. */
  hastened = 0;

  constructor(
    private readonly databaseUrl: string,
    private readonly everyMs = 300,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.hastened += await this.hastenOnce().catch(() => 0);
      await sleep(this.everyMs);
    }
  }

  private async hastenOnce(): Promise<number> {
    const client = new pg.Client({ connectionString: this.databaseUrl, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`SET statement_timeout = '5s'`);
      const result = await client.query(
        `UPDATE timer SET due_at = now()
          WHERE (village_id, id) IN (
            SELECT village_id, id FROM timer
             WHERE status = 'pending' AND event_type = 'PUBLIC_PERIOD_ENDED' AND due_at > now()
               FOR UPDATE SKIP LOCKED)`,
      );
      return result.rowCount ?? 0;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
