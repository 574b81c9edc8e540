import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { digestOf } from '../common/canonical-json.js';
import { StrayAttemptEntity } from './stray-attempt.entity.js';
import type { TraceAttempt } from './trace.service.js';

/** Attempts by outsiders: written apart from every chain, read by the village's township. */
@Injectable()
export class StrayAttemptRepository {
  /** Kept only for a village that exists: an id made up to write rows here writes none. */
  async record(db: EntityManager, attempt: TraceAttempt & { refusalCode: string }): Promise<void> {
    await db.query(
      `INSERT INTO stray_attempt (id, village_id, matter_id, actor_person_id, event_type, payload, payload_digest, refusal_code, at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9 WHERE EXISTS (SELECT 1 FROM region WHERE id = $2)`,
      [
        randomUUID(),
        attempt.villageId,
        attempt.matterId,
        attempt.actorPersonId,
        attempt.eventType,
        JSON.stringify(attempt.payload),
        digestOf(attempt.payload),
        attempt.refusalCode,
        attempt.at,
      ],
    );
  }

  listByVillage(db: EntityManager, villageId: string): Promise<StrayAttemptEntity[]> {
    return db.find(StrayAttemptEntity, { where: { villageId }, order: { at: 'ASC' } });
  }
}
