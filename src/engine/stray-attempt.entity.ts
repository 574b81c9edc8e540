import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';

/**
 * An attempt on a village by someone with no standing in it. Kept out of the village's chain (which only
 * those who stand in the village may lengthen) and clipped; the township reads them.
 */
@Entity('stray_attempt')
export class StrayAttemptEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid', nullable: true }) matterId: string | null;
  @Column({ type: 'uuid', nullable: true }) actorPersonId: string | null;
  @Column({ type: 'text' }) eventType: string;
  @Column({ type: 'jsonb' }) payload: Jsonb;
  @Column({ type: 'text' }) payloadDigest: string;
  @Column({ type: 'text' }) refusalCode: string;
  @Column({ type: 'timestamptz' }) at: Date;
}
