import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { DisclosureRepository } from './disclosure.repository.js';

/** Shows a matter's disclosures, with their objections and answers, in the matter's view. */
@Injectable()
export class DisclosureViews implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly disclosures: DisclosureRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.registerViewSection('disclosures', async (db, matter) => {
      const disclosures = await this.disclosures.listByMatter(db, matter.villageId, matter.id);
      const objections = await this.disclosures.objectionsOf(
        db,
        matter.villageId,
        disclosures.map((disclosure) => disclosure.id),
      );
      return disclosures.map((disclosure) => ({
        id: disclosure.id,
        kind: disclosure.kind,
        title: disclosure.title,
        body: disclosure.body,
        status: disclosure.status,
        channels: disclosure.channels,
        attachments: disclosure.attachments,
        supervisorOpinion: disclosure.supervisorOpinion,
        publishedAt: disclosure.publishedAt?.toISOString() ?? null,
        periodEndsAt: disclosure.periodEndsAt?.toISOString() ?? null,
        objections: objections
          .filter((objection) => objection.disclosureId === disclosure.id)
          .map((objection) => ({
            id: objection.id,
            content: objection.content,
            filedBy: objection.filedBy,
            filedAt: objection.filedAt.toISOString(),
            status: objection.status,
            answer: objection.answer,
            answeredAt: objection.answeredAt?.toISOString() ?? null,
          })),
      }));
    });
  }
}
