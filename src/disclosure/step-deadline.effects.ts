import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JsonObject } from '../../workflows/index.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import { stageOf } from '../engine/state-path.js';
import type { Period } from '../time/calendar.js';
import { MatterTimers } from '../time/matter-timers.service.js';
import { ObligationRepository, STEP_DEADLINE } from './obligation.repository.js';

/**
 * Time limits on steps (办理时限, `withDeadline` in workflows/, or a date the matter names): a duty owed
 * by a date, kept beside the disclosure obligations so that the township sees both in one overdue list,
 * and a durable timer that flags it through the engine (traced) the moment it passes.
 */
@Injectable()
export class StepDeadlineEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly obligations: ObligationRepository,
    private readonly timers: MatterTimers,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('startDeadline', (context, params) => this.start(context, params));
    this.extensions.registerEffect('passDeadline', (context) => this.settle(context, 'overdue'));
    this.extensions.registerEffect('meetDeadline', (context) => this.settle(context, 'met'));
  }

  private async start(context: EffectContext, params: JsonObject): Promise<void> {
    const { db, matter, stateAfter, now } = context;
    const stage = stageOf(stateAfter);
    const dueAt = await this.dueAt(context, params);
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
      matter,
      { eventType: 'STEP_DEADLINE_PASSED', dueAt, scopeState: stage },
      now,
    );
  }

  /** A period from now, or the date the entering event's payload or else the matter's inputs name. */
  private async dueAt({ db, matter, event, now }: EffectContext, params: JsonObject): Promise<Date> {
    const dueDate = params.dueDate as { input: string; payload?: string } | undefined;
    if (!dueDate) return this.timers.periodEnd(db, matter.villageId, now, params.period as unknown as Period);
    const fromPayload = dueDate.payload ? event.payload[dueDate.payload] : undefined;
    const date = fromPayload ?? (matter.inputs as JsonObject)[dueDate.input];
    return this.timers.endOfDay(date as string);
  }

  private settle({ db, matter, stateBefore, now }: EffectContext, outcome: 'met' | 'overdue') {
    return this.obligations.settleStepDeadline(db, matter, stageOf(stateBefore), outcome, now);
  }
}
