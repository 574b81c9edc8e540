import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TraceHeadEntity } from './trace-head.entity.js';
import { TraceEntity } from './trace.entity.js';
import { GENESIS_HASH } from './trace-chain.js';

/** The only door to the trace: append and read. There is deliberately no update or delete. */
@Injectable()
export class TraceRepository {
  /** Locks the village's chain head (creating it at genesis) so appends happen one after another. */
  async lockHead(db: EntityManager, villageId: string): Promise<TraceHeadEntity> {
    await db
      .createQueryBuilder()
      .insert()
      .into(TraceHeadEntity)
      .values({ villageId, seq: 0, hash: GENESIS_HASH })
      .orIgnore()
      .execute();
    return db
      .createQueryBuilder(TraceHeadEntity, 'head')
      .setLock('pessimistic_write')
      .where('head.village_id = :villageId', { villageId })
      .getOneOrFail();
  }

  async insert(db: EntityManager, row: TraceEntity): Promise<void> {
    await db.insert(TraceEntity, row);
    await db.update(TraceHeadEntity, { villageId: row.villageId }, { seq: row.seq, hash: row.hash });
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

  /** What a person has done in a matter so far (accepted acts only), for separation of duties. */
  actsOf(
    db: EntityManager,
    villageId: string,
    matterId: string,
    personId: string,
  ): Promise<{ eventType: string; actorRole: string | null }[]> {
    return db
      .createQueryBuilder(TraceEntity, 'trace')
      .select(['trace.eventType', 'trace.actorRole'])
      .distinct(true)
      .where('trace.village_id = :villageId AND trace.matter_id = :matterId', { villageId, matterId })
      .andWhere('trace.actor_person_id = :personId AND trace.accepted', { personId })
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
