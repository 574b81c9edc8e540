import { Injectable } from '@nestjs/common';
import { LessThanOrEqual, type EntityManager } from 'typeorm';
import { ListVersionEntity } from './list-version.entity.js';

/** Published list versions: the one in force on a date, one by number, the history. */
@Injectable()
export class ListVersionRepository {
  /** The latest version effective on `date` (by effective date, then by number). */
  inForce(db: EntityManager, scopeId: string, date: string): Promise<ListVersionEntity | null> {
    return db.findOne(ListVersionEntity, {
      where: { scopeId, effectiveFrom: LessThanOrEqual(date) },
      order: { effectiveFrom: 'DESC', version: 'DESC' },
    });
  }

  byNumber(db: EntityManager, scopeId: string, version: number): Promise<ListVersionEntity | null> {
    return db.findOneBy(ListVersionEntity, { scopeId, version });
  }

  /** The newest version, in force or not yet: a new one builds on it. */
  latest(db: EntityManager, scopeId: string): Promise<ListVersionEntity | null> {
    return db.findOne(ListVersionEntity, { where: { scopeId }, order: { version: 'DESC' } });
  }

  history(db: EntityManager, scopeId: string): Promise<ListVersionEntity[]> {
    return db.find(ListVersionEntity, {
      where: { scopeId },
      order: { version: 'DESC' },
      select: {
        scopeId: true,
        version: true,
        kind: true,
        effectiveFrom: true,
        reason: true,
        matterId: true,
        publishedAt: true,
        contentHash: true,
      },
    });
  }

  async insert(db: EntityManager, row: ListVersionEntity): Promise<void> {
    await db.insert(ListVersionEntity, row);
  }

  /** For versions any process may publish at start (the base list): the first one wins. */
  async insertIfAbsent(db: EntityManager, row: ListVersionEntity): Promise<void> {
    await db.createQueryBuilder().insert().into(ListVersionEntity).values(row).orIgnore().execute();
  }
}
