import pg from 'pg';
import { sleep } from './wait.js';

/**
 * Stands in for the seven days of a public period: every few hundred milliseconds it makes the pending
 * public-period timers due now, and the periods they end over (the engine will not end one early), so
 * that the app's scheduler (and nothing else) delivers them while the faults happen. Rows the scheduler
 * holds are skipped, and a database that is away is simply retried.
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
        `WITH hastened AS (
           UPDATE timer SET due_at = now()
            WHERE (village_id, id) IN (
              SELECT village_id, id FROM timer
               WHERE status = 'pending' AND event_type = 'PUBLIC_PERIOD_ENDED' AND due_at > now()
                 FOR UPDATE SKIP LOCKED)
            RETURNING village_id, matter_id)
         UPDATE disclosure d SET period_ends_at = now()
           FROM hastened
          WHERE d.village_id = hastened.village_id AND d.matter_id = hastened.matter_id
            AND d.status = 'published' AND d.period_ends_at > now()
         RETURNING d.id`,
      );
      return result.rowCount ?? 0;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
