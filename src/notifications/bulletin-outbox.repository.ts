import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ChannelName } from './channels.js';
import { confirmationLapsedBefore } from './confirmation-window.js';

export interface Subscription {
  village_id: string;
  id: string;
  channel: ChannelName;
  address: string;
  unsubscribe_token: string;
  confirmed_at: Date | null;
}

const SUBSCRIPTION_COLUMNS = 'village_id, id, channel, address, unsubscribe_token, confirmed_at';

export type MessageKind = 'bulletin' | 'confirmation';

export interface ClaimedMessage {
  village_id: string;
  id: string;
  subscription_id: string;
  kind: MessageKind;
  period: string;
  attempts: number;
  channel: ChannelName;
  address: string;
  unsubscribe_token: string;
}

@Injectable()
export class BulletinOutboxRepository {
  /**
   * The active subscription for the address, created (unconfirmed) if there is none: subscribing twice is
   * once. An unconfirmed one whose confirmation has lapsed is ended first, so a new one (with a new
   * token) starts its own days.
   */
  async subscribe(
    db: EntityManager,
    villageId: string,
    channel: ChannelName,
    address: string,
    token: string,
    now: Date,
  ): Promise<Subscription> {
    await db.query(
      `WITH lapsed AS (
         UPDATE bulletin_subscription SET ended_at = $4
          WHERE village_id = $1 AND channel = $2 AND address = $3 AND ended_at IS NULL
            AND confirmed_at IS NULL AND created_at <= $5 RETURNING village_id, id)
       UPDATE outbox_message m SET status = 'cancelled' FROM lapsed
        WHERE m.village_id = lapsed.village_id AND m.subscription_id = lapsed.id AND m.status = 'pending'`,
      [villageId, channel, address, now, confirmationLapsedBefore(now)],
    );
    const [created] = await db.query<Subscription[]>(
      `INSERT INTO bulletin_subscription (village_id, id, channel, address, unsubscribe_token, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (village_id, channel, address) WHERE ended_at IS NULL DO NOTHING
       RETURNING ${SUBSCRIPTION_COLUMNS}`,
      [villageId, randomUUID(), channel, address, token, now],
    );
    if (created) return created;
    const [existing] = await db.query<Subscription[]>(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM bulletin_subscription
        WHERE village_id = $1 AND channel = $2 AND address = $3 AND ended_at IS NULL`,
      [villageId, channel, address],
    );
    return existing;
  }

  /**
   * Queues the confirmation of an unconfirmed subscription, once per local day however often the address
   * is typed in: the page cannot be used to flood someone's inbox or phone.
   */
  async queueConfirmation(db: EntityManager, subscription: Subscription, day: string, now: Date) {
    await db.query(
      `INSERT INTO outbox_message
              (village_id, id, subscription_id, kind, period, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, 'confirmation', $4, 'pending', $5, $5)
       ON CONFLICT (village_id, subscription_id, kind, period) DO NOTHING`,
      [subscription.village_id, randomUUID(), subscription.id, day, now],
    );
  }

  /**
   * Confirms the subscription the token stands for, if it is active and its confirmation has not lapsed
   * (a confirmed one stays as it is); false if there is none.
   */
  async confirm(db: EntityManager, villageId: string, token: string, now: Date): Promise<boolean> {
    const confirmed = await db.query<{ id: string }[]>(
      `WITH confirmed AS (
         UPDATE bulletin_subscription SET confirmed_at = coalesce(confirmed_at, $3)
          WHERE village_id = $1 AND unsubscribe_token = $2 AND ended_at IS NULL
            AND (confirmed_at IS NOT NULL OR created_at > $4) RETURNING id)
       SELECT id FROM confirmed`,
      [villageId, token, now, confirmationLapsedBefore(now)],
    );
    return confirmed.length > 0;
  }

  /** Ends the subscription the token stands for and cancels what it still had waiting; false if none. */
  async unsubscribe(db: EntityManager, villageId: string, token: string, now: Date): Promise<boolean> {
    // As a SELECT over the UPDATE: the driver answers an UPDATE with [rows, count], a SELECT with rows.
    const ended = await db.query<{ id: string }[]>(
      `WITH ended AS (
         UPDATE bulletin_subscription SET ended_at = $3
          WHERE village_id = $1 AND unsubscribe_token = $2 AND ended_at IS NULL RETURNING id)
       SELECT id FROM ended`,
      [villageId, token, now],
    );
    if (ended.length === 0) return false;
    await db.query(
      `UPDATE outbox_message SET status = 'cancelled'
        WHERE village_id = $1 AND subscription_id = $2 AND status = 'pending'`,
      [villageId, ended[0].id],
    );
    return true;
  }

  /** Queues the month's bulletin for every confirmed subscriber who has not had it queued: once each. */
  async enqueue(db: EntityManager, period: string, now: Date): Promise<number> {
    const queued = await db.query<unknown[]>(
      `INSERT INTO outbox_message
              (village_id, id, subscription_id, kind, period, status, next_attempt_at, created_at)
       SELECT village_id, gen_random_uuid(), id, 'bulletin', $1, 'pending', $2, $2
         FROM bulletin_subscription WHERE ended_at IS NULL AND confirmed_at IS NOT NULL
       ON CONFLICT (village_id, subscription_id, kind, period) DO NOTHING
       RETURNING id`,
      [period, now],
    );
    return queued.length;
  }

  /**
   * Claims due messages for sending: their next attempt moves a lease ahead, so another process (or this
   * one's next beat) leaves them alone while they are being sent; the claim commits before any is sent.
   */
  claim(
    db: EntityManager,
    now: Date,
    leaseUntil: Date,
    limit: number,
    channels: readonly ChannelName[],
  ): Promise<ClaimedMessage[]> {
    return db.query<ClaimedMessage[]>(
      `WITH due AS (
         SELECT m.village_id, m.id FROM outbox_message m
           JOIN bulletin_subscription s ON s.village_id = m.village_id AND s.id = m.subscription_id
          WHERE m.status = 'pending' AND m.next_attempt_at <= $1 AND s.channel = ANY($4)
          ORDER BY m.next_attempt_at LIMIT $3 FOR UPDATE OF m SKIP LOCKED),
       claimed AS (
         UPDATE outbox_message m SET next_attempt_at = $2, attempts = m.attempts + 1
           FROM due, bulletin_subscription s
          WHERE m.village_id = due.village_id AND m.id = due.id
            AND s.village_id = m.village_id AND s.id = m.subscription_id
         RETURNING m.village_id, m.id, m.subscription_id, m.kind, m.period, m.attempts,
                   s.channel, s.address, s.unsubscribe_token)
       SELECT * FROM claimed`,
      [now, leaseUntil, limit, channels],
    );
  }

  /** Only while this claim is the latest (its attempt number): a later claim's outcome is its own. */
  async markSent(db: EntityManager, message: ClaimedMessage, now: Date): Promise<void> {
    await db.query(
      `UPDATE outbox_message SET status = 'sent', sent_at = $3, last_error = NULL
        WHERE village_id = $1 AND id = $2 AND status = 'pending' AND attempts = $4`,
      [message.village_id, message.id, now, message.attempts],
    );
  }

  async markFailed(
    db: EntityManager,
    message: ClaimedMessage,
    error: string,
    retryAt: Date | null,
  ): Promise<void> {
    await db.query(
      `UPDATE outbox_message
          SET last_error = $3, status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
              next_attempt_at = COALESCE($4::timestamptz, next_attempt_at)
        WHERE village_id = $1 AND id = $2 AND status = 'pending' AND attempts = $5`,
      [message.village_id, message.id, error.slice(0, 500), retryAt, message.attempts],
    );
  }
}
