import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 民主测评: a meeting may be an appraisal. Its subjects (fixed when it is convened), the counter's count of
 * the paper ballots and, once closed, the rates the server computed live with the meeting as one document;
 * the township's comparison reads the latest closed one per village.
 */
export class DemocraticAppraisal1765670400000 implements MigrationInterface {
  name = 'DemocraticAppraisal1765670400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting ADD COLUMN appraisal jsonb`);
    await db.query(`
      CREATE INDEX meeting_closed_appraisal_idx ON meeting (village_id, closed_at DESC)
        WHERE appraisal IS NOT NULL AND status = 'closed'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX meeting_closed_appraisal_idx`);
    await db.query(`ALTER TABLE meeting DROP COLUMN appraisal`);
  }
}
