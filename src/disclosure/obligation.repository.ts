import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In, Like, type EntityManager } from 'typeorm';
import type { ObligationRule } from '../../workflows/index.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { ObligationEntity, type ObligationStatus } from './obligation.entity.js';

const LIVE: ObligationStatus[] = ['open', 'overdue'];

/** The kind of an obligation that is a step's time limit rather than a disclosure. */
export const STEP_DEADLINE = 'step-deadline';

@Injectable()
export class ObligationRepository {
  /** One statement per rule: every village gets the period's obligation unless it has it already. */
  async openForAllVillages(
    db: EntityManager,
    rule: ObligationRule,
    label: string,
    now: Date,
    dueAt: Date,
  ): Promise<number> {
    const rows: unknown[] = await db.query(
      `INSERT INTO obligation (village_id, id, kind, title, period_label, opened_at, due_at, status)
       SELECT region.id, gen_random_uuid(), $1, $2, $3, $4, $5, 'open' FROM region WHERE region.kind = 'village'
       ON CONFLICT DO NOTHING RETURNING id`,
      [rule.kind, rule.title, label, now, dueAt],
    );
    return rows.length;
  }

  /** Duties flagged overdue and not yet met, by kind (a period's disclosure, a step's time limit…). */
  overdueByKind(db: EntityManager): Promise<{ kind: string; count: number }[]> {
    return db.query(
      `SELECT kind, count(*)::int AS count FROM obligation WHERE status = 'overdue' GROUP BY kind ORDER BY kind`,
    );
  }

  async flagOverdue(db: EntityManager, now: Date): Promise<number> {
    // Rows an act on their matter holds (it may be settling them) are flagged at the next sweep: the
    // sweep never waits on an act, so it can never wait on one in a circle.
    const [, affected] = await db.query<[unknown, number]>(
      `UPDATE obligation SET status = 'overdue', flagged_at = $1
        WHERE (village_id, id) IN (
          SELECT village_id, id FROM obligation WHERE status = 'open' AND due_at <= $1 FOR UPDATE SKIP LOCKED)`,
      [now],
    );
    return affected;
  }

  /** Marks the village's obligation for the period fulfilled, creating it if the period had none yet. */
  async fulfilPeriod(
    db: EntityManager,
    matter: MatterEntity,
    rule: ObligationRule,
    label: string,
    now: Date,
    dueAt: Date,
  ) {
    await db.query(
      `INSERT INTO obligation (village_id, id, kind, title, period_label, opened_at, due_at, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'open') ON CONFLICT DO NOTHING`,
      [matter.villageId, randomUUID(), rule.kind, rule.title, label, now, dueAt],
    );
    await db.update(
      ObligationEntity,
      { villageId: matter.villageId, kind: rule.kind, periodLabel: label, status: In(LIVE) },
      { status: 'fulfilled', fulfilledAt: now, fulfilledByMatter: matter.id },
    );
  }

  /** A matter's disclosure was published: what it owed to disclose is met (its step deadlines are not). */
  async fulfilMatter(db: EntityManager, matter: MatterEntity, now: Date): Promise<void> {
    await db.update(
      ObligationEntity,
      { villageId: matter.villageId, matterId: matter.id, kind: Like('matter-%'), status: In(LIVE) },
      { status: 'fulfilled', fulfilledAt: now, fulfilledByMatter: matter.id },
    );
  }

  /** Settles the step deadline owed in `stage`: met (even if late) or flagged overdue. */
  async settleStepDeadline(
    db: EntityManager,
    matter: MatterEntity,
    stage: string,
    outcome: 'met' | 'overdue',
    now: Date,
  ): Promise<void> {
    const where = {
      villageId: matter.villageId,
      matterId: matter.id,
      kind: STEP_DEADLINE,
      scopeState: stage,
    };
    if (outcome === 'overdue') {
      await db.update(ObligationEntity, { ...where, status: 'open' }, { status: 'overdue', flaggedAt: now });
    } else {
      await db.update(
        ObligationEntity,
        { ...where, status: In(LIVE) },
        { status: 'fulfilled', fulfilledAt: now, fulfilledByMatter: matter.id },
      );
    }
  }

  async openForMatter(db: EntityManager, obligation: ObligationEntity): Promise<void> {
    const live = await db.existsBy(ObligationEntity, {
      villageId: obligation.villageId,
      matterId: obligation.matterId!,
      kind: obligation.kind,
      status: In(LIVE),
    });
    if (!live) await db.insert(ObligationEntity, obligation);
  }

  listForVillages(
    db: EntityManager,
    villageIds: string[],
    filter: { statuses?: ObligationStatus[]; dueFrom?: Date; dueTo?: Date },
  ) {
    const query = db
      .createQueryBuilder(ObligationEntity, 'obligation')
      .where('obligation.village_id IN (:...villageIds)', { villageIds })
      .orderBy('obligation.due_at', 'ASC');
    if (filter.statuses) query.andWhere('obligation.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.dueFrom) query.andWhere('obligation.due_at >= :from', { from: filter.dueFrom });
    if (filter.dueTo) query.andWhere('obligation.due_at < :to', { to: filter.dueTo });
    return query.getMany();
  }
}
