import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Declared conflicts of interest (回避): the person is excluded from the matter's votes and approvals. */
export class Conflicts1764374400000 implements MigrationInterface {
  name = 'Conflicts1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE matter_conflict (
        village_id uuid NOT NULL,
        matter_id uuid NOT NULL,
        person_id uuid NOT NULL REFERENCES person (id),
        relation text NOT NULL CHECK (relation IN ('closeRelative', 'applicant', 'bidder', 'payee', 'other')),
        note text,
        declared_by uuid NOT NULL REFERENCES person (id),
        declared_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, matter_id, person_id),
        FOREIGN KEY (village_id, matter_id) REFERENCES matter (village_id, id)
      );
      ALTER TABLE meeting_roster ADD COLUMN recused boolean NOT NULL DEFAULT false;
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting_roster DROP COLUMN recused; DROP TABLE matter_conflict;`);
  }
}
