import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An uploaded file is its uploader's draft until a record names it (a disclosure, an objection, a meeting's
 * sign-in or tally sheet, an answer to the supervisors): only then do the village's people read it. Files
 * uploaded before this column were readable by the village and stay so.
 */
export class AttachmentAttached1766448000000 implements MigrationInterface {
  name = 'AttachmentAttached1766448000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attachment ADD COLUMN attached_at timestamptz`);
    await db.query(`UPDATE attachment SET attached_at = uploaded_at`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE attachment DROP COLUMN attached_at`);
  }
}
