import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('person')
export class PersonEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) phone: string | null;
  /** The village whose register the person is on (an official's township or district); null if none yet. */
  @Column({ type: 'uuid', nullable: true }) homeRegionId: string | null;
  /** The household (户) on the village's register the person belongs to. */
  @Column({ type: 'uuid', nullable: true }) householdId?: string | null;
  /** 与户主关系 as the register wrote it (户主, 配偶, 长子…); the household's head is the household's fact. */
  @Column({ type: 'text', nullable: true }) relationToHead?: string | null;
  /** Adulthood (18 on a meeting's date) is read from it. */
  @Column({ type: 'date', nullable: true }) birthDate?: string | null;
  @Column({ type: 'text', nullable: true }) gender?: 'female' | 'male' | null;
  /** An ID-card number is never stored: its salted hash tells two people of one name apart. */
  @Column({ type: 'text', nullable: true }) idNumberHash?: string | null;
  /** The number as registers show it, e.g. 140421********1234. */
  @Column({ type: 'text', nullable: true }) idNumberMasked?: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
