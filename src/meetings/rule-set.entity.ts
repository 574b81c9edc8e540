import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RuleSet } from '../../workflows/index.js';

@Entity('rule_set')
export class RuleSetEntity {
  @PrimaryColumn({ type: 'text' }) code: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) definition: RuleSet;
  @Column({ type: 'text' }) contentHash: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
