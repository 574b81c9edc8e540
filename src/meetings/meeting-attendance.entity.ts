import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('meeting_attendance')
export class MeetingAttendanceEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ type: 'uuid' }) personId: string;
  /** A roster member present, or an observer sitting in (列席). */
  @Column({ type: 'text' }) kind: 'member' | 'observer';
  @Column({ type: 'text', nullable: true }) observerRole: string | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  /** Present by a written proxy (委托书) carried by a member of the same household. */
  @Column({ type: 'boolean', default: false }) byProxy?: boolean;
  @Column({ type: 'uuid' }) recordedBy: string;
  @Column({ type: 'timestamptz' }) recordedAt: Date;
}
