import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { localDate } from '../time/calendar.js';
import { Clock } from './clock.js';

/** "Now" and "today" in the district's time zone: memberships, meetings and periods are dated locally. */
@Injectable()
export class LocalTime {
  constructor(
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  get timeZone(): string {
    return this.config.timeZone;
  }

  now(): Date {
    return this.clock.now();
  }

  today(): string {
    return localDate(this.clock.now(), this.config.timeZone);
  }

  dateOf(instant: Date): string {
    return localDate(instant, this.config.timeZone);
  }
}
