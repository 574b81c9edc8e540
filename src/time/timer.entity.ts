import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';

/** `failed`: set aside after its delivery failed unexpectedly too often; the township sees it. */
export type TimerStatus = 'pending' | 'delivered' | 'cancelled' | 'refused' | 'failed';

/** A time-driven event waiting in the database; the scheduler delivers it through the engine once. */
@Entity('timer')
export class TimerEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) matterId: string;
  @Column({ type: 'text' }) eventType: string;
  @Column({ type: 'jsonb' }) payload: Jsonb;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  /** Leaving this state before the timer is due cancels it. */
  @Column({ type: 'text' }) scopeState: string;
  @Column({ type: 'text' }) status: TimerStatus;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) settledAt: Date | null;
  /** Deliveries that failed unexpectedly so far; the next try waits until `retryAt`. */
  @Column({ type: 'integer', default: 0 }) attempts?: number;
  @Column({ type: 'timestamptz', nullable: true }) retryAt?: Date | null;
  @Column({ type: 'text', nullable: true }) lastError?: string | null;
}
