import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';

/** One published version of a district's base list or a village's own list. Rows are never changed. */
@Entity('list_version')
export class ListVersionEntity {
  /** The district (base list) or the village (its own list). */
  @PrimaryColumn({ type: 'uuid' }) scopeId: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) kind: 'base' | 'village';
  @Column({ type: 'date' }) effectiveFrom: string;
  @Column({ type: 'jsonb' }) document: Jsonb;
  @Column({ type: 'text' }) contentHash: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'uuid', nullable: true }) matterId: string | null;
  @Column({ type: 'timestamptz' }) publishedAt: Date;
}
