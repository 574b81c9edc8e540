import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Disclosure obligations: the scheduled ones every village owes (finances monthly, affairs quarterly…)
 * and those each matter's procedure creates when it reaches a disclosure.
 */
export class Obligations1764633600000 implements MigrationInterface {
  name = 'Obligations1764633600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE obligation (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        period_label text,
        matter_id uuid,
        scope_state text,
        opened_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'overdue', 'fulfilled', 'cancelled')),
        fulfilled_at timestamptz,
        fulfilled_by_matter uuid,
        flagged_at timestamptz,
        settled_at timestamptz,
        PRIMARY KEY (village_id, id),
        CHECK ((period_label IS NULL) <> (matter_id IS NULL))
      );
      CREATE UNIQUE INDEX obligation_period_idx ON obligation (village_id, kind, period_label) WHERE period_label IS NOT NULL;
      CREATE INDEX obligation_village_status_idx ON obligation (village_id, status, due_at);
      CREATE INDEX obligation_matter_idx ON obligation (village_id, matter_id) WHERE matter_id IS NOT NULL;
      -- The sweep that flags what fell due, across villages (like the timers' scan).
      CREATE INDEX obligation_due_idx ON obligation (due_at) WHERE status = 'open';
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE obligation');
  }
}
