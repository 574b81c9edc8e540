import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query.js';
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

  /**
   * Ends the published disclosure of a kind in a state of a matter if its period is over, in one statement
   * (the timer's path, every public period); false when there is none or its period runs on.
   */
  async endIfOver(
    db: EntityManager,
    key: { villageId: string; matterId: string; kind: string; state: string },
    now: Date,
  ): Promise<boolean> {
    const rows = await preparedQuery(
      db,
      `UPDATE disclosure SET status = 'ended', ended_at = $5
        WHERE village_id = $1 AND matter_id = $2 AND kind = $3 AND scope_state = $4 AND status = 'published'
          AND (period_ends_at IS NULL OR period_ends_at <= $5)
        RETURNING id`,
      [key.villageId, key.matterId, key.kind, key.state, now],
    );
    return rows.length > 0;
  }

  /** Objections still open against the first disclosure published in the matter's current state. */
  async openObjectionsInState(
    db: EntityManager,
    villageId: string,
    matterId: string,
    state: string,
  ): Promise<number> {
    const [row] = await preparedQuery<{ open: number }>(
      db,
      `WITH live AS (
         SELECT id FROM disclosure
          WHERE village_id = $1 AND matter_id = $2 AND status = 'published' AND scope_state = $3
          ORDER BY drafted_in_revision LIMIT 1)
       SELECT count(*)::int AS open FROM disclosure_objection o JOIN live ON o.disclosure_id = live.id
        WHERE o.village_id = $1 AND o.status = 'open'`,
      [villageId, matterId, state],
    );
    return row.open;
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

  async insertObjection(db: EntityManager, objection: DisclosureObjectionEntity): Promise<void> {
    await db.insert(DisclosureObjectionEntity, objection);
  }

  findObjection(db: EntityManager, villageId: string, id: string): Promise<DisclosureObjectionEntity | null> {
    return db.findOneBy(DisclosureObjectionEntity, { villageId, id });
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

  /** The files a record now names: from here on the village's people read them, not only their uploader. */
  async markAttached(db: EntityManager, villageId: string, ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await db.query(
      `UPDATE attachment SET attached_at = $3
        WHERE village_id = $1 AND id = ANY($2::uuid[]) AND attached_at IS NULL`,
      [villageId, ids, at],
    );
  }

  attachmentWithContent(db: EntityManager, villageId: string, id: string): Promise<AttachmentEntity | null> {
    return db
      .createQueryBuilder(AttachmentEntity, 'attachment')
      .addSelect('attachment.content')
      .where('attachment.village_id = :villageId AND attachment.id = :id', { villageId, id })
      .getOne();
  }
}
