import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JsonObject } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import { periodEnd, type Period } from '../time/calendar.js';
import { CalendarService } from '../time/calendar.service.js';
import { TimerRepository } from '../time/timer.repository.js';
import { DisclosureRepository } from './disclosure.repository.js';
import type { DisclosureStatus } from './disclosure.entity.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import type { EntityManager } from 'typeorm';

interface DraftPayload {
  title: string;
  body: string;
}
interface OpinionPayload {
  opinion: string;
}
/** Params are checked against the vocabulary when the definition is admitted. */
const kindOf = (params: JsonObject) => params.kind as string;

/**
 * A matter's disclosures: drafted by the village committee, published only with the supervision
 * committee's opinion, public for the procedure's period, ended by a durable timer.
 */
@Injectable()
export class DisclosureEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly disclosures: DisclosureRepository,
    private readonly timers: TimerRepository,
    private readonly calendars: CalendarService,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('draftDisclosure', (context, params) => this.draft(context, params));
    this.extensions.registerEffect('publishDisclosure', (context, params) => this.publish(context, params));
    this.extensions.registerEffect('endDisclosure', (context, params) => this.end(context, params));
    this.extensions.registerScopedTable('disclosure');
    this.extensions.registerViewSection('disclosures', async (db, matter) =>
      (await this.disclosures.listByMatter(db, matter.villageId, matter.id)).map((disclosure) => ({
        id: disclosure.id,
        kind: disclosure.kind,
        title: disclosure.title,
        body: disclosure.body,
        status: disclosure.status,
        supervisorOpinion: disclosure.supervisorOpinion,
        publishedAt: disclosure.publishedAt?.toISOString() ?? null,
        periodEndsAt: disclosure.periodEndsAt?.toISOString() ?? null,
      })),
    );
  }

  private async draft(
    { db, matter, event, stateAfter, now }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const payload = event.payload as unknown as DraftPayload;
    await this.disclosures.insert(db, {
      villageId: matter.villageId,
      id: randomUUID(),
      matterId: matter.id,
      kind: kindOf(params),
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
    });
  }

  private async publish(
    { db, matter, event, stateBefore, stateAfter, now }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const draft = await this.live(db, matter, kindOf(params), stateBefore, 'awaiting_opinion');
    const period = params.period as unknown as Period;
    const endsAt = periodEnd(
      now,
      period,
      this.time.timeZone,
      await this.calendars.forVillage(db, matter.villageId),
    );
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
    await this.timers.schedule(
      db,
      {
        villageId: matter.villageId,
        matterId: matter.id,
        eventType: 'PUBLIC_PERIOD_ENDED',
        payload: {},
        dueAt: endsAt,
        scopeState: stateAfter,
      },
      now,
    );
  }

  private async end({ db, matter, stateBefore, now }: EffectContext, params: JsonObject): Promise<void> {
    const published = await this.live(db, matter, kindOf(params), stateBefore, 'published');
    await this.disclosures.update(db, published, { status: 'ended', endedAt: now });
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
