import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The first answer to a request sent with an `Idempotency-Key`, returned again on retry. */
@Entity('idempotency_record')
export class IdempotencyRecordEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) accountId: string;
  @PrimaryColumn({ type: 'text' }) key: string;
  @Column({ type: 'text' }) fingerprint: string;
  @Column({ type: 'integer' }) responseStatus: number;
  @Column({ type: 'jsonb' }) responseBody: object;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
