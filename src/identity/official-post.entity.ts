import { Column, Entity, PrimaryColumn } from 'typeorm';

export const OFFICIAL_ROLES = ['township_officer', 'discipline_inspector', 'district_admin'] as const;
/** Posts held at a township; the others are held at a district. */
export const TOWNSHIP_ROLES: readonly OfficialRole[] = ['township_officer', 'discipline_inspector'];
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

/** A township or district post; it reaches every village below its region. */
@Entity('official_post')
export class OfficialPostEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) regionId: string;
  @Column({ type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) role: OfficialRole;
  @Column({ type: 'date' }) validFrom: string;
  @Column({ type: 'date', nullable: true }) validTo: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
