import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import type { AttachmentRef } from './attachment.entity.js';
import { DisclosureRepository } from './disclosure.repository.js';

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Files for disclosures and objections, stored with their SHA-256 so any copy can be checked. */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly disclosures: DisclosureRepository,
    private readonly time: LocalTime,
  ) {}

  /** Attachments named in a payload, in its order; each must have been uploaded to this village. */
  async named(db: EntityManager, villageId: string, ids: string[] = []): Promise<AttachmentRef[]> {
    const refs = await this.disclosures.attachmentRefs(db, villageId, ids);
    const missing = ids.filter((id) => !refs.some((ref) => ref.id === id));
    if (missing.length > 0)
      throw new DomainError('DISCLOSURE.ATTACHMENT_NOT_FOUND', { attachmentIds: missing });
    return ids.map((id) => refs.find((ref) => ref.id === id)!);
  }

  /**
   * `named`, for a record being written (in its transaction): from now on the files are the village's to
   * read, no longer their uploader's drafts.
   */
  async attach(db: EntityManager, villageId: string, ids: string[] = []): Promise<AttachmentRef[]> {
    const refs = await this.named(db, villageId, ids);
    await this.disclosures.markAttached(db, villageId, ids, this.time.now());
    return refs;
  }

  /** Those of the ids that name a file of this village (ids of other villages are simply not found). */
  refs(db: EntityManager, villageId: string, ids: string[]): Promise<AttachmentRef[]> {
    return this.disclosures.attachmentRefs(db, villageId, ids);
  }

  async upload(
    actor: PersonActor,
    villageId: string,
    file: { filename?: string; mediaType?: string; content: unknown },
  ): Promise<AttachmentRef> {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const content = file.content;
    const filename = file.filename?.trim();
    if (
      !Buffer.isBuffer(content) ||
      content.length === 0 ||
      content.length > MAX_ATTACHMENT_BYTES ||
      !filename ||
      filename.length > 200
    ) {
      throw new DomainError('ATTACHMENT.INVALID');
    }
    const attachment = {
      villageId,
      id: randomUUID(),
      filename,
      mediaType: file.mediaType ?? 'application/octet-stream',
      size: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      uploadedBy: actor.personId,
      uploadedAt: this.time.now(),
    };
    await this.disclosures.insertAttachment(db, attachment);
    const { id, mediaType, size, sha256 } = attachment;
    return { id, filename, mediaType, size, sha256 };
  }

  /**
   * A village member reads any attachment a record of the village names; one no record names yet (a file
   * chosen for a form not sent) is its uploader's alone, as if it were not there.
   */
  async download(actor: PersonActor, villageId: string, id: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const attachment = await this.find(villageId, id);
    if (!attachment.attachedAt && attachment.uploadedBy !== actor.personId) {
      throw new DomainError('ATTACHMENT.NOT_FOUND', { attachmentId: id });
    }
    return attachment;
  }

  async find(villageId: string, id: string) {
    const attachment = await this.disclosures.attachmentWithContent(this.dataSource.manager, villageId, id);
    if (!attachment) throw new DomainError('ATTACHMENT.NOT_FOUND', { attachmentId: id });
    return attachment;
  }
}
