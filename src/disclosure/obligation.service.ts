import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DISCLOSURE_OBLIGATIONS,
  type JsonObject,
  type ObligationRule,
  type ProcedureDefinition,
} from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { stageOf } from '../engine/state-path.js';
import { CalendarService } from '../time/calendar.service.js';
import { periodEnd, startOfLocalDay, addDays } from '../time/calendar.js';
import { SchedulerService } from '../time/scheduler.service.js';
import { ObligationRepository } from './obligation.repository.js';
import { dueDay, periodOf } from './periods.js';

/** A matter's disclosure is owed "promptly" (及时): five working days after the step is reached. */
const PROMPTLY = { days: 5, unit: 'working' as const };

/**
 * Keeps disclosure obligations: opens each village's scheduled ones for the current period, creates one
 * when a matter reaches a disclosure, marks them fulfilled when the disclosure is published, and flags
 * to the township what fell due unmet.
 */
@Injectable()
export class ObligationService implements OnModuleInit {
  private lastSweep = '';

  constructor(
    private readonly dataSource: DataSource,
    private readonly obligations: ObligationRepository,
    private readonly extensions: EngineExtensions,
    private readonly scheduler: SchedulerService,
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('expectDisclosure', (context, params) => this.expect(context, params));
    this.extensions.registerScopedTable('obligation');
    this.scheduler.registerJob('obligations', (now) => this.maintain(now));
  }

  /** Opens the current period's obligations for every village and flags the overdue; once a minute at most. */
  async maintain(now = this.time.now()): Promise<{ opened: number; flagged: number }> {
    const minute = now.toISOString().slice(0, 16);
    if (minute === this.lastSweep) return { opened: 0, flagged: 0 };
    this.lastSweep = minute;
    const db = this.dataSource.manager;
    const today = this.time.dateOf(now);
    let opened = 0;
    for (const rule of DISCLOSURE_OBLIGATIONS) {
      const label = periodOf(today, rule.frequency);
      opened += await this.obligations.openForAllVillages(db, rule, label, now, this.dueAt(rule, label));
    }
    const flagged = await this.obligations.flagOverdue(db, now);
    return { opened, flagged };
  }

  dueAt(rule: ObligationRule, label: string): Date {
    return startOfLocalDay(addDays(dueDay(label, rule.dueDay), 1), this.time.timeZone);
  }

  /** On publication: the scheduled obligation the item fulfils, and the matter's own. */
  async fulfilBy(
    db: EntityManager,
    matter: MatterEntity,
    definition: ProcedureDefinition,
    now: Date,
  ): Promise<void> {
    const inputs = matter.inputs as JsonObject;
    for (const rule of DISCLOSURE_OBLIGATIONS) {
      const { procedureId, periodInput, when } = rule.fulfilledBy;
      if (procedureId !== definition.id || (when && inputs[when.input] !== when.equals)) continue;
      const label = inputs[periodInput];
      if (typeof label !== 'string') continue;
      await this.obligations.fulfilPeriod(db, matter, rule, label, now, this.dueAt(rule, label));
    }
    await this.obligations.fulfilMatter(db, matter, now);
  }

  /** A matter reached a disclosure: it is owed promptly; re-entering the step keeps the first due date. */
  private async expect({ db, matter, stateAfter, now }: EffectContext, params: JsonObject): Promise<void> {
    const calendar = await this.calendars.forVillage(db, matter.villageId);
    await this.obligations.openForMatter(db, {
      villageId: matter.villageId,
      id: randomUUID(),
      kind: `matter-${params.kind as string}`,
      title: `${matter.title}：${params.kind === 'result' ? '结果公开' : '公开'}`,
      periodLabel: null,
      matterId: matter.id,
      scopeState: stageOf(stateAfter),
      openedAt: now,
      dueAt: periodEnd(now, PROMPTLY, this.time.timeZone, calendar),
      status: 'open',
      fulfilledAt: null,
      fulfilledByMatter: null,
      flaggedAt: null,
      settledAt: null,
    });
  }
}
