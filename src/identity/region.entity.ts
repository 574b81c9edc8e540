import { Column, Entity, PrimaryColumn } from 'typeorm';

export type RegionKind = 'district' | 'township' | 'village';

/** District (区) → township (乡镇) → village (村). */
@Entity('region')
export class RegionEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) kind: RegionKind;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'uuid', nullable: true }) parentId: string | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
