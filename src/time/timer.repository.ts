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
      .orderBy('timer.due_at', 'ASC')
      .limit(1)
      .getOne();
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

  pendingForMatter(db: EntityManager, villageId: string, matterId: string): Promise<TimerEntity[]> {
    return db
      .createQueryBuilder(TimerEntity, 'timer')
      .where("timer.village_id = :villageId AND timer.matter_id = :matterId AND timer.status = 'pending'", {
        villageId,
        matterId,
      })
      .orderBy('timer.due_at', 'ASC')
      .getMany();
  }
}
