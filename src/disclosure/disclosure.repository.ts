import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DisclosureEntity } from './disclosure.entity.js';

@Injectable()
export class DisclosureRepository {
  async insert(db: EntityManager, disclosure: DisclosureEntity): Promise<void> {
    await db.insert(DisclosureEntity, disclosure);
  }

  /** The disclosure of a kind that is live in a given state of a matter. */
  inState(
    db: EntityManager,
    villageId: string,
    matterId: string,
    kind: string,
    state: string,
    status: DisclosureEntity['status'],
  ) {
    return db.findOneBy(DisclosureEntity, { villageId, matterId, kind, scopeState: state, status });
  }

  async update(
    db: EntityManager,
    disclosure: DisclosureEntity,
    changes: Partial<DisclosureEntity>,
  ): Promise<void> {
    await db.update(DisclosureEntity, { villageId: disclosure.villageId, id: disclosure.id }, changes);
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<DisclosureEntity[]> {
    return db.find(DisclosureEntity, { where: { villageId, matterId }, order: { draftedInRevision: 'ASC' } });
  }
}
