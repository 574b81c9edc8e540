import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';
import { MatterEntity } from '../engine/matter.entity.js';

/** A supervision act as the trace recorded it, with the matter and the person named. */
export interface SupervisionActRow {
  seq: number;
  at: Date;
  matterId: string | null;
  matterTitle: string | null;
  procedureId: string | null;
  procedureVersion: number | null;
  actorName: string | null;
  actorRole: string | null;
  eventType: string;
  payload: Jsonb;
  stateBefore: string | null;
  stateAfter: string | null;
}

/** Reads for the supervision ledger (监督台账): everything here is already in the trace and matters. */
@Injectable()
export class LedgerRepository {
  /**
   * Accepted acts in [from, to) taken as a supervisor or by staff above the village, of the supervision
   * kinds whoever takes them (objections, document requests), or in a supervision procedure.
   */
  async supervisionActs(
    db: EntityManager,
    villageId: string,
    range: { from: Date; to: Date },
    kinds: { roles: string[]; events: string[]; procedures: string[] },
  ): Promise<SupervisionActRow[]> {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT t.seq, t.at, t.matter_id, m.title AS matter_title, m.procedure_id, m.procedure_version,
              p.name AS actor_name, t.actor_role, t.event_type, t.payload, t.state_before, t.state_after
         FROM trace t
         LEFT JOIN matter m ON m.village_id = t.village_id AND m.id = t.matter_id
         LEFT JOIN person p ON p.id = t.actor_person_id
        WHERE t.village_id = $1 AND t.at >= $2 AND t.at < $3 AND t.accepted
          AND (t.actor_role = ANY($4) OR t.event_type = ANY($5) OR m.procedure_id = ANY($6))
          -- Villagers' complaints are the township's and district's to read, never the village's.
          AND NOT starts_with(t.event_type, 'COMPLAINT_')
        ORDER BY t.seq`,
      [villageId, range.from, range.to, kinds.roles, kinds.events, kinds.procedures],
    );
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: new Date(row.at as string | Date),
      matterId: row.matter_id as string | null,
      matterTitle: row.matter_title as string | null,
      procedureId: row.procedure_id as string | null,
      procedureVersion: row.procedure_version === null ? null : Number(row.procedure_version),
      actorName: row.actor_name as string | null,
      actorRole: row.actor_role as string | null,
      eventType: row.event_type as string,
      payload: row.payload as Jsonb,
      stateBefore: row.state_before as string | null,
      stateAfter: row.state_after as string | null,
    }));
  }

  /** Matters running at some time in [from, to): started before its end and not finished before its start. */
  mattersDuring(
    db: EntityManager,
    villageId: string,
    range: { from: Date; to: Date },
  ): Promise<MatterEntity[]> {
    return db
      .createQueryBuilder(MatterEntity, 'matter')
      .where('matter.village_id = :villageId AND matter.created_at < :to', { villageId, to: range.to })
      .andWhere("(matter.status = 'active' OR matter.updated_at >= :from)", { from: range.from })
      .orderBy('matter.created_at', 'ASC')
      .getMany();
  }
}
