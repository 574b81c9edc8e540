import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MEETING_BODIES, type JsonObject, type JsonValue, type MeetingBody } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import type { EffectContext, FactContext } from '../engine/engine-extensions.js';
import { EngineExtensions } from '../engine/engine-extensions.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { stageOf } from '../engine/state-path.js';
import { RegistersRepository } from '../registers/registers.repository.js';
import { resolveBody, resolveRuleSet } from '../procedures/meeting-sources.js';
import { addDays, daysBetween } from '../time/calendar.js';
import { recordedByClerk } from './ballot.entity.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingAccess } from './meeting-access.js';
import { MeetingRepository } from './meeting.repository.js';
import { rosterFor } from './roster.js';
import { RuleSetCatalog } from './rule-set.catalog.js';
import { recordedTally } from './recorded-tally.js';
import type { Tally } from './tally.js';

/** How far back a meeting may be recorded, and how far ahead it may be convened. */
const RECORD_WINDOW_DAYS = 30;
const CONVENE_AHEAD_DAYS = 90;

/** Payloads as their event schemas (checked before the effect runs) describe them. */
interface ConvenePayload {
  heldOn: string;
  noticeGivenOn?: string;
  ballot: 'open' | 'secret';
  place?: string;
  agenda?: string;
  villagerGroup?: string;
}

/**
 * Convening and closing a meeting, and the `tally` fact (attendance is `attendance-effects.ts`, votes
 * `vote-effects.ts`). A refusal rolls back the whole event and is traced.
 */
