import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { ClockController } from './clock.controller.js';
import { ClockService } from './clock.service.js';
import { SchedulerService } from './scheduler.service.js';
import { TimerExtensions } from './timer-extensions.js';
import { TimerRepository } from './timer.repository.js';

@Module({
  imports: [EngineModule, IdentityModule],
  controllers: [ClockController],
  providers: [ClockService, SchedulerService, TimerExtensions, TimerRepository],
  exports: [SchedulerService, TimerRepository],
})
export class TimeModule {}
