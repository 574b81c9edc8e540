import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person belongs to one village's register (officials to their township or district): only there can
 * roles and a login be given to them, so no secretary can take over another village's person. Existing
 * people get the village (or region) where they were first given a role.
 *
 * Attempts by someone with no standing in a village are kept apart from that village's chain, which they
 * must not be able to lengthen: `stray_attempt` holds them, clipped, for the township to read.
 */
export class PersonHomeAndStrayAttempts1764979200000 implements MigrationInterface {
  name = 'PersonHomeAndStrayAttempts1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person ADD COLUMN home_region_id uuid REFERENCES region (id)`);
    await db.query(`
      UPDATE person p SET home_region_id = first.region_id
        FROM (
          SELECT DISTINCT ON (person_id) person_id, region_id
            FROM (
              SELECT person_id, village_id AS region_id, created_at, 0 AS rank FROM membership
              UNION ALL
              SELECT person_id, region_id, created_at, 1 FROM official_post
            ) roles
           ORDER BY person_id, rank, created_at
        ) first
       WHERE p.id = first.person_id`);
    await db.query(`CREATE INDEX person_home_idx ON person (home_region_id)`);
    await db.query(`
      CREATE TABLE stray_attempt (
        id uuid PRIMARY KEY,
        village_id uuid NOT NULL,
        matter_id uuid,
        actor_person_id uuid,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        payload_digest text NOT NULL,
        refusal_code text NOT NULL,
        at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX stray_attempt_village_idx ON stray_attempt (village_id, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE stray_attempt`);
    await db.query(`DROP INDEX person_home_idx`);
    await db.query(`ALTER TABLE person DROP COLUMN home_region_id`);
  }
}
