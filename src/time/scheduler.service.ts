import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { AppConfig } from '../config/app-config.js';
import { isLockRace, isTransientDatabaseError } from '../common/database-errors.js';
import { LocalTime } from '../common/local-time.js';
import { pgliteOf } from '../database/open-data-source.js';
import { EngineService } from '../engine/engine.service.js';
import { HeldRows } from '../engine/held-rows.js';
import { SYSTEM_ACTOR } from '../identity/actor.js';
import type { TimerEntity } from './timer.entity.js';
import { JobClaimsRepository } from './job-claims.repository.js';
import { TimerRepository } from './timer.repository.js';

/** A timer that fails unexpectedly is tried this often, waiting 1, 2, 4, 8 minutes between, then set aside. */
export const TIMER_RETRIES = { attempts: 5, firstWaitMs: 60_000 } as const;

/** The claim the housekeeping jobs run under, across the processes of one database. */
const HOUSEKEEPING = 'housekeeping';

/** A batch on the fast path met a refusal or a failure and was rolled back. */
class FastPathLeft extends Error {}
/** The app is stopping: the batch in hand is rolled back, its timers left for the next start. */
class Stopping extends Error {}

const commandOf = (timer: TimerEntity) => ({
  villageId: timer.villageId,
  matterId: timer.matterId,
  actor: SYSTEM_ACTOR,
  type: timer.eventType,
  payload: timer.payload as JsonObject,
});

/**
 * What one batch did: matters it claimed, timers settled (delivered or refused), and failed (counted for
 * a retry).
 */
interface BatchOutcome {
  claimed: number;
  settled: number;
  failed: number;
}

