import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

export interface IdempotencyScope {
  villageId: string;
  accountId: string;
  key: string;
}

@Injectable()
export class IdempotencyRepository {
  /**
   * Claims the key inside the caller's transaction. A concurrent claim of the same key waits on the
   * unique key until the first transaction ends, then sees its record (or claims it, if that rolled back).
   * Returns the record already stored, or null when this request claimed the key.
   */
  async claim(
    db: EntityManager,
    scope: IdempotencyScope,
    fingerprint: string,
    now: Date,
  ): Promise<IdempotencyRecordEntity | null> {
    const inserted: unknown[] = await db.query(
      `INSERT INTO idempotency_record (village_id, account_id, key, fingerprint, response_status, response_body, created_at)
       VALUES ($1, $2, $3, $4, 0, '{}', $5) ON CONFLICT DO NOTHING RETURNING key`,
      [scope.villageId, scope.accountId, scope.key, fingerprint, now],
    );
    if (inserted.length > 0) return null;
    return db.findOneByOrFail(IdempotencyRecordEntity, { ...scope });
  }

  async complete(
    db: EntityManager,
    scope: IdempotencyScope,
    responseStatus: number,
    responseBody: object,
  ): Promise<void> {
    await db.update(IdempotencyRecordEntity, { ...scope }, { responseStatus, responseBody });
  }
}
