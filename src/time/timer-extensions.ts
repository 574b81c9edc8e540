import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { TimerRepository } from './timer.repository.js';

/** Timers in the engine: cancelled when their state is left, shown as a matter's deadlines. */
@Injectable()
export class TimerExtensions implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly timers: TimerRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.registerScopedTable('timer');
    this.extensions.registerViewSection('deadlines', async (db, matter) =>
      (await this.timers.pendingForMatter(db, matter.villageId, matter.id)).map((timer) => ({
        eventType: timer.eventType,
        dueAt: timer.dueAt.toISOString(),
        state: timer.scopeState,
      })),
    );
  }
}
