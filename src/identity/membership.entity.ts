import { Column, Entity, PrimaryColumn } from 'typeorm';

export const VILLAGE_ROLES = [
  'secretary',
  'committee_member',
  'party_member',
  'representative',
  'villager',
  'supervisor',
  'member_representative',
] as const;
export type VillageRole = (typeof VILLAGE_ROLES)[number];

/** A person's role in a village over a date range; flags refine it (chair, voting rights, household). */
@Entity('membership')
export class MembershipEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) role: VillageRole;
  /** 村民委员会主任: a committee member who chairs the villagers' committee. */
  @Column({ type: 'boolean' }) vcChair: boolean;
  /** 村务监督委员会主任. */
  @Column({ type: 'boolean' }) supervisorChair: boolean;
  /** Party members: probationary members (预备党员) have no vote. */
  @Column({ type: 'boolean' }) votingRights: boolean;
  /** A probationary party member's last day of probation: from the day after, a full member with a vote. */
  @Column({ type: 'date', nullable: true }) probationUntil?: string | null;
  /** Household (户) the villager belongs to, for the villager meeting's household quorum. */
  @Column({ type: 'text', nullable: true }) household: string | null;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
