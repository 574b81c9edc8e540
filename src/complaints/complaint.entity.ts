import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { EvidenceRef } from './evidence-file.js';
import type { ComplaintHandling, ComplaintRating, ComplaintSubject } from '../../workflows/index.js';

export const COMPLAINT_STATUSES = [
  'filed',
  'acknowledged',
  'answered',
  'rated',
  'inReview',
  'reviewed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/**
 * A villager's complaint or report (投诉举报) and its loop: filed, acknowledged and answered by the
 * township's discipline inspector, rated by the complainant, reviewed once at the district when they are
 * not satisfied. `complainantPersonId` is read only where the inspector or the district handles it.
 */
@Entity('complaint')
export class ComplaintEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  /** SHA-256 of the receipt code: the code itself is shown once, to the complainant. */
  @Column({ type: 'text' }) receiptHash: string;
  @Column({ type: 'text' }) subject: ComplaintSubject;
  /** The matter, disclosure or cadre (person) complained about. */
  @Column({ type: 'uuid', nullable: true }) subjectId: string | null;
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'uuid', nullable: true }) complainantPersonId: string | null;
  @Column({ type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'timestamptz' }) acknowledgeBy: Date;
  @Column({ type: 'text' }) status: ComplaintStatus;
  @Column({ type: 'timestamptz', nullable: true }) acknowledgedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) answerBy: Date | null;
  @Column({ type: 'uuid', nullable: true }) handlerPersonId: string | null;
  @Column({ type: 'text', nullable: true }) handling: ComplaintHandling | null;
  @Column({ type: 'uuid', nullable: true }) rectificationMatterId: string | null;
  @Column({ type: 'text', nullable: true }) reply: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
  @Column({ type: 'text', nullable: true }) rating: ComplaintRating | null;
  @Column({ type: 'text', nullable: true }) ratingComment: string | null;
  @Column({ type: 'timestamptz', nullable: true }) ratedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewBy: Date | null;
  @Column({ type: 'text', nullable: true }) reviewReply: string | null;
  @Column({ type: 'uuid', nullable: true }) reviewerPersonId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) reviewedAt: Date | null;
  /** Photos or PDFs the complainant added (what each is; the files are in `complaint_evidence`). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) evidence: EvidenceRef[];
}
