import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
import type { PersonActor } from './actor.js';

export interface ThrottleRow {
  failures: number;
  blockedUntil: Date | null;
}

/** The door to `login_throttle` and `login_session`. */
@Injectable()
export class LoginSecurityRepository {
  /**
   * Counts one attempt on `key` and locks its row for the caller's transaction. An attempt after a quiet
   * day starts the count over. While the key is blocked the attempt is not counted (it is refused unseen).
   */
  async countAttempt(db: EntityManager, key: string, now: Date, quietMs: number): Promise<ThrottleRow> {
    const [row] = await db.query<ThrottleRow[]>(
      `INSERT INTO login_throttle AS t (key, failures, last_attempt_at, blocked_until)
       VALUES ($1, 1, $2, NULL)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE
           WHEN t.blocked_until > $2 THEN t.failures
           WHEN t.last_attempt_at < $2::timestamptz - make_interval(secs => $3::double precision / 1000) THEN 1
           ELSE t.failures + 1 END,
         last_attempt_at = CASE WHEN t.blocked_until > $2 THEN t.last_attempt_at ELSE $2 END
       RETURNING failures, blocked_until AS "blockedUntil"`,
      [key, now, quietMs],
    );
    return row;
  }

  async block(db: EntityManager, key: string, until: Date): Promise<void> {
    await db.query(`UPDATE login_throttle SET blocked_until = $2 WHERE key = $1`, [key, until]);
  }

  /** A successful login forgets the account's failures. */
  async forget(db: EntityManager, key: string): Promise<void> {
    await db.query(`DELETE FROM login_throttle WHERE key = $1`, [key]);
  }

  /** Takes back one counted attempt (a right password is no failure of the address it came from). */
  async uncount(db: EntityManager, key: string): Promise<void> {
    await db.query(`UPDATE login_throttle SET failures = greatest(failures - 1, 0) WHERE key = $1`, [key]);
  }

  async insertSession(
    db: EntityManager,
    session: { id: string; accountId: string; issuedAt: Date; expiresAt: Date },
  ): Promise<void> {
    await db.query(
      `INSERT INTO login_session (id, account_id, issued_at, expires_at) VALUES ($1, $2, $3, $4)`,
      [session.id, session.accountId, session.issuedAt, session.expiresAt],
    );
  }

  /**
   * The person a session stands for, in one query: only while the session is live and its account is
   * not disabled.
   */
  async actorOfSession(db: EntityManager, sessionId: string, now: Date): Promise<PersonActor | null> {
    // Every request with a token runs it: prepared once per connection.
    const [row] = await preparedQuery<{
      accountId: string;
      personId: string;
      name: string;
      mustChangePassword: boolean;
    }>(
      db,
      `SELECT a.id AS "accountId", p.id AS "personId", p.name, a.password_from_opener AS "mustChangePassword"
         FROM login_session s
         JOIN account a ON a.id = s.account_id AND a.disabled_at IS NULL
         JOIN person p ON p.id = a.person_id
        WHERE s.id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2`,
      [sessionId, now],
    );
    return row ? { kind: 'person', ...row, sessionId } : null;
  }

  async revokeSession(db: EntityManager, sessionId: string, now: Date): Promise<void> {
    await db.query(`UPDATE login_session SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [
      sessionId,
      now,
    ]);
  }

  /** Every live session of an account (after its password changed or was reset). */
  async revokeSessionsOf(db: EntityManager, accountId: string, now: Date): Promise<void> {
    await db.query(`UPDATE login_session SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL`, [
      accountId,
      now,
    ]);
  }
}
