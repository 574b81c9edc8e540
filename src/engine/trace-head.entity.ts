import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The end of a village's trace chain; locking it orders the village's appends. */
@Entity('trace_head')
export class TraceHeadEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @Column({ type: 'bigint' }) seq: number;
  @Column({ type: 'text' }) hash: string;
}
