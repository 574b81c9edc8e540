import { Column, Entity, PrimaryColumn } from 'typeorm';

export type ObligationStatus = 'open' | 'overdue' | 'fulfilled' | 'cancelled';

/** A disclosure a village owes: for a period (finances of 2026-11) or for a matter's step. */
@Entity('obligation')
export class ObligationEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) periodLabel: string | null;
  @Column({ type: 'uuid', nullable: true }) matterId: string | null;
  @Column({ type: 'text', nullable: true }) scopeState: string | null;
  @Column({ type: 'timestamptz' }) openedAt: Date;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'text' }) status: ObligationStatus;
  @Column({ type: 'timestamptz', nullable: true }) fulfilledAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) fulfilledByMatter: string | null;
  /** When the township was told it is overdue. */
  @Column({ type: 'timestamptz', nullable: true }) flaggedAt: Date | null;
  @Column({ type: 'timestamptz', nullable: true }) settledAt: Date | null;
}
