import { JobClaimsRepository } from './job-claims.repository.js';
import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { ClockController } from './clock.controller.js';
import { ClockService } from './clock.service.js';
import { SchedulerService } from './scheduler.service.js';
import { StatisticsRefreshJob } from './statistics-refresh.job.js';
import { MatterTimers } from './matter-timers.service.js';
import { TimerExtensions } from './timer-extensions.js';
import { TimerRepository } from './timer.repository.js';

@Module({
  imports: [EngineModule, IdentityModule],
  controllers: [CalendarController, ClockController],
  providers: [
    CalendarService,
    ClockService,
    JobClaimsRepository,
    MatterTimers,
    SchedulerService,
    StatisticsRefreshJob,
    TimerExtensions,
    TimerRepository,
  ],
  exports: [CalendarService, MatterTimers, SchedulerService, TimerRepository],
})
export class TimeModule {}
