import type { AttachmentRef } from '../disclosure/attachment.entity.js';
import { Injectable } from '@nestjs/common';
import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { BallotEntity, BallotReceiptEntity, type BallotChoice } from './ballot.entity.js';
import { MeetingAttendanceEntity } from './meeting-attendance.entity.js';
import { MeetingRosterEntity } from './meeting-roster.entity.js';
import { MeetingEntity } from './meeting.entity.js';
import type { MeetingAppraisal } from './appraisal.js';
import type { CountedAttendance, RecordedBallotsConfirmation, VoteCount } from './counted-records.js';
import type { Tally } from './tally.js';

@Injectable()
export class MeetingRepository {
  async insert(db: EntityManager, meeting: MeetingEntity, roster: MeetingRosterEntity[]): Promise<void> {
    await db.insert(MeetingEntity, meeting);
    if (roster.length > 0) await db.insert(MeetingRosterEntity, roster);
  }

  /** The meeting live in a given state of a matter (the one being voted on). */
  openInState(
    db: EntityManager,
    villageId: string,
    matterId: string,
    state: string,
  ): Promise<MeetingEntity | null> {
    return db
      .createQueryBuilder(MeetingEntity, 'meeting')
      .where('meeting.village_id = :villageId AND meeting.matter_id = :matterId', { villageId, matterId })
      .andWhere("meeting.status = 'open' AND meeting.scope_state = :state", { state })
      .getOne();
  }

  listByMatter(db: EntityManager, villageId: string, matterId: string): Promise<MeetingEntity[]> {
    return db
      .createQueryBuilder(MeetingEntity, 'meeting')
      .where('meeting.village_id = :villageId AND meeting.matter_id = :matterId', { villageId, matterId })
      .orderBy('meeting.opened_in_revision', 'ASC')
      .getMany();
  }

  roster(db: EntityManager, villageId: string, meetingId: string): Promise<MeetingRosterEntity[]> {
    return db.findBy(MeetingRosterEntity, { villageId, meetingId });
  }

  attendance(db: EntityManager, villageId: string, meetingId: string): Promise<MeetingAttendanceEntity[]> {
    return db.find(MeetingAttendanceEntity, {
      where: { villageId, meetingId },
      order: { recordedAt: 'ASC' },
    });
  }

  async markPresent(db: EntityManager, rows: MeetingAttendanceEntity[]): Promise<void> {
    if (rows.length === 0) return;
    await db.createQueryBuilder().insert().into(MeetingAttendanceEntity).values(rows).orIgnore().execute();
  }

  /** Members recorded present by proxy who are now there themselves: their proxy rows give way. */
  endProxies(db: EntityManager, villageId: string, meetingId: string, personIds: string[]): Promise<void> {
    return this.removeMembers(db, { villageId, meetingId, byProxy: true }, personIds);
  }

  markAbsent(db: EntityManager, villageId: string, meetingId: string, personIds: string[]): Promise<void> {
    return this.removeMembers(db, { villageId, meetingId }, personIds);
  }

  private async removeMembers(
    db: EntityManager,
    where: FindOptionsWhere<MeetingAttendanceEntity>,
    personIds: string[],
  ): Promise<void> {
    if (personIds.length === 0) return;
    await db.delete(MeetingAttendanceEntity, { ...where, kind: 'member', personId: In(personIds) });
  }

  async receipts(db: EntityManager, villageId: string, meetingId: string): Promise<string[]> {
    const rows = await db.findBy(BallotReceiptEntity, { villageId, meetingId });
    return rows.map((row) => row.personId);
  }

  async hasVoted(
    db: EntityManager,
    villageId: string,
    meetingId: string,
    personId: string,
  ): Promise<boolean> {
    return db.existsBy(BallotReceiptEntity, { villageId, meetingId, personId });
  }

  /** The receipt and the ballot are separate rows: in a secret ballot nothing joins them. */
  async recordBallot(db: EntityManager, receipt: BallotReceiptEntity, ballot: BallotEntity): Promise<void> {
    await db.insert(BallotReceiptEntity, receipt);
    await db.insert(BallotEntity, ballot);
  }

  ballots(db: EntityManager, villageId: string, meetingId: string): Promise<BallotEntity[]> {
    return db.findBy(BallotEntity, { villageId, meetingId });
  }

