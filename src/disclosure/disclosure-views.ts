import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { viewSection } from '../engine/view-sections.js';
import { DisclosureObjectionEntity } from './disclosure-objection.entity.js';
import { DisclosureEntity } from './disclosure.entity.js';
import { disclosureFields } from './disclosure-fields.js';

/** Shows a matter's disclosures, with their objections and answers, in the matter's view. */
@Injectable()
export class DisclosureViews implements OnModuleInit {
  constructor(private readonly extensions: EngineExtensions) {}

  onModuleInit(): void {
    this.extensions.registerViewSection(
      'disclosures',
      viewSection({
        rows: {
          disclosures: { entity: DisclosureEntity, orderBy: 't.drafted_in_revision' },
          objections: { entity: DisclosureObjectionEntity, orderBy: 't.filed_at' },
        },
        shape: ({ disclosures, objections }) =>
          disclosures.map((disclosure) => ({
            id: disclosure.id,
            ...disclosureFields(disclosure),
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
          })),
      }),
    );
  }
}
