import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LocalTime } from '../common/local-time.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { addDays, periodEnd, startOfLocalDay, type Period } from './calendar.js';
import { CalendarService } from './calendar.service.js';
import { TimerRepository } from './timer.repository.js';

/**
 * When a matter's periods end, by its village's working calendar, and the durable timers that end them:
 * one place for public periods, step time limits and scheduled re-checks.
 */
@Injectable()
export class MatterTimers {
  constructor(
    private readonly timers: TimerRepository,
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
  ) {}

  async periodEnd(db: EntityManager, villageId: string, from: Date, period: Period): Promise<Date> {
    return periodEnd(from, period, this.time.timeZone, await this.calendars.forVillage(db, villageId));
  }

  /** 24:00 of a local date: a deadline "by 31 March" runs through that whole day. */
  endOfDay(date: string): Date {
    return startOfLocalDay(addDays(date, 1), this.time.timeZone);
  }

  async schedule(
    db: EntityManager,
    matter: MatterEntity,
    timer: { eventType: string; dueAt: Date; scopeState: string },
    now: Date,
  ): Promise<void> {
    await this.timers.schedule(
      db,
      { villageId: matter.villageId, matterId: matter.id, payload: {}, ...timer },
      now,
    );
  }
}
