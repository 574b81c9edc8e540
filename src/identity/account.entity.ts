import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('account')
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) username: string;
  @Column({ type: 'text' }) passwordHash: string;
  /** The password is the one whoever opened the login gave it: its holder must replace it before acting. */
  @Column({ type: 'boolean', default: false }) passwordFromOpener: boolean;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
