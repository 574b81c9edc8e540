import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A file attached to a disclosure or an objection, kept with its SHA-256 so a copy can be checked. */
@Entity('attachment')
export class AttachmentEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) filename: string;
  @Column({ type: 'text' }) mediaType: string;
  @Column({ type: 'integer' }) size: number;
  @Column({ type: 'text' }) sha256: string;
  @Column({ type: 'bytea', select: false }) content: Buffer;
  @Column({ type: 'uuid' }) uploadedBy: string;
  @Column({ type: 'timestamptz' }) uploadedAt: Date;
  /** When a record first named it; until then it is its uploader's draft, which nobody else reads. */
  @Column({ type: 'timestamptz', nullable: true }) attachedAt?: Date | null;
}

export interface AttachmentRef {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
}
