import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MEETING_BODIES, type JsonObject, type JsonValue, type MeetingBody } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { EffectContext, FactContext } from '../engine/engine-extensions.js';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { MatterConflictRepository } from '../engine/matter-conflict.repository.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { stageOf } from '../engine/state-path.js';
import { RegistersRepository } from '../registers/registers.repository.js';
import { resolveBody, resolveRuleSet } from '../procedures/meeting-sources.js';
import { addDays, daysBetween } from '../time/calendar.js';
import type { BallotChoice } from './ballot.entity.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { rosterFor } from './roster.js';
import { RuleSetCatalog } from './rule-set.catalog.js';
import { whyMayNotVote } from '../authority/voting-authority.js';
import { computeTally, type Tally } from './tally.js';

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
}
interface RecordBallotPayload {
  personId: string;
  choice: BallotChoice;
}

/**
 * The effects of a meeting step (convene, attendance, ballots, close) and the `tally` fact. Every check
 * that needs the database lives here; a refusal rolls back the whole event and is traced.
 */
@Injectable()
export class MeetingEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly registers: RegistersRepository,
    private readonly ruleSets: RuleSetCatalog,
    private readonly conflicts: MatterConflictRepository,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('openMeeting', (context, params) => this.open(context, params));
    this.extensions.registerEffect('recordAttendance', (context) => this.recordAttendance(context));
    this.extensions.registerEffect('recordSitIn', (context) => this.recordSitIn(context));
    this.extensions.registerEffect('castBallot', (context) => this.castBallot(context));
    this.extensions.registerEffect('recordBallot', (context) => this.recordBallot(context));
    this.extensions.registerEffect('closeMeeting', (context) => this.close(context));
    this.extensions.registerFact('tally', (context) => this.tallyFact(context));
    this.extensions.registerScopedTable('meeting');
  }

  private async open(
    { db, matter, event, stateAfter, now, today }: EffectContext,
    params: JsonObject,
  ): Promise<void> {
    const body = this.resolveBody(matter, params.body);
    const ruleSet = await this.ruleSets.latest(db, this.resolveRuleSetCode(matter, params.ruleSet));
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
    const recused = new Set(
      (await this.conflicts.listByMatter(db, matter.villageId, matter.id)).map(
        (conflict) => conflict.personId,
      ),
    );
    const { roster, notes } = rosterFor(body, await this.registers.snapshot(db, matter.villageId, heldOn));
    if (roster.length === 0) throw new DomainError('MEETING.EMPTY_ROSTER', { body });
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

  private async recordAttendance({
    db,
    matter,
    event,
    stateBefore,
    now,
    today,
  }: EffectContext): Promise<void> {
    const meeting = await this.heldMeeting(db, matter, stateBefore, today);
    const onRoster = new Set(
      (await this.meetings.roster(db, matter.villageId, meeting.id)).map((entry) => entry.personId),
    );
    const present = (event.payload.present as string[] | undefined) ?? [];
    const absent = (event.payload.absent as string[] | undefined) ?? [];
    const strangers = [...present, ...absent].filter((personId) => !onRoster.has(personId));
    if (strangers.length > 0) throw new DomainError('ATTENDANCE.NOT_ON_ROSTER', { personIds: strangers });
    const voted = new Set(await this.meetings.receipts(db, matter.villageId, meeting.id));
    const votedButAbsent = absent.filter((personId) => voted.has(personId));
    if (votedButAbsent.length > 0)
      throw new DomainError('ATTENDANCE.HAS_VOTED', { personIds: votedButAbsent });
    await this.meetings.markAbsent(db, matter.villageId, meeting.id, absent);
    await this.meetings.markPresent(
      db,
      present.map((personId) => ({
        villageId: matter.villageId,
        meetingId: meeting.id,
        personId,
        kind: 'member' as const,
        observerRole: null,
        note: null,
        recordedBy: event.actor.personId!,
        recordedAt: now,
      })),
    );
  }

  /** Supervisors and township staff sit in (列席) without a vote. */
  private async recordSitIn({ db, matter, event, stateBefore, now, today }: EffectContext): Promise<void> {
    const meeting = await this.heldMeeting(db, matter, stateBefore, today);
    await this.meetings.markPresent(db, [
      {
        villageId: matter.villageId,
        meetingId: meeting.id,
        personId: event.actor.personId!,
        kind: 'observer',
        observerRole: event.actor.role,
        note: (event.payload.note as string | undefined) ?? null,
        recordedBy: event.actor.personId!,
        recordedAt: now,
      },
    ]);
  }

  private async castBallot({ db, matter, event, stateBefore, today }: EffectContext): Promise<void> {
    const meeting = await this.heldMeeting(db, matter, stateBefore, today);
    const choice = event.payload.choice as BallotChoice;
    await this.vote(db, matter, meeting, { voter: event.actor.personId!, choice, recordedBy: null }, 'VOTE');
  }

  /** An open vote (show of hands) recorded by the meeting's clerk for a named member. */
  private async recordBallot({ db, matter, event, stateBefore, today }: EffectContext): Promise<void> {
    const meeting = await this.heldMeeting(db, matter, stateBefore, today);
    if (meeting.ballotMode === 'secret') throw new DomainError('VOTE.SECRET_BALLOT');
    const { personId: voter, choice } = event.payload as unknown as RecordBallotPayload;
    await this.vote(db, matter, meeting, { voter, choice, recordedBy: event.actor.personId }, 'ATTENDANCE');
  }

  /** A receipt that the voter voted, and a ballot that names them only in an open vote. */
  private async vote(
    db: EntityManager,
    matter: MatterEntity,
    meeting: MeetingEntity,
    ballot: { voter: string; choice: BallotChoice; recordedBy: string | null },
    refusals: 'VOTE' | 'ATTENDANCE',
  ): Promise<void> {
    await this.requireEligibleVoter(db, matter, meeting, ballot.voter, refusals);
    const where = { villageId: meeting.villageId, meetingId: meeting.id };
    await this.meetings.recordBallot(
      db,
      { ...where, personId: ballot.voter },
      {
        ...where,
        id: randomUUID(),
        choice: ballot.choice,
        personId: meeting.ballotMode === 'secret' ? null : ballot.voter,
        recordedBy: ballot.recordedBy,
      },
    );
  }

  private async close({ db, matter, event, stateBefore, now }: EffectContext): Promise<void> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, stateBefore);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    await this.meetings.close(db, meeting, event.facts.tally as unknown as Tally, now);
  }

  /** The tally of the meeting open in the matter's current state, computed from what is recorded. */
  private async tallyFact({ db, matter, today }: FactContext): Promise<JsonValue> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, matter.state);
    if (!meeting) return null;
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    const roster = await this.meetings.roster(db, matter.villageId, meeting.id);
    const attendance = await this.meetings.attendance(db, matter.villageId, meeting.id);
    const tally = computeTally({
      ruleSet: meeting.ruleSet,
      roster,
      presentPersonIds: new Set(attendance.filter((row) => row.kind === 'member').map((row) => row.personId)),
      ballots: await this.meetings.ballots(db, matter.villageId, meeting.id),
      voterIds: await this.meetings.receipts(db, matter.villageId, meeting.id),
      recusedPersonIds: await this.recusedIn(db, matter),
    });
    return tally as unknown as JsonValue;
  }

  private async heldMeeting(
    db: EntityManager,
    matter: MatterEntity,
    state: string,
    today: string,
  ): Promise<MeetingEntity> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, state);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    return meeting;
  }

  /** People a conflict of interest is declared for in the matter, now (not as the meeting was convened). */
  private async recusedIn(db: EntityManager, matter: MatterEntity): Promise<Set<string>> {
    const conflicts = await this.conflicts.listByMatter(db, matter.villageId, matter.id);
    return new Set(conflicts.map((conflict) => conflict.personId));
  }

  /** The voting authority's answer for this voter now, as the act's own refusal. */
  private async requireEligibleVoter(
    db: EntityManager,
    matter: MatterEntity,
    meeting: MeetingEntity,
    personId: string,
    codes: 'VOTE' | 'ATTENDANCE',
  ) {
    const roster = await this.meetings.roster(db, meeting.villageId, meeting.id);
    const attendance = await this.meetings.attendance(db, meeting.villageId, meeting.id);
    const refusal = whyMayNotVote(
      roster.find((candidate) => candidate.personId === personId),
      {
        recused: (await this.recusedIn(db, matter)).has(personId),
        present: attendance.some((row) => row.personId === personId && row.kind === 'member'),
        voted: await this.meetings.hasVoted(db, meeting.villageId, meeting.id, personId),
      },
    );
    switch (refusal) {
      case null:
        return;
      case 'NOT_ON_ROSTER':
        throw codes === 'VOTE'
          ? new DomainError('VOTE.NOT_ON_ROSTER')
          : new DomainError('ATTENDANCE.NOT_ON_ROSTER', { personIds: [personId] });
      case 'RECUSED':
        throw new DomainError('CONFLICT.RECUSED', { personId });
      case 'NOT_ENTITLED':
        throw new DomainError('VOTE.NOT_ENTITLED', { personId });
      case 'NOT_PRESENT':
        throw new DomainError('VOTE.NOT_PRESENT', { personId });
      case 'ALREADY_VOTED':
        throw new DomainError('VOTE.ALREADY_CAST', { personId });
    }
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
