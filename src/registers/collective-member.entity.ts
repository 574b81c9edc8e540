import { Column, Entity, PrimaryColumn } from 'typeorm';

/** How a person became a member of the collective economic organisation (集体经济组织法 第十二条). */
export const MEMBERSHIP_BASES = [
  'original',
  'birth',
  'marriage',
  'adoption',
  'resettlement',
  'other',
] as const;
export type MembershipBasis = (typeof MEMBERSHIP_BASES)[number];

/**
 * One entry of the member register (成员名册) over a date range. A member may live elsewhere; a resident
 * need not be a member: the register, not the villager role, is the member assembly's roster.
 */
@Entity('collective_member')
export class CollectiveMemberEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) personId: string;
  @PrimaryColumn({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'text' }) basis: MembershipBasis;
  /** The confirmation matter (D9) that put the person on the register, if one did. */
  @Column({ type: 'uuid', nullable: true }) confirmedByMatterId: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
