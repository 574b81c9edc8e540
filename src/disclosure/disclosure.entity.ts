import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentRef } from './attachment.entity.js';

export type DisclosureStatus = 'awaiting_opinion' | 'published' | 'ended' | 'withdrawn';

/** A disclosure (公开/公示): drafted, reviewed by the supervisors, public for its period. */
@Entity('disclosure')
export class DisclosureEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) matterId: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) scopeState: string;
  /** The matter revision of the event that drafted it: orders a matter's disclosures. */
  @Column({ type: 'integer' }) draftedInRevision: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'text' }) status: DisclosureStatus;
  @Column({ type: 'uuid' }) draftedBy: string;
  @Column({ type: 'timestamptz' }) draftedAt: Date;
  @Column({ type: 'text', nullable: true }) supervisorOpinion: string | null;
  @Column({ type: 'uuid', nullable: true }) opinionBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) publishedAt: Date | null;
  @Column({ type: 'integer', nullable: true }) periodDays: number | null;
  @Column({ type: 'text', nullable: true }) periodUnit: string | null;
  @Column({ type: 'timestamptz', nullable: true }) periodEndsAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) endedAt: Date | null;
  /** Where it is published besides the board: platform, WeChat group, SMS, broadcast. */
  @Column({ type: 'jsonb' }) channels: string[];
  @Column({ type: 'jsonb' }) attachments: AttachmentRef[];
}