/**
 * Delivers due timers through the engine as system events, a batch per transaction: claim (row locks on
 * the timers and their matters, skipping those another process or request holds), deliver each, settle
 * them all, commit. Each timer is settled in the transaction that delivers its event, so exactly once. On
 * start it catches up with what fell due while down.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private interval?: NodeJS.Timeout;
  private running?: Promise<number>;
  private beat?: Promise<void>;
  private stopping = false;
  private readonly jobs = new Map<string, (now: Date) => Promise<unknown>>();
  private readonly beforeBeat: (() => Promise<void>)[] = [];
  /** When this process's scheduler last finished a beat (wall-clock time), for health reports. */
  lastBeatAt: Date | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimerRepository,
    private readonly engine: EngineService,
    private readonly config: AppConfig,
    private readonly time: LocalTime,
    private readonly claims: JobClaimsRepository,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.timerPollMs <= 0) return;
    this.interval = setInterval(() => void this.tick(), this.config.timerPollMs);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.interval);
    // A backlog is left for the next start (or another process) to deliver: stopping must not wait on it.
    this.stopping = true;
    await this.beat;
    await this.running?.catch(() => undefined);
  }

  /** Delivers everything due now; concurrent calls share one run. Returns how many timers were settled. */
  deliverDue(): Promise<number> {
    this.running ??= this.deliverAll().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Other modules' housekeeping that runs on the same beat (e.g. opening and flagging obligations). */
  registerJob(name: string, job: (now: Date) => Promise<unknown>): void {
    this.jobs.set(name, job);
  }

  /** Done before each beat, in every process (e.g. reading the demo clock's offset another process moved). */
  registerBeforeBeat(step: () => Promise<void>): void {
    this.beforeBeat.push(step);
  }

  /**
   * Timers first, then the housekeeping jobs: what the clock makes due, all of it. The jobs run in one
   * process at a time, and once per half beat between them all (one claim for the lot, two statements a
   * beat); with no beat of its own (tests, a manual advance) only the first rule holds.
   */
  async runDue(): Promise<number> {
    for (const step of this.beforeBeat) await step();
    const delivered = await this.deliverDue();
    if (this.jobs.size === 0 || this.stopping) return delivered;
    const now = this.time.now();
    const db = this.dataSource.manager;
    if (!(await this.claims.claim(db, HOUSEKEEPING, now, Math.max(0, this.config.timerPollMs / 2)))) {
      return delivered;
    }
    try {
      for (const job of this.jobs.values()) if (!this.stopping) await job(this.time.now());
    } finally {
      await this.claims.release(db, HOUSEKEEPING);
    }
    return delivered;
  }

  /**
   * One beat at a time: while a long delivery run or job is in flight, later beats join it instead of
   * queueing behind it, or they would all start the jobs at once when it ends (thousands after a backlog).
   */
  private tick(): Promise<void> {
    this.beat ??= this.runDue()
      .then(
        () => undefined,
        (error: unknown) => this.logger.warn(`Timer delivery paused: ${(error as Error).message}`),
      )
      .finally(() => {
        this.beat = undefined;
        this.lastBeatAt = new Date();
      });
    return this.beat;
  }

  /**
   * `timerWorkers` delivery loops at once (one on the embedded database's single connection); batches of
   * two loops never share a village, so they never wait on each other. All have stopped when it returns.
   *
   * In rounds, until one settles nothing: a loop stops when its claim locks no matter, and a claim can
   * find every village it wants locked by the other loops of the round for a moment, even by a claim
   * that locked nothing in the end (a skipped row's first lock, on its matter, is held until that
   * transaction ends). The loops of a round can so stop one after another with timers left; the next
   * round, none of them holding anything, sees those.
   */
  private async deliverAll(): Promise<number> {
    const workers = pgliteOf(this.dataSource) ? 1 : this.config.timerWorkers;
    let settled = 0;
    for (;;) {
      const loops = await Promise.allSettled(Array.from({ length: workers }, () => this.deliverLoop()));
      const failed = loops.find((loop) => loop.status === 'rejected');
      if (failed) throw failed.reason;
      const round = loops.reduce((sum, loop) => sum + (loop as PromiseFulfilledResult<number>).value, 0);
      settled += round;
      if (round === 0 || this.stopping) return settled;
    }
  }

  private async deliverLoop(): Promise<number> {
    let settled = 0;
    let batchSize = this.config.timerBatchSize;
    let careful = false;
    while (!this.stopping) {
      let outcome: BatchOutcome;
      try {
        outcome = careful ? await this.deliverCarefully(batchSize) : await this.deliverFast(batchSize);
      } catch (error) {
        if (error instanceof Stopping) break;
        if (error instanceof FastPathLeft) {
          // Something in the batch was refused or failed: the batch was undone; deliver it again carefully.
          careful = true;
          continue;
        }
        // Two batches that met in a lock cycle the claim's ordering did not foresee (an effect reaching
        // another matter): the database undid one; the rest of this run goes one timer at a time.
        if (batchSize === 1 || !isLockRace(error)) throw error;
        batchSize = 1;
        continue;
      }
      careful = false;
      settled += outcome.settled;
      // Nothing due, or only timers whose matters are busy (see `deliverAll`). A claim can also lock
      // matters and find no timer of theirs still pending: it chose them from its statement's snapshot,
      // and another loop delivered them and committed before it took their locks. That is no sign that
      // nothing is left, so the loop claims again (with a new snapshot).
      if (outcome.claimed === 0) break;
    }
    return settled;
  }

  /**
   * The common case, every timer of the batch accepted: no savepoint per delivery. The first refusal or
   * failure undoes the whole batch (FastPathLeft), to be delivered again by `deliverCarefully`. So the
   * timers are settled before their events, in the same transaction: the state an event leaves then finds
   * its own timer settled already instead of cancelling it first (one row written once, not twice).
   */
  private deliverFast(batchSize: number): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (db) => {
      const now = this.time.now();
      const { timers: ready, matters } = await this.timers.claimDue(db, now, batchSize);
      await this.timers.settleAll(db, ready, 'delivered', now);
      const held = new HeldRows(matters);
      for (const timer of ready) {
        if (this.stopping) throw new Stopping();
        try {
          await this.engine.deliverOrThrow(db, commandOf(timer), held);
        } catch (error) {
          if (isTransientDatabaseError(error)) throw error;
          throw new FastPathLeft();
        }
      }
      return { claimed: matters.length, settled: ready.length, failed: 0 };
    });
  }

  /**
   * A batch where something is refused or fails, each delivery in a savepoint. A refusal is traced and
   * settled like a delivery. A failure for a reason that is not the database's (a bug, an orphaned row)
   * rolls back to the savepoint and is counted on its timer in the same transaction, its row still locked:
   * it is tried again after a back-off and, after `TIMER_RETRIES.attempts` failures, set aside and shown to
   * the township; either way the timers beside it go on. A database that is away, out of resources or timed
   * out pauses delivery instead: the whole batch rolls back, nothing is counted, and the next beat starts
   * where this one stopped.
   */
  private deliverCarefully(batchSize: number): Promise<BatchOutcome> {
    return this.dataSource.transaction(async (db) => {
      const now = this.time.now();
      const { timers: ready, matters } = await this.timers.claimDue(db, now, batchSize);
      const settled = { delivered: [] as TimerEntity[], refused: [] as TimerEntity[] };
      let failed = 0;
      for (const timer of ready) {
        if (this.stopping) throw new Stopping();
        try {
          const result = await this.engine.deliver(db, commandOf(timer));
          settled[result === 'accepted' ? 'delivered' : 'refused'].push(timer);
        } catch (error) {
          if (isTransientDatabaseError(error)) throw error;
          await this.countFailure(db, timer, error, now);
          failed++;
        }
      }
      await this.timers.settleAll(db, settled.delivered, 'delivered', now);
      await this.timers.settleAll(db, settled.refused, 'refused', now);
      return { claimed: matters.length, settled: settled.delivered.length + settled.refused.length, failed };
    });
  }

  private async countFailure(
    db: EntityManager,
    timer: TimerEntity,
    error: unknown,
    now: Date,
  ): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    const { attempts, setAside } = await this.timers.recordFailure(db, timer, {
      error: message,
      now,
      ...TIMER_RETRIES,
    });
    const where = `timer ${timer.id} (${timer.eventType}, matter ${timer.matterId})`;
    if (setAside) this.logger.error(`${where} set aside after ${attempts} failed deliveries: ${message}`);
    else this.logger.warn(`${where} failed (attempt ${attempts}), retried later: ${message}`);
  }
}
