import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatterConflictEntity } from './matter-conflict.entity.js';

@Injectable()
export class MatterConflictRepository {
  /** Declares (or re-declares, keeping the first) a conflict. */
  async declare(db: EntityManager, conflict: MatterConflictEntity): Promise<void> {
    await db.createQueryBuilder().insert().into(MatterConflictEntity).values(conflict).orIgnore().execute();
  }

  /**
   * Whether the person takes part in a vote of the matter already under way: an open meeting where they
   * have voted, or whose count is recorded while they are on its roster. Standing them aside then would
   * take back a vote already seen.
   */
  async voteUnderWay(db: EntityManager, villageId: string, matterId: string, personId: string) {
    const rows: unknown[] = await db.query(
      `SELECT 1 FROM meeting m
        WHERE m.village_id = $1 AND m.matter_id = $2 AND m.status = 'open'
          AND (EXISTS (SELECT 1 FROM ballot_receipt r
                        WHERE r.village_id = m.village_id AND r.meeting_id = m.id AND r.person_id = $3)
               OR (m.vote_count IS NOT NULL
                   AND EXISTS (SELECT 1 FROM meeting_roster o
                                WHERE o.village_id = m.village_id AND o.meeting_id = m.id AND o.person_id = $3)))
        LIMIT 1`,
      [villageId, matterId, personId],
    );
    return rows.length > 0;
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<MatterConflictEntity[]> {
    return db.find(MatterConflictEntity, { where: { villageId, matterId }, order: { declaredAt: 'ASC' } });
  }
}
