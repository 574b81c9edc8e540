import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { shiftParams, type SqlQuery } from '../common/sql-query.js';
import { preparedQuery } from '../database/prepared-query.js';
import { FIND_MATTER_SQL, LOCK_MATTER_SQL, MATTER_COLUMNS, saveProgressStatement } from './matter-sql.js';
import { MatterEntity } from './matter.entity.js';

export interface MatterListFilter {
  status?: 'active' | 'done';
  limit: number;
  offset: number;
}

/** The statement of `lockReading` per text of what it also reads (a handful: built once each). */
const lockReadingTexts = new Map<string, string>();

function lockReadingText(alsoText: string): string {
  let text = lockReadingTexts.get(alsoText);
  if (!text) {
    text = `SELECT ${MATTER_COLUMNS},
                   (SELECT seen.revision FROM matter seen WHERE seen.village_id = $1 AND seen.id = $2)
                     AS "seenRevision",
                   (SELECT coalesce(json_agg(also), '[]'::json)
                      FROM (${shiftParams(alsoText, 2)}) also) AS "alsoRows"
              FROM matter WHERE village_id = $1 AND id = $2 FOR UPDATE OF matter`;
    lockReadingTexts.set(alsoText, text);
  }
  return text;
}

@Injectable()
export class MatterRepository {
  async insert(db: EntityManager, matter: MatterEntity): Promise<void> {
    await db.insert(MatterEntity, matter);
  }

  async findById(db: EntityManager, villageId: string, id: string): Promise<MatterEntity | null> {
    const [row] = await db.query<MatterEntity[]>(FIND_MATTER_SQL, [villageId, id]);
    return row ?? null;
  }

  /**
   * Reads the matter and holds its row lock until the transaction ends: events on it run one at a time.
   */
  async lockById(db: EntityManager, villageId: string, id: string): Promise<MatterEntity | null> {
    const [row] = await preparedQuery<MatterEntity>(db, LOCK_MATTER_SQL, [villageId, id]);
    return row ?? null;
  }

  /**
   * Locks the matter as `lockById` does and reads `also` in the same statement: one round trip fewer on
   * every event. `also` sees the statement's snapshot, so when the lock had to wait for another
   * transaction on the matter it may predate that transaction's writes: then `fresh` is false.
   */
  async lockReading<Row>(
    db: EntityManager,
    villageId: string,
    id: string,
    also: SqlQuery,
  ): Promise<{ matter: MatterEntity; rows: Row[]; fresh: boolean } | null> {
    const [row] = await preparedQuery<MatterEntity & { seenRevision: number; alsoRows: Row[] }>(
      db,
      lockReadingText(also.text),
      [villageId, id, ...also.params],
    );
    if (!row) return null;
    const { seenRevision, alsoRows, ...matter } = row;
    return { matter, rows: alsoRows, fresh: seenRevision === matter.revision };
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
    await preparedQuery(db, ...saveProgressStatement(matter));
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
