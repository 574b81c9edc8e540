import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  /** The village whose register the person is on (an official's township or district); null if none yet. */
  @Column({ type: 'uuid', nullable: true }) homeRegionId: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
