import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A job that dies while it holds its claim is free again after this long. */
const LEASE_MS = 10 * 60_000;

/** Claims on the housekeeping jobs, so that the processes of one database run each once per beat. */
@Injectable()
export class JobClaimsRepository {
  /**
   * Takes the job when nobody holds it and it has not started within `spacingMs` (on the business clock,
   * which every process reads alike); one statement, so two processes cannot both take it.
   */
  async claim(db: EntityManager, name: string, now: Date, spacingMs: number): Promise<boolean> {
    const rows = await db.query<unknown[]>(
      `INSERT INTO job_claim (name, claimed_until, last_started_at) VALUES ($1, $2, $3)
       ON CONFLICT (name) DO UPDATE SET claimed_until = EXCLUDED.claimed_until, last_started_at = EXCLUDED.last_started_at
        WHERE (job_claim.claimed_until IS NULL OR job_claim.claimed_until < $3)
          AND job_claim.last_started_at <= $4
       RETURNING name`,
      // Without a spacing (no beat of its own: tests, a manual advance) any earlier start counts as done,
      // even one at a later business time (a test's clock set back).
      [
        name,
        new Date(now.getTime() + LEASE_MS),
        now,
        spacingMs > 0 ? new Date(now.getTime() - spacingMs) : 'infinity',
      ],
    );
    return rows.length > 0;
  }

  async release(db: EntityManager, name: string): Promise<void> {
    await db.query(`UPDATE job_claim SET claimed_until = NULL WHERE name = $1`, [name]);
  }
}
