import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuleSet } from '../../workflows/index.js';
import type { AttachmentRef } from '../disclosure/attachment.entity.js';
import type { MeetingAppraisal } from './appraisal.js';
import type { CountedAttendance, RecordedBallotsConfirmation, VoteCount } from './counted-records.js';
import type { Tally } from './tally.js';

/** A meeting held in a matter's step, with the rule set it was judged by and its tally once closed. */
@Entity('meeting')
export class MeetingEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) matterId: string;
  /** The procedure stage holding the meeting, e.g. `partyMemberMeeting`. */
  @Column({ type: 'text' }) stage: string;
  /** While the matter is in this state the meeting is live; leaving it otherwise voids the meeting. */
  @Column({ type: 'text' }) scopeState: string;
  /** The matter revision of the event that convened it: orders a matter's meetings. */
  @Column({ type: 'integer' }) openedInRevision: number;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) ruleSetCode: string;
  @Column({ type: 'integer' }) ruleSetVersion: number;
  @Column({ type: 'jsonb' }) ruleSet: RuleSet;
  @Column({ type: 'text' }) ballotMode: 'open' | 'secret';
  @Column({ type: 'date' }) heldOn: string;
  @Column({ type: 'date', nullable: true }) noticeGivenOn: string | null;
  @Column({ type: 'text', nullable: true }) place: string | null;
  @Column({ type: 'text', nullable: true }) agenda: string | null;
  @Column({ type: 'text' }) status: 'open' | 'closed' | 'void';
  @Column({ type: 'jsonb', nullable: true }) tally: Tally | null;
  /** What the registers could not tell when the roster was made (e.g. birth dates missing). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) rosterNotes?: string[];
  /** Attendance taken by household or from the sign-in list's counts, instead of by person. */
  @Column({ type: 'jsonb', nullable: true }) countedAttendance?: CountedAttendance | null;
  /** The written proxies (委托书) of members present by proxy, scanned (the member assembly only). */
  @Column({ type: 'jsonb', nullable: true }) proxyLetters?: AttachmentRef[] | null;
  /** Votes counted (show of hands, paper ballots) instead of cast one by one. */
  @Column({ type: 'jsonb', nullable: true }) voteCount?: VoteCount | null;
  /** A scrutineer's confirmation of the ballots the clerk recorded voter by voter (a show of hands). */
  @Column({ type: 'jsonb', nullable: true }) recordedBallotsConfirmation?: RecordedBallotsConfirmation | null;
  /** A 民主测评 held as this meeting: its subjects, the count of its paper ballots, its rates once closed. */
  @Column({ type: 'jsonb', nullable: true }) appraisal?: MeetingAppraisal | null;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'uuid' }) convenedBy: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) closedAt: Date | null;
}
