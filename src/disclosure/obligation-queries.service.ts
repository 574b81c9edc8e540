import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import type { TimerEntity } from '../time/timer.entity.js';
import { TimerRepository } from '../time/timer.repository.js';
import type { ObligationEntity, ObligationStatus } from './obligation.entity.js';
import { ObligationRepository } from './obligation.repository.js';

const view = (obligation: ObligationEntity) => ({
  id: obligation.id,
  kind: obligation.kind,
  title: obligation.title,
  period: obligation.periodLabel,
  matterId: obligation.matterId,
  dueAt: obligation.dueAt.toISOString(),
  status: obligation.status,
  fulfilledAt: obligation.fulfilledAt?.toISOString() ?? null,
  flaggedAt: obligation.flaggedAt?.toISOString() ?? null,
});

/**
 * A timer set aside after failing (a public period's end, a time limit) in the same shape: the township
 * must see that something the law times did not happen, and see to it.
 */
const failedTimerView = (timer: TimerEntity) => ({
  id: timer.id,
  kind: 'timer-failed',
  title: `定时事项多次处理失败，已暂停，请核查（${timer.eventType}）`,
  period: null,
  matterId: timer.matterId,
  dueAt: timer.dueAt.toISOString(),
  status: 'overdue' as const,
  fulfilledAt: null,
  flaggedAt: timer.settledAt?.toISOString() ?? null,
});

/** Reads of disclosure obligations: a village's list and calendar, and what is overdue under a township. */
@Injectable()
export class ObligationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly obligations: ObligationRepository,
    private readonly timers: TimerRepository,
    private readonly access: AccessService,
    private readonly time: LocalTime,
  ) {}

  async forVillage(actor: PersonActor, villageId: string, statuses?: ObligationStatus[]) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    return (await this.obligations.listForVillages(db, [villageId], { statuses })).map(view);
  }

  /** What falls due in a range: disclosures owed and the deadlines of running matters. */
  async calendar(actor: PersonActor, villageId: string, from: Date, to: Date) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const [obligations, deadlines] = await Promise.all([
      this.obligations.listForVillages(db, [villageId], { dueFrom: from, dueTo: to }),
      this.timers.pendingInVillage(db, villageId, from, to),
    ]);
    return {
      obligations: obligations.map(view),
      deadlines: deadlines.map((timer) => ({
        matterId: timer.matterId,
        eventType: timer.eventType,
        dueAt: timer.dueAt.toISOString(),
      })),
    };
  }

  /** Overdue disclosures (and timers set aside) of every village under a township or district, for its officials. */
  async overdueUnder(actor: PersonActor, regionId: string) {
    const db = this.dataSource.manager;
    const { villages } = await this.access.villagesUnder(db, actor.personId, regionId, this.time.today());
    if (villages.length === 0) return [];
    const nameOf = new Map(villages.map((village) => [village.id, village.name]));
    const [overdue, failed] = await Promise.all([
      this.obligations.listForVillages(db, [...nameOf.keys()], { statuses: ['overdue'] }),
      this.timers.failedInVillages(db, [...nameOf.keys()]),
    ]);
    const inVillage = (villageId: string) => ({ village: { id: villageId, name: nameOf.get(villageId) } });
    return [
      ...overdue.map((obligation) => ({ ...view(obligation), ...inVillage(obligation.villageId) })),
      ...failed.map((timer) => ({ ...failedTimerView(timer), ...inVillage(timer.villageId) })),
    ];
  }
}
