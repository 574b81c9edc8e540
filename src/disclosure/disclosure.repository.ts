import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { AttachmentEntity, type AttachmentRef } from './attachment.entity.js';
import { DisclosureObjectionEntity, type ObjectionStatus } from './disclosure-objection.entity.js';
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

  /** A new draft replaces whatever of the same kind the matter still has live. */
  async withdrawLive(
    db: EntityManager,
    villageId: string,
    matterId: string,
    kind: string,
    now: Date,
  ): Promise<void> {
    await db.update(
      DisclosureEntity,
      { villageId, matterId, kind, status: In(['awaiting_opinion', 'published']) },
      { status: 'withdrawn', endedAt: now },
    );
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<DisclosureEntity[]> {
    return db.find(DisclosureEntity, { where: { villageId, matterId }, order: { draftedInRevision: 'ASC' } });
  }

  async insertObjection(db: EntityManager, objection: DisclosureObjectionEntity): Promise<void> {
    await db.insert(DisclosureObjectionEntity, objection);
  }

  findObjection(db: EntityManager, villageId: string, id: string): Promise<DisclosureObjectionEntity | null> {
    return db.findOneBy(DisclosureObjectionEntity, { villageId, id });
  }

  countOpenObjections(db: EntityManager, villageId: string, disclosureId: string): Promise<number> {
    return db.countBy(DisclosureObjectionEntity, { villageId, disclosureId, status: 'open' });
  }

  /** Of `matterIds`, those with a villager's objection still unanswered. */
  async withOpenObjections(
    db: EntityManager,
    villageIds: string[],
    matterIds: string[],
  ): Promise<Set<string>> {
    if (matterIds.length === 0) return new Set();
    const rows = await db.find(DisclosureObjectionEntity, {
      where: { villageId: In(villageIds), matterId: In(matterIds), status: 'open' },
      select: { matterId: true },
    });
    return new Set(rows.map((row) => row.matterId));
  }

  async answerObjection(
    db: EntityManager,
    objection: DisclosureObjectionEntity,
    status: ObjectionStatus,
    answer: string,
    by: string,
    at: Date,
  ) {
    await db.update(
      DisclosureObjectionEntity,
      { villageId: objection.villageId, id: objection.id },
      { status, answer, answeredBy: by, answeredAt: at },
    );
  }

  /** Objections left open when the disclosure goes back for rework are answered by that rework. */
  async supersedeOpenObjections(
    db: EntityManager,
    villageId: string,
    disclosureId: string,
    by: string,
    at: Date,
  ) {
    await db.update(
      DisclosureObjectionEntity,
      { villageId, disclosureId, status: 'open' },
      { status: 'superseded', answer: '已随公示内容退回重新办理', answeredBy: by, answeredAt: at },
    );
  }

  async insertAttachment(db: EntityManager, attachment: AttachmentEntity): Promise<void> {
    await db.insert(AttachmentEntity, attachment);
  }

  /** Attachment references (no content) for ids in a village; unknown ids are left out. */
  async attachmentRefs(db: EntityManager, villageId: string, ids: string[]): Promise<AttachmentRef[]> {
    if (ids.length === 0) return [];
    const rows = await db.find(AttachmentEntity, {
      where: { villageId, id: In(ids) },
      select: { id: true, filename: true, mediaType: true, size: true, sha256: true },
    });
    return rows.map(({ id, filename, mediaType, size, sha256 }) => ({
      id,
      filename,
      mediaType,
      size,
      sha256,
    }));
  }

  attachmentWithContent(db: EntityManager, villageId: string, id: string): Promise<AttachmentEntity | null> {
    return db
      .createQueryBuilder(AttachmentEntity, 'attachment')
      .addSelect('attachment.content')
      .where('attachment.village_id = :villageId AND attachment.id = :id', { villageId, id })
      .getOne();
  }
}
