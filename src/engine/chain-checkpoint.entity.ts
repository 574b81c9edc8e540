import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A village chain's head at the end of a day, as published on its public board (日终哈希). Once people
 * have seen it, rewriting any earlier row (even recomputing every hash after it) no longer matches.
 */
@Entity('chain_checkpoint')
export class ChainCheckpointEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'date' }) day: string;
  @Column({ type: 'bigint' }) seq: number;
  @Column({ type: 'text' }) hash: string;
  @Column({ type: 'timestamptz' }) publishedAt: Date;
}
