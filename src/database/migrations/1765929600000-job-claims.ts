import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Housekeeping (the obligation sweep, chain heads, the bulletin outbox, statistics) claimed across
 * processes: a process runs it only when no other holds the claim and it has not started within half a
 * beat, so N processes sweep once per beat between them, not N times.
 */
export class JobClaims1765929600000 implements MigrationInterface {
  name = 'JobClaims1765929600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE job_claim (
        name text PRIMARY KEY,
        claimed_until timestamptz,
        last_started_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE job_claim`);
  }
}
