import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AttachmentRef } from './attachment.entity.js';

export type ObjectionStatus = 'open' | 'dismissed' | 'upheld' | 'republished' | 'superseded';

/** A villager's objection (异议) to a disclosure during its public period, and the answer it got. */
@Entity('disclosure_objection')
export class DisclosureObjectionEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) matterId: string;
  @Column({ type: 'uuid' }) disclosureId: string;
  @Column({ type: 'text' }) content: string;
  @Column({ type: 'jsonb' }) attachments: AttachmentRef[];
  @Column({ type: 'uuid' }) filedBy: string;
  @Column({ type: 'timestamptz' }) filedAt: Date;
  @Column({ type: 'text' }) status: ObjectionStatus;
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}
