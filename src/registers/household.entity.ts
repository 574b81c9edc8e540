import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A household (户) on a village's register: its code, villager group (村民小组) and head. */
@Entity('household')
export class HouseholdEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  /** 户号, unique in the village. */
  @Column({ type: 'text' }) code: string;
  @Column({ type: 'text', nullable: true }) villagerGroup: string | null;
  @Column({ type: 'text', nullable: true }) address: string | null;
  @Column({ type: 'uuid', nullable: true }) headPersonId: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
