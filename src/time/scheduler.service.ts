import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { AppConfig } from '../config/app-config.js';
import { LocalTime } from '../common/local-time.js';
import { EngineService } from '../engine/engine.service.js';
import { SYSTEM_ACTOR } from '../identity/actor.js';
import { TimerRepository } from './timer.repository.js';

/**
 * Delivers due timers through the engine as system events, one per transaction: claim (row lock, skip
 * those another process holds), deliver, settle. On start it catches up with what fell due while down.
 */
@Injectable()
export class SchedulerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SchedulerService.name);
  private interval?: NodeJS.Timeout;
  private running?: Promise<number>;
  private beat?: Promise<void>;
  private stopping = false;
  private readonly jobs = new Map<string, (now: Date) => Promise<unknown>>();
  /** When this process's scheduler last finished a beat (wall-clock time), for health reports. */
  lastBeatAt: Date | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly timers: TimerRepository,
    private readonly engine: EngineService,
    private readonly config: AppConfig,
    private readonly time: LocalTime,
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

  /** Timers first, then the jobs: what the clock makes due, all of it. */
  async runDue(): Promise<number> {
    const delivered = await this.deliverDue();
    for (const job of this.jobs.values()) if (!this.stopping) await job(this.time.now());
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

  private async deliverAll(): Promise<number> {
    let settled = 0;
    while (!this.stopping && (await this.deliverOne())) settled++;
    return settled;
  }

  private deliverOne(): Promise<boolean> {
    return this.dataSource.transaction(async (db) => {
      const now = this.time.now();
      const timer = await this.timers.claimNextDue(db, now);
      if (!timer) return false;
      const result = await this.engine.deliver(db, {
        villageId: timer.villageId,
        matterId: timer.matterId,
        actor: SYSTEM_ACTOR,
        type: timer.eventType,
        payload: timer.payload as JsonObject,
      });
      await this.timers.settle(db, timer, result === 'accepted' ? 'delivered' : 'refused', now);
      return true;
    });
  }
}
