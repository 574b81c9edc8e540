import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { CalendarService } from '../time/calendar.service.js';
import { SchedulerService } from '../time/scheduler.service.js';
import { TimerRepository } from '../time/timer.repository.js';

/** How early a missing or provisional holiday calendar for the coming year is reported. */
export const CALENDAR_WARNING_DAYS = 60;

/** A timer due longer ago than this (or ten beats, if more) means the scheduler is not keeping up. */
const LAG_WARNING_SECONDS = 60;

const DAY_MS = 86_400_000;

export interface CalendarCoverage {
  years: { year: number; provisional: boolean }[];
  warnings: string[];
}

/**
 * What a county's operator watches: the database answers, the scheduler keeps up with due timers, and
 * the holiday calendar has data for the year that statutory deadlines are about to run into (without it
 * a working-day period would count holidays as working days and end too early).
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly time: LocalTime,
    private readonly timers: TimerRepository,
    private readonly scheduler: SchedulerService,
    private readonly calendar: CalendarService,
  ) {}

  async report() {
    const started = Date.now();
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new DomainError('SERVICE.UNAVAILABLE');
    }
    const database = { ok: true, latencyMs: Date.now() - started };
    const { warnings: schedulerWarnings, ...scheduler } = await this.schedulerState();
    const calendar = await this.calendarCoverage();
    const warnings = [...schedulerWarnings, ...calendar.warnings];
    return {
      status: warnings.length > 0 ? 'warning' : 'ok',
      time: this.time.now().toISOString(),
      database,
      scheduler,
      calendar: { years: calendar.years },
      warnings,
    };
  }

  async schedulerState() {
    const now = this.time.now();
    const { due, oldestDueAt } = await this.timers.backlog(this.dataSource.manager, now);
    const failed = await this.timers.countFailed(this.dataSource.manager);
    const lagSeconds = oldestDueAt
      ? Math.max(0, Math.round((now.getTime() - oldestDueAt.getTime()) / 1000))
      : 0;
    const pollMs = this.config.timerPollMs;
    const lastBeat = this.scheduler.lastBeatAt;
    const limit = Math.max(LAG_WARNING_SECONDS, (10 * pollMs) / 1000);
    const warnings = [
      ...(due > 0 && lagSeconds > limit
        ? [
            `定时任务积压：${due} 个已到期未处理，最早的已超过 ${lagSeconds} 秒（公示期满、办理时限将被延迟处理）`,
          ]
        : []),
      ...(failed > 0 ? [`${failed} 个定时事项多次处理失败，已暂停并报乡镇，请查看日志`] : []),
    ];
    return {
      polling: pollMs > 0,
      pollMs,
      lastBeatSecondsAgo: lastBeat ? Math.round((Date.now() - lastBeat.getTime()) / 1000) : null,
      dueTimers: due,
      lagSeconds,
      failedTimers: failed,
      warnings,
    };
  }

  /** Years with national holiday data; a warning from 60 days before a year that has none, or only provisional. */
  async calendarCoverage(): Promise<CalendarCoverage> {
    const years = await this.calendar.nationalYears();
    const today = this.time.today();
    const thisYear = Number(today.slice(0, 4));
    const daysToNewYear = Math.round((Date.parse(`${thisYear + 1}-01-01`) - Date.parse(today)) / DAY_MS);
    const watched = daysToNewYear <= CALENDAR_WARNING_DAYS ? [thisYear, thisYear + 1] : [thisYear];
    const warnings = watched.flatMap((year) => {
      const known = years.find((entry) => entry.year === year);
      if (!known) {
        return [
          `${year} 年没有节假日数据：按工作日计算的期限会把节假日算作工作日。国务院公布安排后，请升级到含该年安排的版本，或由区管理员录入`,
        ];
      }
      return known.provisional ? [`${year} 年节假日安排为暂定数据，国务院正式公布后请核对更新`] : [];
    });
    return { years, warnings };
  }
}
