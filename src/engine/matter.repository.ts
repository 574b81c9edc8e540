import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatterEntity } from './matter.entity.js';

export interface MatterListFilter {
  status?: 'active' | 'done';
  limit: number;
  offset: number;
}

@Injectable()
export class MatterRepository {
  async insert(db: EntityManager, matter: MatterEntity): Promise<void> {
    await db.insert(MatterEntity, matter);
  }

  findById(db: EntityManager, villageId: string, id: string): Promise<MatterEntity | null> {
    return db
      .createQueryBuilder(MatterEntity, 'matter')
      .where('matter.village_id = :villageId AND matter.id = :id', { villageId, id })
      .getOne();
  }

  /** Reads the matter and holds its row lock until the transaction ends: events on it run one at a time. */
  lockById(db: EntityManager, villageId: string, id: string): Promise<MatterEntity | null> {
    return db
      .createQueryBuilder(MatterEntity, 'matter')
      .setLock('pessimistic_write')
      .where('matter.village_id = :villageId AND matter.id = :id', { villageId, id })
      .getOne();
  }

  /** Running matters in these villages waiting for any of `roles`, longest-waiting first. */
  awaitingAny(
    db: EntityManager,
    villageIds: string[],
    roles: string[],
    limit: number,
  ): Promise<MatterEntity[]> {
    if (villageIds.length === 0 || roles.length === 0) return Promise.resolve([]);
    return db
      .createQueryBuilder(MatterEntity, 'matter')
      .where(
        "matter.village_id IN (:...villageIds) AND matter.status = 'active' AND matter.awaiting && :roles",
        {
          villageIds,
          roles,
        },
      )
      .orderBy('matter.state_since', 'ASC')
      .limit(limit)
      .getMany();
  }

  withoutAwaiting(db: EntityManager, limit: number): Promise<MatterEntity[]> {
    return db
      .createQueryBuilder(MatterEntity, 'matter')
      .where('matter.awaiting IS NULL')
      .orderBy('matter.village_id')
      .addOrderBy('matter.id')
      .limit(limit)
      .getMany();
  }

  async setAwaiting(db: EntityManager, matter: MatterEntity, awaiting: string[]): Promise<void> {
    await db.query(`UPDATE matter SET awaiting = $3 WHERE village_id = $1 AND id = $2`, [
      matter.villageId,
      matter.id,
      awaiting,
    ]);
  }

  async saveProgress(db: EntityManager, matter: MatterEntity): Promise<void> {
    await db.query(
      `UPDATE matter SET snapshot = $3, state = $4, status = $5, outcome = $6, revision = $7, updated_at = $8,
              state_since = $9, awaiting = $10
       WHERE village_id = $1 AND id = $2`,
      [
        matter.villageId,
        matter.id,
        JSON.stringify(matter.snapshot),
        matter.state,
        matter.status,
        matter.outcome,
        matter.revision,
        matter.updatedAt,
        matter.stateSince,
        matter.awaiting,
      ],
    );
  }

  async listByVillage(
    db: EntityManager,
    villageId: string,
    filter: MatterListFilter,
  ): Promise<[MatterEntity[], number]> {
    const query = db
      .createQueryBuilder(MatterEntity, 'matter')
      .select([
        'matter.villageId',
        'matter.id',
        'matter.procedureId',
        'matter.procedureVersion',
        'matter.title',
        'matter.state',
        'matter.status',
        'matter.outcome',
        'matter.revision',
        'matter.createdAt',
        'matter.updatedAt',
      ])
      .where('matter.village_id = :villageId', { villageId })
      .orderBy('matter.updated_at', 'DESC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.status) query.andWhere('matter.status = :status', { status: filter.status });
    return query.getManyAndCount();
  }
}
