import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The township's discipline inspector (乡镇纪检委员), a post of its own: villagers' complaints go to them,
 * not to the township officers who approve the village's matters. Going back down fails while anyone
 * holds the post (PostgreSQL refuses the old check over their rows), so no appointment is lost.
 */
export class DisciplineInspector1765411200000 implements MigrationInterface {
  name = 'DisciplineInspector1765411200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE official_post DROP CONSTRAINT official_post_role_check`);
    await db.query(`
      ALTER TABLE official_post ADD CONSTRAINT official_post_role_check
        CHECK (role IN ('township_officer', 'discipline_inspector', 'district_admin'))`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE official_post DROP CONSTRAINT official_post_role_check`);
    await db.query(`
      ALTER TABLE official_post ADD CONSTRAINT official_post_role_check
        CHECK (role IN ('township_officer', 'district_admin'))`);
  }
}
