import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who should attend (应到), fixed when the meeting is convened from memberships on the meeting date. */
@Entity('meeting_roster')
export class MeetingRosterEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ type: 'uuid' }) personId: string;
  @Column({ type: 'boolean' }) entitled: boolean;
  @Column({ type: 'text', nullable: true }) household: string | null;
  /** Recused for a declared conflict of interest (回避): on the roster, without a vote. */
  @Column({ type: 'boolean' }) recused: boolean;
}
