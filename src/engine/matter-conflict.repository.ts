import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MatterConflictEntity } from './matter-conflict.entity.js';

@Injectable()
export class MatterConflictRepository {
  /** Declares (or re-declares, keeping the first) a conflict. */
  async declare(db: EntityManager, conflict: MatterConflictEntity): Promise<void> {
    await db.createQueryBuilder().insert().into(MatterConflictEntity).values(conflict).orIgnore().execute();
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<MatterConflictEntity[]> {
    return db.find(MatterConflictEntity, { where: { villageId, matterId }, order: { declaredAt: 'ASC' } });
  }
}
