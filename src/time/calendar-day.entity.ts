import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A holiday or an adjusted working day; national when `regionId` is null, else a district's own. */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid', nullable: true }) regionId: string | null;
  @Column({ type: 'date' }) date: string;
  @Column({ type: 'text' }) kind: 'holiday' | 'workday';
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'boolean' }) provisional: boolean;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
