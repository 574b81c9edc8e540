import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseKind } from '../database/database.module.js';
import { SchedulerService } from './scheduler.service.js';

/** How often the planner's statistics are refreshed where nothing else does it (wall-clock time). */
export const STATISTICS_REFRESH_MS = 3600_000;

/**
 * The embedded database runs no autovacuum, so nothing runs ANALYZE as its tables grow and the hot path's
 * prepared plans, made while the tables were small, would stay (seq scans over a trace of millions). So
 * on the scheduler's beat, at most once an hour, this process runs ANALYZE itself; on a server whose
 * autovacuum is on this is left to it.
 */
@Injectable()
export class StatisticsRefreshJob implements OnModuleInit {
  private lastRunAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly database: DatabaseKind,
    private readonly scheduler: SchedulerService,
  ) {}

  onModuleInit(): void {
    this.scheduler.registerJob('statistics', () => this.refreshIfDue());
  }

  /** Runs ANALYZE when an hour has passed since the last run here and no autovacuum will. */
  async refreshIfDue(nowMs = Date.now()): Promise<boolean> {
    if (nowMs - this.lastRunAt < STATISTICS_REFRESH_MS) return false;
    this.lastRunAt = nowMs;
    if (!(await this.nothingElseAnalyzes())) return false;
    await this.dataSource.query('ANALYZE');
    return true;
  }

  private async nothingElseAnalyzes(): Promise<boolean> {
    if (this.database.kind === 'pglite') return true;
    const [setting] = await this.dataSource.query<{ autovacuum: string }[]>('SHOW autovacuum');
    return setting?.autovacuum === 'off';
  }
}
