import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { stageOf } from '../engine/state-path.js';
import { viewSection } from '../engine/view-sections.js';
import type { Period } from './calendar.js';
import { MatterTimers } from './matter-timers.service.js';
import { TimerEntity } from './timer.entity.js';

/** Timers in the engine: scheduled by name, cancelled when their state is left, shown as deadlines. */
@Injectable()
export class TimerExtensions implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly matterTimers: MatterTimers,
  ) {}

  onModuleInit(): void {
    this.extensions.registerScopedTable('timer');
    // A time-driven event the machine names, e.g. the re-check some time after a rectification.
    this.extensions.registerEffect('scheduleEvent', async ({ db, matter, stateAfter, now }, params) => {
      const dueAt = await this.matterTimers.periodEnd(
        db,
        matter.villageId,
        now,
        params.period as unknown as Period,
      );
      const scopeState = stageOf(stateAfter);
      await this.matterTimers.schedule(
        db,
        matter,
        { eventType: params.event as string, dueAt, scopeState },
        now,
      );
    });
    this.extensions.registerViewSection(
      'deadlines',
      viewSection({
        rows: { timers: { entity: TimerEntity, filter: "t.status = 'pending'", orderBy: 't.due_at' } },
        shape: ({ timers }) =>
          timers.map((timer) => ({
            eventType: timer.eventType,
            dueAt: timer.dueAt.toISOString(),
            state: timer.scopeState,
          })),
      }),
    );
  }
}
