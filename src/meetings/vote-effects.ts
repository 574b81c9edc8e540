import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { whyMayNotVote } from '../authority/voting-authority.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { recordedByClerk, type BallotChoice } from './ballot.entity.js';
import type { VoteCount } from './counted-records.js';
import { MeetingAccess } from './meeting-access.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';

interface RecordBallotPayload {
  personId: string;
  choice: BallotChoice;
}
interface CountPayload {
  yes: number;
  no: number;
  abstain: number;
  counter: string;
  scrutineer: string;
  tallySheet?: string[];
}

/** Roles a clerk records in; a count of paper ballots is entered by its counter instead. */
const CLERKS = new Set(['secretary', 'committee_member']);

/**
 * Votes, in the ways villages take them: each voter in the console (open votes), a named voter's show of
 * hands recorded by the clerk, the counts of a show of hands, or paper ballots counted by the counter (计票人)
 * and confirmed by a scrutineer (监票人). A secret ballot is on paper only: a vote cast online would leave a
 * trail (the transaction, the row order) from voter to choice that a database operator could follow.
 */
@Injectable()
export class VoteEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly access: MeetingAccess,
    private readonly files: AttachmentsService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('castBallot', (context) => this.castBallot(context));
    this.extensions.registerEffect('recordBallot', (context) => this.recordBallot(context));
    this.extensions.registerEffect('recordCount', (context) => this.recordCount(context));
    this.extensions.registerEffect('confirmCount', (context) => this.confirmCount(context));
  }

  private async castBallot({ db, matter, event, stateBefore, today }: EffectContext): Promise<void> {
    const meeting = await this.access.held(db, matter, stateBefore, today);
    if (meeting.ballotMode === 'secret') throw new DomainError('VOTE.SECRET_ON_PAPER');
    const choice = event.payload.choice as BallotChoice;
    await this.vote(db, matter, meeting, { voter: event.actor.personId!, choice, recordedBy: null }, 'VOTE');
  }

  /** An open vote (show of hands) recorded by the meeting's clerk for a named member. */
  private async recordBallot({ db, matter, event, stateBefore, today }: EffectContext): Promise<void> {
    const meeting = await this.access.held(db, matter, stateBefore, today);
    if (meeting.ballotMode === 'secret') throw new DomainError('VOTE.SECRET_ON_PAPER');
    if (meeting.recordedBallotsConfirmation) {
      throw new DomainError('VOTE.MIXED', {}, '举手表决的记录已经监票人确认，不能再登记');
    }
    const { personId: voter, choice } = event.payload as unknown as RecordBallotPayload;
    await this.vote(db, matter, meeting, { voter, choice, recordedBy: event.actor.personId }, 'ATTENDANCE');
  }

  /** A receipt that the voter voted, and a ballot naming them (ballots online are open votes). */
  private async vote(
    db: EntityManager,
    matter: MatterEntity,
    meeting: MeetingEntity,
    ballot: { voter: string; choice: BallotChoice; recordedBy: string | null },
    refusals: 'VOTE' | 'ATTENDANCE',
  ): Promise<void> {
    if (meeting.voteCount) throw new DomainError('VOTE.MIXED', {}, '本次表决已按计票结果登记，不再逐人投票');
    await this.requireEligibleVoter(db, matter, meeting, ballot.voter, refusals);
    const where = { villageId: meeting.villageId, meetingId: meeting.id };
    await this.meetings.recordBallot(
      db,
      { ...where, personId: ballot.voter },
      {
        ...where,
        id: randomUUID(),
        choice: ballot.choice,
        personId: ballot.voter,
        recordedBy: ballot.recordedBy,
      },
    );
  }

  /**
   * A count of votes. A show of hands is entered by the clerk; paper ballots by their counter, and they
   * count only once a scrutineer who is neither confirms them. Numbers the meeting cannot have are refused.
   */
  private async recordCount({ db, matter, event, stateBefore, today, now }: EffectContext): Promise<void> {
    const meeting = await this.access.held(db, matter, stateBefore, today);
    const payload = event.payload as unknown as CountPayload;
    const actor = event.actor.personId!;
    const paper = meeting.ballotMode === 'secret';
    if (meeting.voteCount?.confirmedBy) {
      throw new DomainError('VOTE.MIXED', {}, '计票结果已经监票人确认，不能再改');
    }
    if ((await this.meetings.ballots(db, matter.villageId, meeting.id)).length > 0) {
      throw new DomainError('VOTE.MIXED', {}, '已有逐人投票，不能再登记计票结果');
    }
    if (paper) await this.access.requirePaperCounter(db, matter.villageId, actor, payload);
    else await this.requireShowOfHandsClerk(db, matter.villageId, event.actor.role, payload);
    await this.access.requireAtMeeting(db, meeting, payload.scrutineer);
    const takingPart = await this.access.takingPart(db, matter, meeting);
    const cast = payload.yes + payload.no + payload.abstain;
    if (cast > takingPart) {
      throw new DomainError(
        'VOTE.COUNT_IMPOSSIBLE',
        { cast, takingPart },
        `赞成、反对、弃权合计 ${cast} 票，多于到会且有表决权的 ${takingPart} 人`,
      );
    }
    const count: VoteCount = {
      yes: payload.yes,
      no: payload.no,
      abstain: payload.abstain,
      counter: payload.counter,
      scrutineer: payload.scrutineer,
      tallySheet: await this.files.attach(db, matter.villageId, payload.tallySheet),
      recordedBy: actor,
      recordedAt: now.toISOString(),
      confirmedBy: null,
      confirmedAt: null,
    };
    await this.meetings.setVoteCount(db, meeting, count);
  }

  /**
   * The scrutineer the count names, and nobody else, confirms it; never the clerk or the counter. The count
   * is of votes, or of an appraisal's ballots subject by subject. Without a count, what is confirmed is
   * the show of hands the clerk recorded voter by voter.
   */
  private async confirmCount(context: EffectContext): Promise<void> {
    const { db, matter, event, stateBefore, today, now } = context;
    const meeting = await this.access.held(db, matter, stateBefore, today);
    const count = meeting.voteCount ?? meeting.appraisal?.count;
    if (!count) return this.confirmRecordedBallots(db, meeting, event.actor.personId!, now);
    const actor = event.actor.personId!;
    if (actor !== count.scrutineer || actor === count.recordedBy || actor === count.counter) {
      throw new DomainError('VOTE.NOT_SCRUTINEER');
    }
    if (count.confirmedBy) throw new DomainError('VOTE.MIXED', {}, '计票结果已经监票人确认');
    const confirmed = { confirmedBy: actor, confirmedAt: now.toISOString() };
    if (meeting.voteCount)
      await this.meetings.setVoteCount(db, meeting, { ...meeting.voteCount, ...confirmed });
    else {
      const appraisal = meeting.appraisal!;
      await this.meetings.setAppraisal(db, meeting, {
        ...appraisal,
        count: { ...appraisal.count!, ...confirmed },
      });
    }
  }

  /**
   * A show of hands the clerk recorded voter by voter is confirmed by someone else who was at the meeting
   * (a member present, a supervisor sitting in), never by one who recorded any of it: otherwise one clerk
   * could write a whole vote in others' names. Ballots voters cast themselves need no one's confirmation.
   */
  private async confirmRecordedBallots(
    db: EntityManager,
    meeting: MeetingEntity,
    actor: string,
    now: Date,
  ): Promise<void> {
    const recorded = recordedByClerk(await this.meetings.ballots(db, meeting.villageId, meeting.id));
    if (recorded.length === 0) {
      throw new DomainError('VOTE.COUNT_UNCONFIRMED', {}, '还没有登记计票结果或举手表决记录，无可确认');
    }
    if (meeting.recordedBallotsConfirmation) {
      throw new DomainError('VOTE.MIXED', {}, '举手表决的记录已经监票人确认');
    }
    if (recorded.some((ballot) => ballot.recordedBy === actor)) {
      throw new DomainError('VOTE.NOT_SCRUTINEER', {}, '登记举手表决的记录人不能确认自己的记录');
    }
    await this.access.requireAtMeeting(db, meeting, actor);
    await this.meetings.confirmRecordedBallots(db, meeting, {
      ballots: recorded.length,
      confirmedBy: actor,
      confirmedAt: now.toISOString(),
    });
  }

  /** A show of hands is entered by the meeting's clerk, naming a counter and a scrutineer of the village. */
  private async requireShowOfHandsClerk(
    db: EntityManager,
    villageId: string,
    role: string,
    count: { counter: string; scrutineer: string },
  ): Promise<void> {
    if (count.counter === count.scrutineer) {
      throw new DomainError('VOTE.COUNTER_INVALID', {}, '计票人和监票人不能是同一人');
    }
    if (!CLERKS.has(role)) {
      throw new DomainError('VOTE.COUNTER_INVALID', {}, '举手表决的结果由会议记录人（两委成员）登记');
    }
    await this.access.requireVillagePeople(db, villageId, [count.counter, count.scrutineer]);
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
    const here = attendance.find((row) => row.personId === personId && row.kind === 'member');
    const refusal = whyMayNotVote(
      roster.find((candidate) => candidate.personId === personId),
      {
        recused: (await this.access.recusedIn(db, matter)).has(personId),
        present: here !== undefined,
        voted: await this.meetings.hasVoted(db, meeting.villageId, meeting.id, personId),
        // A member who sent a proxy votes through them: the clerk records the proxy's vote in their name.
        sentProxy: codes === 'VOTE' && here?.byProxy === true,
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
      case 'BY_PROXY':
        throw new DomainError('VOTE.BY_PROXY');
      case 'ALREADY_VOTED':
        throw new DomainError('VOTE.ALREADY_CAST', { personId });
    }
  }
}
