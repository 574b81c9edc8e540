import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Logins that can be throttled and tokens that can be revoked. Both live in the database so that every
 * app process sees the same back-off and the same logout.
 */
export class LoginSecurity1765238400000 implements MigrationInterface {
  name = 'LoginSecurity1765238400000';

  async up(db: QueryRunner): Promise<void> {
    // One row per throttled key (`account:<username>`, `ip:<address>`): failures since the last success.
    await db.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
    // One row per issued token: a token is valid only while its row is neither revoked nor expired.
    await db.query(`
      CREATE TABLE login_session (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account(id),
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX login_session_live ON login_session (account_id) WHERE revoked_at IS NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE login_session`);
    await db.query(`DROP TABLE login_throttle`);
  }
}
