import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's inbox asks for one village's running matters waiting for any of their roles. A GIN index on
 * `awaiting` alone matches such matters in every village (a hundred thousand at a district's scale) and
 * only then narrows them to the village: 20 ms where 1 ms will do. With the village in the same GIN index
 * (btree_gin, a trusted contrib extension), one index scan finds exactly the matters asked for, for one
 * village, a township's ten or a whole district.
 */
export class WaitingMattersIndex1764892800000 implements MigrationInterface {
  name = 'WaitingMattersIndex1764892800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await db.query(`DROP INDEX matter_awaiting_idx`);
    await db.query(
      `CREATE INDEX matter_awaiting_idx ON matter USING gin (village_id, awaiting) WHERE status = 'active'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX matter_awaiting_idx`);
    await db.query(`CREATE INDEX matter_awaiting_idx ON matter USING gin (awaiting) WHERE status = 'active'`);
  }
}
