import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村情月报 to people away from home: subscriptions (an email address or a mobile number, ended by the
 * link in every message) and a notification outbox. One outbox row per subscriber and month (a unique
 * key), so the month's bulletin is queued once however often the job runs; a row is claimed with a
 * lease, sent, and marked sent, or retried with back-off and then set aside.
 */
export class BulletinOutbox1765584000000 implements MigrationInterface {
  name = 'BulletinOutbox1765584000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE bulletin_subscription (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        channel text NOT NULL CHECK (channel IN ('email', 'sms')),
        address text NOT NULL,
        unsubscribe_token text NOT NULL,
        created_at timestamptz NOT NULL,
        ended_at timestamptz,
        PRIMARY KEY (village_id, id),
        UNIQUE (village_id, unsubscribe_token)
      )`);
    await db.query(`
      CREATE UNIQUE INDEX bulletin_subscription_active_idx
        ON bulletin_subscription (village_id, channel, address) WHERE ended_at IS NULL`);
    await db.query(`
      CREATE TABLE outbox_message (
        village_id uuid NOT NULL REFERENCES region (id),
        id uuid NOT NULL,
        subscription_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('bulletin')),
        period text NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error text,
        sent_at timestamptz,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (village_id, id),
        UNIQUE (village_id, subscription_id, kind, period),
        FOREIGN KEY (village_id, subscription_id) REFERENCES bulletin_subscription (village_id, id)
      )`);
    await db.query(
      `CREATE INDEX outbox_message_due_idx ON outbox_message (next_attempt_at) WHERE status = 'pending'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE outbox_message`);
    await db.query(`DROP TABLE bulletin_subscription`);
  }
}
