import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DocumentRequestEntity } from './document-request.entity.js';

@Injectable()
export class DocumentRequestRepository {
  async insert(db: EntityManager, request: DocumentRequestEntity): Promise<void> {
    await db.insert(DocumentRequestEntity, request);
  }

  findOpen(db: EntityManager, villageId: string, matterId: string, id: string) {
    return db.findOneBy(DocumentRequestEntity, { villageId, matterId, id, status: 'open' });
  }

  async answer(
    db: EntityManager,
    request: DocumentRequestEntity,
    answer: { answer: string; attachments: string[]; answeredBy: string; answeredAt: Date },
  ): Promise<void> {
    await db.update(
      DocumentRequestEntity,
      { villageId: request.villageId, id: request.id },
      { ...answer, status: 'answered' },
    );
  }

  openInVillages(db: EntityManager, villageIds: string[]) {
    if (villageIds.length === 0) return Promise.resolve([]);
    return db
      .createQueryBuilder(DocumentRequestEntity, 'request')
      .where('request.village_id IN (:...villageIds) AND request.status = :open', {
        villageIds,
        open: 'open',
      })
      .orderBy('request.requested_at', 'ASC')
      .getMany();
  }
}
