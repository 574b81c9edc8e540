import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';

/** One attempted event, accepted or refused. Rows are only ever inserted (a trigger refuses the rest). */
@Entity('trace')
export class TraceEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'bigint' }) seq: number;
  @Column({ type: 'uuid', nullable: true }) matterId: string | null;
  @Column({ type: 'uuid', nullable: true }) actorPersonId: string | null;
  @Column({ type: 'text', nullable: true }) actorRole: string | null;
  @Column({ type: 'text' }) eventType: string;
  /** The payload as sent, with secret fields (a secret ballot's choice) replaced. */
  @Column({ type: 'jsonb' }) payload: Jsonb;
  @Column({ type: 'text' }) payloadDigest: string;
  @Column({ type: 'text', nullable: true }) stateBefore: string | null;
  @Column({ type: 'text', nullable: true }) stateAfter: string | null;
  @Column({ type: 'boolean' }) accepted: boolean;
  @Column({ type: 'text', nullable: true }) refusalCode: string | null;
  @Column({ type: 'text', nullable: true }) refusalMessage: string | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
}
