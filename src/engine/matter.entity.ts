import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Jsonb } from '../database/jsonb.js';

/** A matter (事项) running one procedure version in one village; its XState snapshot is kept as jsonb. */
@Entity('matter')
export class MatterEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) procedureId: string;
  @Column({ type: 'integer' }) procedureVersion: number;
  /** The parameter values the village's list gave the item when the matter started (overrides only). */
  @Column({ type: 'jsonb' }) parameters: Jsonb;
  /** The village's list version in force at start (0: the base list alone); null for system procedures. */
  @Column({ type: 'integer', nullable: true }) listVersion: number | null;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'jsonb' }) inputs: Jsonb;
  @Column({ type: 'jsonb' }) snapshot: Jsonb;
  /** The active state as a dotted path, e.g. `resolutionDisclosure.public`. */
  @Column({ type: 'text' }) state: string;
  @Column({ type: 'text' }) status: 'active' | 'done';
  /** The top-level final state reached, once done. */
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  /** When the matter entered its current state: how long a step has waited. */
  @Column({ type: 'timestamptz' }) stateSince: Date;
  /** The roles the current step waits for (see awaiting.ts); null until computed for older rows. */
  @Column({ type: 'text', array: true, nullable: true }) awaiting: string[] | null;
  /** Counts accepted events; a reader can tell whether its view is current. */
  @Column({ type: 'integer' }) revision: number;
  @Column({ type: 'uuid' }) createdBy: string;
  @Column({ type: 'timestamptz' }) createdAt: Date;
  @Column({ type: 'timestamptz' }) updatedAt: Date;
}