@Injectable()
export class MeetingEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly registers: RegistersRepository,
    private readonly ruleSets: RuleSetCatalog,
    private readonly access: MeetingAccess,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('openMeeting', (context, params) => this.open(context, params));
    this.extensions.registerEffect('closeMeeting', (context) => this.close(context));
    this.extensions.registerFact('tally', (context) => this.tallyFact(context));
    this.extensions.registerScopedTable('meeting');
  }

  private async open(
    { db, matter, event, stateAfter, now, today }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const body = this.resolveBody(matter, params.body);
    const ruleSet = await this.ruleSets.inForceOn(
      db,
      this.resolveRuleSetCode(matter, params.ruleSet),
      this.time.dateOf(matter.createdAt),
    );
    const payload = event.payload as unknown as ConvenePayload;
    if (params.ballot === 'secret' && payload.ballot !== 'secret')
      throw new DomainError('MEETING.BALLOT_MODE');
    const heldOn = payload.heldOn;
    const noticeGivenOn = payload.noticeGivenOn ?? null;
    if (daysBetween(today, heldOn) > CONVENE_AHEAD_DAYS || daysBetween(heldOn, today) > RECORD_WINDOW_DAYS) {
      throw new DomainError(
        'MEETING.DATE_INVALID',
        { heldOn },
        `会议日期须在今天之前 ${RECORD_WINDOW_DAYS} 天至之后 ${CONVENE_AHEAD_DAYS} 天之间`,
      );
    }
    if (noticeGivenOn && (noticeGivenOn > today || noticeGivenOn > heldOn)) {
      throw new DomainError('MEETING.DATE_INVALID', { noticeGivenOn }, '通知日期不能晚于今天或会议日期');
    }
    if (
      ruleSet.noticeDays > 0 &&
      (!noticeGivenOn || daysBetween(noticeGivenOn, heldOn) < ruleSet.noticeDays)
    ) {
      throw new DomainError(
        'MEETING.NOTICE_TOO_SHORT',
        {
          noticeDays: ruleSet.noticeDays,
          noticeGivenOn,
          heldOn,
          earliestHeldOn: addDays(noticeGivenOn ?? today, ruleSet.noticeDays),
        },
        `${ruleSet.title}须提前 ${ruleSet.noticeDays} 天通知`,
      );
    }
    // One meeting at a time in a step: a second would leave open which one the vote is counted in.
    if (await this.meetings.openInState(db, matter.villageId, matter.id, stateAfter)) {
      throw new DomainError('MEETING.ALREADY_OPEN');
    }
    const recused = await this.access.recusedIn(db, matter);
    if (body === 'villagerGroup' && !payload.villagerGroup?.trim()) {
      throw new DomainError('MEETING.EMPTY_ROSTER', { body }, '村民小组会议须写明哪个村民小组');
    }
    const register = await this.registers.snapshot(db, matter.villageId, heldOn);
    const { roster, notes } = rosterFor(body, register, { villagerGroup: payload.villagerGroup?.trim() });
    if (roster.length === 0) {
      const hint =
        body === 'collectiveMembers'
          ? '成员名册为空：请先经成员身份确认（D9）或导入花名册登记集体经济组织成员'
          : undefined;
      throw new DomainError('MEETING.EMPTY_ROSTER', { body }, hint);
    }
    const meeting: MeetingEntity = {
      villageId: matter.villageId,
      id: randomUUID(),
      matterId: matter.id,
      stage: stageOf(stateAfter),
      scopeState: stateAfter,
      openedInRevision: matter.revision + 1,
      body,
      ruleSetCode: ruleSet.code,
      ruleSetVersion: ruleSet.version,
      ruleSet,
      ballotMode: payload.ballot,
      heldOn,
      noticeGivenOn,
      place: payload.place ?? null,
      agenda: payload.agenda ?? null,
      status: 'open',
      tally: null,
      rosterNotes: notes,
      outcome: null,
      convenedBy: event.actor.personId!,
      createdAt: now,
      closedAt: null,
    };
    await this.meetings.insert(
      db,
      meeting,
      roster.map((entry) => ({
        villageId: matter.villageId,
        meetingId: meeting.id,
        ...entry,
        recused: recused.has(entry.personId),
      })),
    );
  }

  /**
   * Closes the vote with the tally computed for it. Whatever someone entered for others needs a scrutineer's
   * confirmation first: a count of paper ballots or of a show of hands, and a show of hands the clerk
   * recorded voter by voter.
   */
  private async close({ db, matter, event, stateBefore, now }: EffectContext): Promise<void> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, stateBefore);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    if ((meeting.ballotMode === 'secret' || meeting.voteCount) && !meeting.voteCount?.confirmedBy) {
      throw new DomainError('VOTE.COUNT_UNCONFIRMED');
    }
    const ballots = await this.meetings.ballots(db, matter.villageId, meeting.id);
    if (recordedByClerk(ballots).length > 0 && !meeting.recordedBallotsConfirmation) {
      throw new DomainError('VOTE.COUNT_UNCONFIRMED', {}, '记录人登记的举手表决尚未经监票人确认');
    }
    await this.meetings.close(db, meeting, event.facts.tally as unknown as Tally, now);
  }

  /** The tally of the meeting open in the matter's current state, computed from what is recorded. */
  private async tallyFact({ db, matter, today }: FactContext): Promise<JsonValue> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, matter.state);
    if (!meeting) return null;
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    const tally = await recordedTally(this.meetings, db, meeting, await this.access.recusedIn(db, matter));
    return tally as unknown as JsonValue;
  }

  private resolveBody(matter: MatterEntity, source: JsonValue | undefined): MeetingBody {
    const body = resolveBody(source, matter.inputs as JsonObject);
    if (!body || !(body in MEETING_BODIES)) {
      throw new DomainError('PROCEDURE.DEFINITION_INVALID', { body: body ?? null }, '无法确定会议主体');
    }
    return body as MeetingBody;
  }

  private resolveRuleSetCode(matter: MatterEntity, source: JsonValue | undefined): string {
    const { code, key } = resolveRuleSet(source, matter.inputs as JsonObject);
    if (!code)
      throw new DomainError('PROCEDURE.DEFINITION_INVALID', { ruleSetKey: key }, `表决规则表中没有 ${key}`);
    return code;
  }
}
