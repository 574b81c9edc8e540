import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A timer whose delivery fails unexpectedly is retried later with back-off, then set aside (`failed`) and
 * shown to the township: it no longer stays first in line holding every later timer.
 */
export class TimerRetries1765324800000 implements MigrationInterface {
  name = 'TimerRetries1765324800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE timer
        ADD COLUMN attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN retry_at timestamptz,
        ADD COLUMN last_error text`);
    await db.query(`ALTER TABLE timer DROP CONSTRAINT timer_status_check`);
    await db.query(`
      ALTER TABLE timer ADD CONSTRAINT timer_status_check
        CHECK (status IN ('pending', 'delivered', 'cancelled', 'refused', 'failed'))`);
    await db.query(`CREATE INDEX timer_failed_idx ON timer (village_id) WHERE status = 'failed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX timer_failed_idx`);
    await db.query(`UPDATE timer SET status = 'cancelled' WHERE status = 'failed'`);
    await db.query(`ALTER TABLE timer DROP CONSTRAINT timer_status_check`);
    await db.query(`
      ALTER TABLE timer ADD CONSTRAINT timer_status_check
        CHECK (status IN ('pending', 'delivered', 'cancelled', 'refused'))`);
    await db.query(`ALTER TABLE timer DROP COLUMN attempts, DROP COLUMN retry_at, DROP COLUMN last_error`);
  }
}