  async choices(db: EntityManager, villageId: string, meetingId: string): Promise<BallotChoice[]> {
    return (await this.ballots(db, villageId, meetingId)).map((ballot) => ballot.choice);
  }

  /** Attendance by household or by count replaces any taken by person, and the other way round. */
  setCountedAttendance(
    db: EntityManager,
    meeting: Pick<MeetingEntity, 'villageId' | 'id'>,
    attendance: CountedAttendance | null,
  ): Promise<void> {
    return this.setDocument(db, meeting, 'counted_attendance', attendance);
  }

  /** Forgets who was recorded present (members only; observers stay). */
  async clearAttendance(db: EntityManager, villageId: string, meetingId: string): Promise<void> {
    await db.delete(MeetingAttendanceEntity, { villageId, meetingId, kind: 'member' });
  }

  setProxyLetters(
    db: EntityManager,
    meeting: Pick<MeetingEntity, 'villageId' | 'id'>,
    letters: AttachmentRef[] | null,
  ) {
    return this.setDocument(db, meeting, 'proxy_letters', letters);
  }

  setVoteCount(db: EntityManager, meeting: Pick<MeetingEntity, 'villageId' | 'id'>, count: VoteCount) {
    return this.setDocument(db, meeting, 'vote_count', count);
  }

  confirmRecordedBallots(
    db: EntityManager,
    meeting: Pick<MeetingEntity, 'villageId' | 'id'>,
    confirmation: RecordedBallotsConfirmation,
  ) {
    return this.setDocument(db, meeting, 'recorded_ballots_confirmation', confirmation);
  }

  async close(db: EntityManager, meeting: MeetingEntity, tally: Tally, now: Date): Promise<void> {
    await db.query(
      `UPDATE meeting SET status = 'closed', tally = $3, outcome = $4, closed_at = $5 WHERE village_id = $1 AND id = $2`,
      [meeting.villageId, meeting.id, JSON.stringify(tally), tally.outcome, now],
    );
  }

  setAppraisal(
    db: EntityManager,
    meeting: Pick<MeetingEntity, 'villageId' | 'id'>,
    appraisal: MeetingAppraisal,
  ) {
    return this.setDocument(db, meeting, 'appraisal', appraisal);
  }

  /** One of the meeting's JSON documents (what was counted rather than recorded by person), replaced. */
  private async setDocument(
    db: EntityManager,
    meeting: Pick<MeetingEntity, 'villageId' | 'id'>,
    column:
      'counted_attendance' | 'vote_count' | 'appraisal' | 'recorded_ballots_confirmation' | 'proxy_letters',
    value: object | null,
  ): Promise<void> {
    await db.query(`UPDATE meeting SET ${column} = $3 WHERE village_id = $1 AND id = $2`, [
      meeting.villageId,
      meeting.id,
      value === null ? null : JSON.stringify(value),
    ]);
  }

  /** Closes an appraisal with the quorum's tally and, when it was held, the rates. */
  async closeAppraisal(
    db: EntityManager,
    meeting: MeetingEntity,
    tally: Tally,
    appraisal: MeetingAppraisal,
    outcome: 'counted' | 'noQuorum',
    now: Date,
  ): Promise<void> {
    await db.query(
      `UPDATE meeting SET status = 'closed', tally = $3, appraisal = $4, outcome = $5, closed_at = $6
       WHERE village_id = $1 AND id = $2`,
      [meeting.villageId, meeting.id, JSON.stringify(tally), JSON.stringify(appraisal), outcome, now],
    );
  }

  /** The cadres rated 不称职 in the village's last counted appraisal (for 连续两次不称职). */
  async incompetentInLastAppraisal(db: EntityManager, villageId: string): Promise<Set<string>> {
    const rows: { key: string }[] = await db.query(
      `SELECT subject->>'key' AS key
       FROM (SELECT appraisal FROM meeting
             WHERE village_id = $1 AND status = 'closed' AND outcome = 'counted' AND appraisal IS NOT NULL
             ORDER BY closed_at DESC LIMIT 1) last,
            jsonb_array_elements(last.appraisal->'result'->'subjects') subject
       WHERE (subject->>'incompetent')::boolean`,
      [villageId],
    );
    return new Set(rows.map((row) => row.key));
  }
}
