import { ReadSource } from '../database/read-source.js';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LocalTime } from '../common/local-time.js';
import { ChainCheckpointRepository } from '../engine/chain-checkpoint.repository.js';
import { TraceRepository } from '../engine/trace.repository.js';
import { TraceService } from '../engine/trace.service.js';
import { startOfLocalDay } from '../time/calendar.js';
import { SchedulerService } from '../time/scheduler.service.js';

/** The board shows a month of daily heads; older ones stay in the database and still bind verification. */
const HEADS_SHOWN = 31;

/**
 * Publishes each village's trace head at the end of every day with activity (日终哈希) and lets anyone
 * check the chain against them without seeing what the rows say.
 */
@Injectable()
export class ChainHeadsService implements OnModuleInit {
  private publishedThrough = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: ReadSource,
    private readonly checkpoints: ChainCheckpointRepository,
    private readonly traces: TraceRepository,
    private readonly verifier: TraceService,
    private readonly scheduler: SchedulerService,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerJob('chainHeads', async (now) => {
      // Once per local day in each process is enough; a racing process inserts nothing twice.
      const today = this.time.dateOf(now);
      if (today === this.publishedThrough) return;
      await this.publish(now);
      this.publishedThrough = today;
    });
  }

  /** Publishes the end-of-day heads of every day before today that is not published yet. */
  publish(now = this.time.now()): Promise<number> {
    const startOfToday = startOfLocalDay(this.time.dateOf(now), this.time.timeZone);
    return this.checkpoints.publishUpTo(this.dataSource.manager, startOfToday, this.time.timeZone, now);
  }

  async heads(villageId: string) {
    const [head, daily] = await this.reads.read((db) =>
      Promise.all([this.traces.head(db, villageId), this.checkpoints.latest(db, villageId, HEADS_SHOWN)]),
    );
    return {
      current: { seq: Number(head?.seq ?? 0), hash: head?.hash ?? null },
      daily: daily.map((checkpoint) => ({
        day: checkpoint.day,
        seq: Number(checkpoint.seq),
        hash: checkpoint.hash,
        publishedAt: checkpoint.publishedAt.toISOString(),
      })),
    };
  }

  /**
   * The chain's verdict with sequence numbers and hashes only: payloads are not public. It checks the
   * rows since the last published daily head (the full walk is the members' and the CLI's), all read in
   * one snapshot, so a row appended meanwhile cannot look like a break.
   */
  async verify(villageId: string) {
    const report = await this.reads.transaction('REPEATABLE READ', (db) =>
      this.verifier.verify(db, villageId, [], 'lastCheckpoint'),
    );
    return { ...report, verifiedAt: this.time.now().toISOString() };
  }
}
