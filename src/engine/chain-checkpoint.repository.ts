import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChainCheckpointEntity } from './chain-checkpoint.entity.js';

/** The published daily heads: written once a day for the days that had activity, never changed. */
@Injectable()
export class ChainCheckpointRepository {
  /**
   * For every village, each day before `before` that added trace rows since its last checkpoint gets the
   * head at that day's end. Days are local dates in `timeZone`. Processes racing here insert once.
   */
  async publishUpTo(db: EntityManager, before: Date, timeZone: string, now: Date): Promise<number> {
    const rows: unknown[] = await db.query(
      `INSERT INTO chain_checkpoint (village_id, day, seq, hash, published_at)
       SELECT DISTINCT ON (head.village_id, day) head.village_id, (t.at AT TIME ZONE $2)::date AS day,
              t.seq, t.hash, $3
         FROM trace_head head
         LEFT JOIN LATERAL (
           SELECT max(c.seq) AS seq FROM chain_checkpoint c WHERE c.village_id = head.village_id
         ) published ON true
         JOIN trace t ON t.village_id = head.village_id AND t.seq > COALESCE(published.seq, 0)
        WHERE t.at < $1
        ORDER BY head.village_id, day, t.seq DESC
       ON CONFLICT DO NOTHING
       RETURNING village_id`,
      [before, timeZone, now],
    );
    return rows.length;
  }

  /** Oldest first: verification walks them along the chain. */
  forVillage(db: EntityManager, villageId: string): Promise<ChainCheckpointEntity[]> {
    return db.find(ChainCheckpointEntity, { where: { villageId }, order: { seq: 'ASC' } });
  }

  latest(db: EntityManager, villageId: string, limit: number): Promise<ChainCheckpointEntity[]> {
    return db.find(ChainCheckpointEntity, { where: { villageId }, order: { day: 'DESC' }, take: limit });
  }
}
