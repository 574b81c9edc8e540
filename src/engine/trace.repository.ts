import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SqlWrites } from '../common/sql-query.js';
import { preparedQuery } from '../database/prepared-query.js';
import { TraceHeadEntity } from './trace-head.entity.js';
import { TraceEntity } from './trace.entity.js';
import { GENESIS_HASH } from './trace-chain.js';
import { appendTraceStatement, LOCK_HEAD_SQL } from './trace-sql.js';

/** The only door to the trace: append and read. There is deliberately no update or delete. */
@Injectable()
export class TraceRepository {
  /**
   * Locks the village's chain head (creating it at genesis) so appends happen one after another. Every
   * event appends, so the usual case is one statement: the head exists and is locked as it is read.
   */
  async lockHead(db: EntityManager, villageId: string): Promise<{ seq: number; hash: string }> {
    const [head] = await preparedQuery<{ seq: number; hash: string }>(db, LOCK_HEAD_SQL, [villageId]);
    if (head) return head;
    await db.query(
      `INSERT INTO trace_head (village_id, seq, hash) VALUES ($1, 0, $2) ON CONFLICT DO NOTHING`,
      [villageId, GENESIS_HASH],
    );
    const [created] = await preparedQuery<{ seq: number; hash: string }>(db, LOCK_HEAD_SQL, [villageId]);
    return created;
  }

  /** Appends a row and moves the head to it, in one statement (with `alongside`, if given). */
  async insert(db: EntityManager, row: TraceEntity, alongside?: readonly SqlWrites[]): Promise<void> {
    await preparedQuery(db, ...appendTraceStatement(row, alongside));
  }

  head(db: EntityManager, villageId: string): Promise<TraceHeadEntity | null> {
    return db.findOneBy(TraceHeadEntity, { villageId });
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<TraceEntity[]> {
    return db
      .createQueryBuilder(TraceEntity, 'trace')
      .where('trace.village_id = :villageId AND trace.matter_id = :matterId', { villageId, matterId })
      .orderBy('trace.seq', 'ASC')
      .getMany();
  }

  /** A page of a village's chain in order, for verification. */
  pageOfChain(db: EntityManager, villageId: string, afterSeq: number, limit: number): Promise<TraceEntity[]> {
    return db
      .createQueryBuilder(TraceEntity, 'trace')
      .where('trace.village_id = :villageId AND trace.seq > :afterSeq', { villageId, afterSeq })
      .orderBy('trace.seq', 'ASC')
      .limit(limit)
      .getMany();
  }
}
