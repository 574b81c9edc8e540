import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Villagers' complaints (投诉举报), handled by the township's discipline inspector. The receipt code a
 * complainant tracks it with is kept only as its SHA-256; the complainant, when named, is a column that
 * no village read ever selects. Keyed by village like every village-scoped table.
 */
export class Complaints1765497600000 implements MigrationInterface {
  name = 'Complaints1765497600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE complaint (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        receipt_hash text NOT NULL,
        subject text NOT NULL
          CHECK (subject IN ('matter', 'disclosure', 'cadre', 'unpublished', 'other')),
        subject_id uuid,
        body text NOT NULL,
        complainant_person_id uuid REFERENCES person (id),
        filed_at timestamptz NOT NULL,
        acknowledge_by timestamptz NOT NULL,
        status text NOT NULL
          CHECK (status IN ('filed', 'acknowledged', 'answered', 'rated', 'inReview', 'reviewed')),
        acknowledged_at timestamptz,
        answer_by timestamptz,
        handler_person_id uuid REFERENCES person (id),
        handling text CHECK (handling IN ('answer', 'documents', 'rectification')),
        rectification_matter_id uuid,
        reply text,
        answered_at timestamptz,
        rating text CHECK (rating IN ('satisfied', 'basicallySatisfied', 'dissatisfied')),
        rating_comment text,
        rated_at timestamptz,
        review_by timestamptz,
        review_reply text,
        reviewer_person_id uuid REFERENCES person (id),
        reviewed_at timestamptz,
        PRIMARY KEY (village_id, id),
        UNIQUE (village_id, receipt_hash)
      )`);
    await db.query(`CREATE INDEX complaint_village_filed_idx ON complaint (village_id, filed_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE complaint`);
  }
}
