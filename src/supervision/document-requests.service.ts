import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { actingRole } from '../engine/acting-role.js';
import { EngineExtensions } from '../engine/engine-extensions.js';
import type { EngineResult } from '../engine/request-transactions.js';
import { SideActs, type SideActCommand } from '../engine/side-acts.service.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { viewSection } from '../engine/view-sections.js';
import { DocumentRequestEntity } from './document-request.entity.js';
import { DocumentRequestRepository } from './document-request.repository.js';

/**
 * Who asks for documents: the supervision committee, the township above it, and the township's discipline
 * inspector handling a complaint about the matter (the request names the matter, never the complaint).
 */
export const DOCUMENT_REQUESTERS = ['supervisor', 'township_officer', 'discipline_inspector'];
/** Who answers: the cadres who run the village's matters. */
export const DOCUMENT_ANSWERERS = ['secretary', 'committee_member'];

/**
 * The supervisors asking for a matter's documents (调阅资料) and the cadres answering with files. Open at
 * any step of any procedure, even after a matter ends, without moving it; traced in the village's chain.
 */
@Injectable()
export class DocumentRequestsService implements OnModuleInit {
  constructor(
    private readonly sideActs: SideActs,
    private readonly requests: DocumentRequestRepository,
    private readonly files: AttachmentsService,
    private readonly extensions: EngineExtensions,
  ) {}

  onModuleInit(): void {
    this.extensions.registerViewSection(
      'documentRequests',
      viewSection({
        rows: { requests: { entity: DocumentRequestEntity, orderBy: 't.requested_at' } },
        shape: ({ requests }, db, matter) => this.viewOf(db, matter, requests),
      }),
    );
  }

  request(command: SideActCommand & { request: string }): Promise<EngineResult> {
    return this.sideActs.run(command, {
      eventType: 'REQUEST_DOCUMENTS',
      payload: { request: command.request },
      allowed: DOCUMENT_REQUESTERS,
      roleFor: (held) => actingRole(DOCUMENT_REQUESTERS, held),
      afterDone: true,
      perform: (db, matter, _role, now) =>
        this.requests.insert(db, {
          villageId: matter.villageId,
          id: randomUUID(),
          matterId: matter.id,
          request: command.request,
          requestedBy: command.actor.personId,
          requestedAt: now,
          status: 'open',
          answer: null,
          attachments: [],
          answeredBy: null,
          answeredAt: null,
        }),
    });
  }

  answer(
    command: SideActCommand & { requestId: string; answer: string; attachments: string[] },
  ): Promise<EngineResult> {
    const { requestId, answer, attachments } = command;
    return this.sideActs.run(command, {
      eventType: 'ANSWER_DOCUMENT_REQUEST',
      payload: { requestId, answer, attachments },
      allowed: DOCUMENT_ANSWERERS,
      roleFor: (held) => actingRole(DOCUMENT_ANSWERERS, held),
      afterDone: true,
      perform: async (db, matter, _role, now) => {
        const open = await this.requests.findOpen(db, matter.villageId, matter.id, requestId);
        if (!open) throw new DomainError('DOCUMENTS.REQUEST_NOT_OPEN', { requestId });
        await this.files.attach(db, matter.villageId, attachments);
        await this.requests.answer(db, open, {
          answer,
          attachments,
          answeredBy: command.actor.personId,
          answeredAt: now,
        });
      },
    });
  }

  private async viewOf(db: EntityManager, matter: MatterEntity, rows: DocumentRequestEntity[]) {
    return Promise.all(
      rows.map(async (row) => ({
        id: row.id,
        request: row.request,
        requestedBy: row.requestedBy,
        requestedAt: row.requestedAt.toISOString(),
        status: row.status,
        answer: row.answer,
        attachments: await this.files.named(db, matter.villageId, row.attachments),
        answeredBy: row.answeredBy,
        answeredAt: row.answeredAt?.toISOString() ?? null,
      })),
    );
  }
}
