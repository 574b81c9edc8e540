import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { matterColumns } from '../engine/matter-sql.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { TimerEntity, type TimerStatus } from './timer.entity.js';

export interface NewTimer {
  villageId: string;
  matterId: string;
  eventType: string;
  payload: JsonObject;
  dueAt: Date;
  scopeState: string;
}

/** A batch's due timers, one per matter, and their matters as the claim read and locked them. */
export interface ClaimedTimers {
  timers: TimerEntity[];
  matters: MatterEntity[];
}

/** How deep past its batch a process looks for due timers whose matters no one else holds. */
const CANDIDATES_PER_SLOT = 8;

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
   * Takes the matters of up to `limit` due timers and then those timers, holding both: the matter first,
   * as every act on a matter does, so no transaction ever holds a timer without its matter. Matters that
   * another transaction holds (a person acting, another process's batch) are skipped (`SKIP LOCKED`) and
   * their timers wait for a later batch; two processes look a window of `CANDIDATES_PER_SLOT` × `limit`
   * due timers deep, so the second finds matters the first did not take.
   *
   * The villages' chain heads are taken with their matters, and a matter whose village's head someone
   * holds is skipped as well: every delivery appends to its village's chain, and two processes sharing a
   * village would otherwise take turns at its head for the length of a batch (with 100 timers per village
   * due at once they did, and most of the second process's time went to waiting). Every matter has a head:
   * it is created with its first trace row.
   *
   * If this process dies before committing, the timers are pending again; either way each is delivered
   * once. One timer per matter (its earliest): an event may move the matter out of the state another of
   * its timers belongs to, and that one is then cancelled, not delivered. Ordered for delivery by village,
   * then by time.
   */
  async claimDue(db: EntityManager, now: Date, limit: number): Promise<ClaimedTimers> {
    const matters = await db.query<MatterEntity[]>(
      `SELECT ${matterColumns('matter')} FROM matter
         JOIN trace_head head ON head.village_id = matter.village_id
        WHERE (matter.village_id, matter.id) IN (
          SELECT village_id, matter_id FROM timer
           WHERE status = 'pending' AND due_at <= $1 AND (retry_at IS NULL OR retry_at <= $1)
           ORDER BY due_at LIMIT $2)
        LIMIT $3
          FOR UPDATE OF matter, head SKIP LOCKED`,
      [now, limit * CANDIDATES_PER_SLOT, limit],
    );
    if (matters.length === 0) return { timers: [], matters };
    // Nobody changes a timer without its matter's lock, which this transaction now holds: no wait here.
    const timers = await db.query<TimerEntity[]>(
      `SELECT ${TIMER_COLUMNS} FROM timer
        WHERE (village_id, matter_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))
          AND status = 'pending' AND due_at <= $3 AND (retry_at IS NULL OR retry_at <= $3)
        ORDER BY due_at, id
          FOR UPDATE`,
      [matters.map((matter) => matter.villageId), matters.map((matter) => matter.id), now],
    );
    const first = new Set<string>();
    const earliest = timers
      .filter((timer) => !first.has(timer.matterId) && first.add(timer.matterId))
      .sort(
        (a, b) =>
          a.villageId.localeCompare(b.villageId) ||
          a.dueAt.getTime() - b.dueAt.getTime() ||
          a.id.localeCompare(b.id),
      );
    return { timers: earliest, matters };
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
