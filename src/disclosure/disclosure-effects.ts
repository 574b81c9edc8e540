import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { EngineExtensions, type EffectContext, type FactContext } from '../engine/engine-extensions.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import type { Period } from '../time/calendar.js';
import { MatterTimers } from '../time/matter-timers.service.js';
import type { DisclosureStatus } from './disclosure.entity.js';
import { AttachmentsService } from './attachments.service.js';
import { DisclosureRepository } from './disclosure.repository.js';
import { ObligationService } from './obligation.service.js';

interface DraftPayload {
  title: string;
  body: string;
  attachments?: string[];
  channels?: string[];
}
interface OpinionPayload {
  opinion: string;
}
interface ObjectionPayload {
  content: string;
  attachments?: string[];
}
interface AnswerPayload {
  objectionId: string;
  reasons: string;
}
/** Params are checked against the vocabulary when the definition is admitted. */
const kindOf = (params: JsonObject) => params.kind as string;
const DEFAULT_CHANNELS = ['board', 'platform'];

/**
 * A matter's disclosures: drafted by the village committee, published only with the supervision
 * committee's opinion, public for the procedure's period (ended by a durable timer), held while a
 * villager's objection waits for its answer.
 */
@Injectable()
export class DisclosureEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly disclosures: DisclosureRepository,
    private readonly matterTimers: MatterTimers,
    private readonly obligations: ObligationService,
    private readonly files: AttachmentsService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('draftDisclosure', (context, params) => this.draft(context, params));
    this.extensions.registerEffect('publishDisclosure', (context, params) => this.publish(context, params));
    this.extensions.registerEffect('endDisclosure', (context, params) => this.end(context, params));
    this.extensions.registerEffect('holdDisclosure', (context, params) => this.hold(context, params));
    this.extensions.registerEffect('fileObjection', (context, params) => this.fileObjection(context, params));
    this.extensions.registerEffect('answerObjection', (context, params) =>
      this.answerObjection(context, params),
    );
    this.extensions.registerFact('openObjections', (context) => this.openObjections(context));
    this.extensions.registerScopedTable('disclosure');
  }

  private async draft(
    { db, matter, event, stateAfter, now }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const payload = event.payload as unknown as DraftPayload;
    const kind = kindOf(params);
    await this.disclosures.withdrawLive(db, matter.villageId, matter.id, kind, now);
    await this.disclosures.insert(db, {
      villageId: matter.villageId,
      id: randomUUID(),
      matterId: matter.id,
      kind,
      scopeState: stateAfter,
      draftedInRevision: matter.revision + 1,
      title: payload.title,
      body: payload.body,
      status: 'awaiting_opinion',
      draftedBy: event.actor.personId!,
      draftedAt: now,
      supervisorOpinion: null,
      opinionBy: null,
      publishedAt: null,
      periodDays: null,
      periodUnit: null,
      periodEndsAt: null,
      endedAt: null,
      channels: payload.channels ?? DEFAULT_CHANNELS,
      attachments: await this.files.attach(db, matter.villageId, payload.attachments),
    });
  }

  private async publish(
    { db, matter, procedure, event, stateBefore, stateAfter, now }: EffectContext,
    params: JsonObject,
  ) {
    const draft = await this.live(db, matter, kindOf(params), stateBefore, 'awaiting_opinion');
    const period = params.period as unknown as Period;
    const endsAt = await this.matterTimers.periodEnd(db, matter.villageId, now, period);
    await this.disclosures.update(db, draft, {
      status: 'published',
      scopeState: stateAfter,
      supervisorOpinion: (event.payload as unknown as OpinionPayload).opinion,
      opinionBy: event.actor.personId,
      publishedAt: now,
      periodDays: period.days,
      periodUnit: period.unit,
      periodEndsAt: endsAt,
    });
    await this.matterTimers.schedule(
      db,
      matter,
      { eventType: 'PUBLIC_PERIOD_ENDED', dueAt: endsAt, scopeState: stateAfter },
      now,
    );
    await this.obligations.fulfilBy(db, matter, procedure.definition, now);
  }

  /** Ends a public period, never before its last day is out, whichever act a definition ends it with. */
  private async end({ db, matter, stateBefore, now }: EffectContext, params: JsonObject): Promise<void> {
    const key = {
      villageId: matter.villageId,
      matterId: matter.id,
      kind: kindOf(params),
      state: stateBefore,
    };
    if (await this.disclosures.endIfOver(db, key, now)) return;
    // Not ended: say why (there is none, or its period runs on).
    const published = await this.live(db, matter, key.kind, stateBefore, 'published');
    throw new DomainError('DISCLOSURE.PERIOD_NOT_OVER', { endsAt: published.periodEndsAt!.toISOString() });
  }

  /** The period is over but objections are open: the disclosure stays up, in the waiting state. */
  private async hold(
    { db, matter, stateBefore, stateAfter }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const published = await this.live(db, matter, kindOf(params), stateBefore, 'published');
    await this.disclosures.update(db, published, { scopeState: stateAfter });
  }

  private async fileObjection(
    { db, matter, event, stateBefore, now }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const published = await this.live(db, matter, kindOf(params), stateBefore, 'published');
    const payload = event.payload as unknown as ObjectionPayload;
    await this.disclosures.insertObjection(db, {
      villageId: matter.villageId,
      id: randomUUID(),
      matterId: matter.id,
      disclosureId: published.id,
      content: payload.content,
      attachments: await this.files.attach(db, matter.villageId, payload.attachments),
      filedBy: event.actor.personId!,
      filedAt: now,
      status: 'open',
      answer: null,
      answeredBy: null,
      answeredAt: null,
    });
  }

  private async answerObjection(
    { db, matter, event, stateBefore, now }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const published = await this.live(db, matter, kindOf(params), stateBefore, 'published');
    const { objectionId, reasons } = event.payload as unknown as AnswerPayload;
    const objection = await this.disclosures.findObjection(db, matter.villageId, objectionId);
    if (!objection || objection.disclosureId !== published.id || objection.status !== 'open') {
      throw new DomainError('DISCLOSURE.OBJECTION_NOT_OPEN', { objectionId });
    }
    const outcome = params.outcome as 'dismissed' | 'upheld' | 'republished';
    const by = event.actor.personId!;
    await this.disclosures.answerObjection(db, objection, outcome, reasons, by, now);
    if (outcome !== 'dismissed') {
      await this.disclosures.supersedeOpenObjections(db, matter.villageId, published.id, by, now);
      await this.disclosures.update(db, published, { status: 'withdrawn', endedAt: now });
    }
  }

  private openObjections({ db, matter }: FactContext): Promise<number> {
    return this.disclosures.openObjectionsInState(db, matter.villageId, matter.id, matter.state);
  }

  /** The matter's disclosure of a kind in the state the event leaves. */
  private async live(
    db: EntityManager,
    matter: MatterEntity,
    kind: string,
    state: string,
    status: DisclosureStatus,
  ) {
    const disclosure = await this.disclosures.inState(db, matter.villageId, matter.id, kind, state, status);
    if (!disclosure) throw new DomainError('DISCLOSURE.NOT_FOUND', { kind });
    return disclosure;
  }
}
