import { Entity, PrimaryColumn } from 'typeorm';

/** A household a villagers' representative stands for (one representative per 5–15 households, art. 25). */
@Entity('representative_household')
export class RepresentativeHouseholdEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) membershipId: string;
  @PrimaryColumn({ type: 'uuid' }) householdId: string;
}
