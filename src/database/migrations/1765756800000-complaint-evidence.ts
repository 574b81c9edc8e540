import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence with a complaint (photos, PDFs): what each file is (name, type, size, SHA-256) is kept with the
 * complaint; the files themselves in a table of their own, apart from the village's attachments, which every
 * member of the village may read: a complaint's evidence is for its handlers alone.
 */
export class ComplaintEvidence1765756800000 implements MigrationInterface {
  name = 'ComplaintEvidence1765756800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE complaint ADD COLUMN evidence jsonb NOT NULL DEFAULT '[]'`);
    await db.query(`
      CREATE TABLE complaint_evidence (
        village_id uuid NOT NULL,
        id uuid NOT NULL,
        complaint_id uuid NOT NULL,
        content bytea NOT NULL,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, complaint_id) REFERENCES complaint (village_id, id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE complaint_evidence`);
    await db.query(`ALTER TABLE complaint DROP COLUMN evidence`);
  }
}
