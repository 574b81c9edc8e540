import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JsonObject } from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import { stageOf } from '../engine/state-path.js';
import { CalendarService } from '../time/calendar.service.js';
import { periodEnd, type Period } from '../time/calendar.js';
import { TimerRepository } from '../time/timer.repository.js';
import { ObligationRepository, STEP_DEADLINE } from './obligation.repository.js';

/**
 * Time limits on steps (办理时限, `withDeadline` in workflows/): a duty owed by a date, kept beside the
 * disclosure obligations so that the township sees both in one overdue list, and a durable timer that
 * flags it through the engine (traced) the moment it passes.
 */
@Injectable()
export class StepDeadlineEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly obligations: ObligationRepository,
    private readonly timers: TimerRepository,
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('startDeadline', (context, params) => this.start(context, params));
    this.extensions.registerEffect('passDeadline', (context) => this.settle(context, 'overdue'));
    this.extensions.registerEffect('meetDeadline', (context) => this.settle(context, 'met'));
  }

  private async start({ db, matter, stateAfter, now }: EffectContext, params: JsonObject): Promise<void> {
    const stage = stageOf(stateAfter);
    const dueAt = periodEnd(
      now,
      params.period as unknown as Period,
      this.time.timeZone,
      await this.calendars.forVillage(db, matter.villageId),
    );
    await this.obligations.openForMatter(db, {
      villageId: matter.villageId,
      id: randomUUID(),
      kind: STEP_DEADLINE,
      title: `${matter.title}：${params.title as string}`,
      periodLabel: null,
      matterId: matter.id,
      scopeState: stage,
      openedAt: now,
      dueAt,
      status: 'open',
      fulfilledAt: null,
      fulfilledByMatter: null,
      flaggedAt: null,
      settledAt: null,
    });
    await this.timers.schedule(
      db,
      {
        villageId: matter.villageId,
        matterId: matter.id,
        eventType: 'STEP_DEADLINE_PASSED',
        payload: {},
        dueAt,
        scopeState: stage,
      },
      now,
    );
  }

  private settle({ db, matter, stateBefore, now }: EffectContext, outcome: 'met' | 'overdue') {
    return this.obligations.settleStepDeadline(db, matter, stageOf(stateBefore), outcome, now);
  }
}
