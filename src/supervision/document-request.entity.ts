import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The supervisors asking a matter's owners for documents (调阅资料), and the answer with its files. */
@Entity('document_request')
export class DocumentRequestEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) matterId: string;
  @Column({ type: 'text' }) request: string;
  @Column({ type: 'uuid' }) requestedBy: string;
  @Column({ type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'text' }) status: 'open' | 'answered';
  @Column({ type: 'text', nullable: true }) answer: string | null;
  @Column({ type: 'uuid', array: true }) attachments: string[];
  @Column({ type: 'uuid', nullable: true }) answeredBy: string | null;
  @Column({ type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}
