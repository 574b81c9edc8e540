import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { TimerEntity, type TimerStatus } from './timer.entity.js';

export interface NewTimer {
  villageId: string;
  matterId: string;
  eventType: string;
  payload: JsonObject;
  dueAt: Date;
  scopeState: string;
}

/** The timer's columns under the entity's property names, for the statements written by hand. */
const TIMER_COLUMNS = `village_id AS "villageId", id, matter_id AS "matterId", event_type AS "eventType", payload,
  due_at AS "dueAt", scope_state AS "scopeState", status, created_at AS "createdAt", settled_at AS "settledAt",
  attempts, retry_at AS "retryAt", last_error AS "lastError"`;

@Injectable()
export class TimerRepository {
  async schedule(db: EntityManager, timer: NewTimer, now: Date): Promise<TimerEntity> {
    const row: TimerEntity = {
      ...timer,
      id: randomUUID(),
      status: 'pending',
      createdAt: now,
      settledAt: null,
    };
    await db.insert(TimerEntity, row);
    return row;
  }

  /**
   * Takes up to `limit` due timers, earliest first, and holds their rows' locks and their matters': another
   * process skips both (`SKIP LOCKED`), and a timer whose matter is busy (a person's event on it, another
   * batch) waits for a later batch. If this process dies before committing, the timers are pending again.
   * Either way each is delivered once. Ordered for delivery: by village, so that every batch takes the
   * villages' chain heads in one order (two batches never wait on each other in a circle), then by time.
   */
  async claimDue(db: EntityManager, now: Date, limit: number): Promise<TimerEntity[]> {
    const timers = await db.query<TimerEntity[]>(
      `SELECT ${TIMER_COLUMNS} FROM timer
        WHERE status = 'pending' AND due_at <= $1 AND (retry_at IS NULL OR retry_at <= $1)
        ORDER BY due_at LIMIT $2
          FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    if (timers.length === 0) return [];
    const locked = await db.query<{ id: string }[]>(
      `SELECT id FROM matter
        WHERE (village_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
        ORDER BY village_id, id
          FOR UPDATE SKIP LOCKED`,
      [timers.map((timer) => timer.villageId), timers.map((timer) => timer.matterId)],
    );
    // The foreign key keeps every timer's matter: one not locked here is another transaction's for now.
    const free = new Set(locked.map((matter) => matter.id));
    // One timer per matter per batch (the earliest): an event may move the matter out of the state that
    // another of its timers belongs to, and that one is then cancelled, not delivered.
    return timers
      .filter((timer) => free.delete(timer.matterId))
      .sort(
        (a, b) =>
          a.villageId.localeCompare(b.villageId) ||
          a.dueAt.getTime() - b.dueAt.getTime() ||
          a.id.localeCompare(b.id),
      );
  }

  /** Settles the delivered (or refused) timers of a batch, in its transaction: one statement. */
  async settleAll(
    db: EntityManager,
    timers: TimerEntity[],
    status: Exclude<TimerStatus, 'pending'>,
    now: Date,
  ): Promise<void> {
    if (timers.length === 0) return;
    await db.query(
      `UPDATE timer SET status = $3, settled_at = $4
        WHERE (village_id, id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`,
      [timers.map((timer) => timer.villageId), timers.map((timer) => timer.id), status, now],
    );
  }

  /**
   * Counts a delivery that failed unexpectedly, in the delivering transaction (the row still locked):
   * the timer is tried again after `firstWaitMs` doubled per earlier failure, or, at `attempts`, set
   * aside (`failed`). One statement, so two processes can never count one failure twice.
   */
  async recordFailure(
    db: EntityManager,
    timerId: { villageId: string; id: string },
    failure: { error: string; now: Date; attempts: number; firstWaitMs: number },
  ): Promise<{ attempts: number; setAside: boolean }> {
    const [row] = await db.query<{ attempts: number; status: string }[]>(
      `UPDATE timer SET attempts = attempts + 1, last_error = $3,
              status = CASE WHEN attempts + 1 >= $4 THEN 'failed' ELSE status END,
              settled_at = CASE WHEN attempts + 1 >= $4 THEN $5::timestamptz ELSE settled_at END,
              retry_at = CASE WHEN attempts + 1 >= $4 THEN NULL
                              ELSE $5::timestamptz + make_interval(secs => $6::double precision * power(2, attempts)) END
        WHERE village_id = $1 AND id = $2 AND status = 'pending'
        RETURNING attempts, status`,
      [
        timerId.villageId,
        timerId.id,
        // PostgreSQL text cannot hold NUL: a message with one would fail the recording itself.
        failure.error.replaceAll('\u0000', '').slice(0, 500),
        failure.attempts,
        failure.now,
        failure.firstWaitMs / 1000,
      ],
    );
    return { attempts: row?.attempts ?? 0, setAside: row?.status === 'failed' };
  }

  /** Timers set aside after failing, in these villages (for the township's overdue view). */
  failedInVillages(db: EntityManager, villageIds: string[]): Promise<TimerEntity[]> {
    if (villageIds.length === 0) return Promise.resolve([]);
    return db
      .createQueryBuilder(TimerEntity, 'timer')
      .where("timer.status = 'failed' AND timer.village_id IN (:...villageIds)", { villageIds })
      .orderBy('timer.settled_at', 'ASC')
      .getMany();
  }

  async countFailed(db: EntityManager): Promise<number> {
    const [row] = await db.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM timer WHERE status = 'failed'`,
    );
    return row.count;
  }

  /** Timers due and not yet delivered, and the oldest one's due time: the scheduler's backlog and lag. */
  async backlog(db: EntityManager, now: Date): Promise<{ due: number; oldestDueAt: Date | null }> {
    const [row] = await db.query<{ due: number; oldestDueAt: Date | null }[]>(
      `SELECT count(*)::int AS due, min(due_at) AS "oldestDueAt" FROM timer
        WHERE status = 'pending' AND due_at <= $1`,
      [now],
    );
    return row;
  }

  /** A village's pending deadlines in a range, for its calendar. */
  pendingInVillage(db: EntityManager, villageId: string, from: Date, to: Date): Promise<TimerEntity[]> {
    return db
      .createQueryBuilder(TimerEntity, 'timer')
      .where("timer.village_id = :villageId AND timer.status = 'pending'", { villageId })
      .andWhere('timer.due_at >= :from AND timer.due_at < :to', { from, to })
      .orderBy('timer.due_at', 'ASC')
      .getMany();
  }

  pendingForMatters(db: EntityManager, villageIds: string[], matterIds: string[]): Promise<TimerEntity[]> {
    if (matterIds.length === 0) return Promise.resolve([]);
    return db
      .createQueryBuilder(TimerEntity, 'timer')
      .where(
        "timer.village_id IN (:...villageIds) AND timer.matter_id IN (:...matterIds) AND timer.status = 'pending'",
        {
          villageIds,
          matterIds,
        },
      )
      .orderBy('timer.due_at', 'ASC')
      .getMany();
  }
}
