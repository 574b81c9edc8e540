import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A village's registers (花名册): households with their head and villager group, each person's birth date
 * and gender (adulthood and art. 25's share of women are read from them), an ID-card number kept only as a
 * salted hash and a masked form, the collective economic organisation's member register (成员名册: members
 * living elsewhere included, residents who are not members left out), the households each representative
 * stands for, party members' probation dates, and the member representatives (成员代表, art. 28).
 */
export class Registers1765065600000 implements MigrationInterface {
  name = 'Registers1765065600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE household (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        code text NOT NULL,
        villager_group text,
        address text,
        head_person_id uuid REFERENCES person (id),
        created_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, id),
        UNIQUE (village_id, code)
      )`);
    await db.query(`
      ALTER TABLE person
        ADD COLUMN household_id uuid,
        ADD COLUMN birth_date date,
        ADD COLUMN gender text CHECK (gender IN ('female', 'male')),
        ADD COLUMN id_number_hash text,
        ADD COLUMN id_number_masked text`);
    await db.query(`
      ALTER TABLE person ADD CONSTRAINT person_household_fk
        FOREIGN KEY (home_region_id, household_id) REFERENCES household (village_id, id)`);
    await db.query(`CREATE INDEX person_household_idx ON person (home_region_id, household_id)`);
    await db.query(
      `CREATE UNIQUE INDEX person_id_number_idx ON person (home_region_id, id_number_hash) WHERE id_number_hash IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE collective_member (
        village_id uuid NOT NULL REFERENCES region (id),
        person_id uuid NOT NULL REFERENCES person (id),
        valid_from date NOT NULL,
        valid_to date,
        basis text NOT NULL,
        confirmed_by_matter_id uuid,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, person_id, valid_from),
        CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await db.query(`
      CREATE TABLE representative_household (
        village_id uuid NOT NULL REFERENCES region (id),
        membership_id uuid NOT NULL,
        household_id uuid NOT NULL,
        PRIMARY KEY (village_id, membership_id, household_id)
      )`);
    await db.query(`ALTER TABLE membership ADD COLUMN probation_until date`);
    await db.query(`ALTER TABLE membership DROP CONSTRAINT membership_role_check`);
    await db.query(`
      ALTER TABLE membership ADD CONSTRAINT membership_role_check CHECK (role IN
        ('secretary', 'committee_member', 'party_member', 'representative', 'villager', 'supervisor',
         'member_representative'))`);
    await db.query(`ALTER TABLE meeting ADD COLUMN roster_notes jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE meeting DROP COLUMN roster_notes`);
    await db.query(`ALTER TABLE membership DROP CONSTRAINT membership_role_check`);
    await db.query(`DELETE FROM membership WHERE role = 'member_representative'`);
    await db.query(`
      ALTER TABLE membership ADD CONSTRAINT membership_role_check CHECK (role IN
        ('secretary', 'committee_member', 'party_member', 'representative', 'villager', 'supervisor'))`);
    await db.query(`ALTER TABLE membership DROP COLUMN probation_until`);
    await db.query(`DROP TABLE representative_household`);
    await db.query(`DROP TABLE collective_member`);
    await db.query(`DROP INDEX person_id_number_idx`);
    await db.query(`DROP INDEX person_household_idx`);
    await db.query(`ALTER TABLE person DROP CONSTRAINT person_household_fk`);
    await db.query(`
      ALTER TABLE person DROP COLUMN household_id, DROP COLUMN birth_date, DROP COLUMN gender,
        DROP COLUMN id_number_hash, DROP COLUMN id_number_masked`);
    await db.query(`DROP TABLE household`);
  }
}
