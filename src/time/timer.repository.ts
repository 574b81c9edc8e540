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
   * Takes the next due timer and holds its row lock: another process skips it (`SKIP LOCKED`), and if this
   * one dies before committing, the timer is pending again. Either way it is delivered once.
   */
  async claimNextDue(db: EntityManager, now: Date): Promise<TimerEntity | null> {
    return db
      .createQueryBuilder(TimerEntity, 'timer')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where("timer.status = 'pending' AND timer.due_at <= :now", { now })
      .andWhere('(timer.retry_at IS NULL OR timer.retry_at <= :now)', { now })
      .orderBy('timer.due_at', 'ASC')
      .limit(1)
      .getOne();
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

  async settle(
    db: EntityManager,
    timer: TimerEntity,
    status: Exclude<TimerStatus, 'pending'>,
    now: Date,
  ): Promise<void> {
    await db.update(TimerEntity, { villageId: timer.villageId, id: timer.id }, { status, settledAt: now });
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
