import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 村情月报 subscriptions confirmed by their address's owner (double opt-in): anyone can type an address on
 * the public page, so a subscription gets bulletins only once someone opened the confirmation link sent
 * to that address. The confirmation goes through the outbox like a bulletin, at most once a day per
 * subscription (the outbox's unique key, with the local date as its period).
 */
export class SubscriptionConfirmation1766016000000 implements MigrationInterface {
  name = 'SubscriptionConfirmation1766016000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE bulletin_subscription ADD COLUMN confirmed_at timestamptz`);
    // Subscriptions made before confirmation existed stay as their owners left them: receiving.
    await db.query(`UPDATE bulletin_subscription SET confirmed_at = created_at`);
    await db.query(`ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check`);
    await db.query(
      `ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check
         CHECK (kind IN ('bulletin', 'confirmation'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM outbox_message WHERE kind = 'confirmation'`);
    await db.query(`ALTER TABLE outbox_message DROP CONSTRAINT outbox_message_kind_check`);
    await db.query(
      `ALTER TABLE outbox_message ADD CONSTRAINT outbox_message_kind_check CHECK (kind IN ('bulletin'))`,
    );
    await db.query(`ALTER TABLE bulletin_subscription DROP COLUMN confirmed_at`);
  }
}
