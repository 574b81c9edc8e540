import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProcedureDefinition } from '../../workflows/index.js';

/** A registered procedure definition; matters keep the version they started on. */
@Entity('procedure_version')
export class ProcedureVersionEntity {
  @PrimaryColumn({ type: 'text' }) procedureId: string;
  @PrimaryColumn({ type: 'integer' }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) category: string;
  @Column({ type: 'jsonb' }) definition: ProcedureDefinition;
  @Column({ type: 'text' }) contentHash: string;
  @Column({ type: 'text' }) origin: 'builtin' | 'runtime';
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
