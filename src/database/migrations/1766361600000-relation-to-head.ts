import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A register's 与户主关系 as the village wrote it (配偶, 长子, 孙女…), kept so that an export gives back
 * what was loaded. Heads of household already recorded get 户主.
 */
export class RelationToHead1766361600000 implements MigrationInterface {
  name = 'RelationToHead1766361600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person ADD COLUMN relation_to_head text`);
    await db.query(
      `UPDATE person p SET relation_to_head = '户主' FROM household h WHERE h.head_person_id = p.id`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE person DROP COLUMN relation_to_head`);
  }
}
