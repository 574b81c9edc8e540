import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Attachments kept with their hash, disclosure channels, and villagers' objections (异议). */
export class DisclosureObjections1764547200000 implements MigrationInterface {
  name = 'DisclosureObjections1764547200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE attachment (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        filename text NOT NULL,
        media_type text NOT NULL,
        size integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES person (id),
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, id)
      );
      ALTER TABLE disclosure
        ADD COLUMN channels jsonb NOT NULL DEFAULT '["board", "platform"]',
        ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
      CREATE TABLE disclosure_objection (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        matter_id uuid NOT NULL,
        disclosure_id uuid NOT NULL,
        content text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        filed_by uuid NOT NULL REFERENCES person (id),
        filed_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'dismissed', 'upheld', 'republished', 'superseded')),
        answer text,
        answered_by uuid REFERENCES person (id),
        answered_at timestamptz,
        PRIMARY KEY (village_id, id),
        FOREIGN KEY (village_id, disclosure_id) REFERENCES disclosure (village_id, id)
      );
      CREATE INDEX disclosure_objection_disclosure_idx ON disclosure_objection (village_id, disclosure_id, status);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TABLE disclosure_objection;
      ALTER TABLE disclosure DROP COLUMN channels, DROP COLUMN attachments;
      DROP TABLE attachment;
    `);
  }
}
