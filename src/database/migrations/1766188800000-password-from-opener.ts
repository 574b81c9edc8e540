import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whoever opens a login for someone else knows its first password: until its holder sets their own, the
 * login may do nothing but change it. Logins already in use are their holders' (the default).
 */
export class PasswordFromOpener1766188800000 implements MigrationInterface {
  name = 'PasswordFromOpener1766188800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account ADD COLUMN password_from_opener boolean NOT NULL DEFAULT false`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE account DROP COLUMN password_from_opener`);
  }
}
