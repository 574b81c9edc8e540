import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ready to distribute by village (see `src/database/distribution.ts`): the last village table keyed without
 * its village gets it in its primary key, and the one reference from a shared table into a village's
 * (a person's household) is kept by the register import alone: a distributed database cannot hold a
 * foreign key from a table copied to every node into one split by village. Households are never deleted,
 * and the import writes a person's household in their home village in the same transaction.
 */
export class ShardReady1765843200000 implements MigrationInterface {
  name = 'ShardReady1765843200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE stray_attempt DROP CONSTRAINT stray_attempt_pkey`);
    await db.query(`ALTER TABLE stray_attempt ADD PRIMARY KEY (village_id, id)`);
    await db.query(`ALTER TABLE person DROP CONSTRAINT person_household_fk`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE person ADD CONSTRAINT person_household_fk
        FOREIGN KEY (home_region_id, household_id) REFERENCES household (village_id, id)`);
    await db.query(`ALTER TABLE stray_attempt DROP CONSTRAINT stray_attempt_pkey`);
    await db.query(`ALTER TABLE stray_attempt ADD PRIMARY KEY (id)`);
  }
}
