import { Column, Entity, PrimaryColumn } from 'typeorm';

export const CONFLICT_RELATIONS = ['closeRelative', 'applicant', 'bidder', 'payee', 'other'] as const;
export type ConflictRelation = (typeof CONFLICT_RELATIONS)[number];

/** A declared conflict of interest (回避): the person takes no part in the matter's votes and approvals. */
@Entity('matter_conflict')
export class MatterConflictEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) matterId: string;
  @PrimaryColumn({ type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) relation: ConflictRelation;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'uuid' }) declaredBy: string;
  @Column({ type: 'timestamptz' }) declaredAt: Date;
}
