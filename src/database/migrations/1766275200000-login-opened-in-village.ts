import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A login a village cadre opened may still be in the cadre's hands, even after "its holder" set a password:
 * before such a person is given a vote, the township sets the login's password again. Logins opened before
 * this column are read off the village chains (an `OPEN_ACCOUNT` a secretary recorded).
 */
export class LoginOpenedInVillage1766275200000 implements MigrationInterface {
  name = 'LoginOpenedInVillage1766275200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account ADD COLUMN opened_in_village boolean NOT NULL DEFAULT false`);
    await db.query(
      `UPDATE account a SET opened_in_village = true
         FROM trace t
        WHERE t.event_type = 'OPEN_ACCOUNT' AND t.actor_role = 'secretary'
          AND t.payload->>'personId' = a.person_id::text`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account DROP COLUMN opened_in_village`);
  }
}
