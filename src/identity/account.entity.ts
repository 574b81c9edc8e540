import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('account')
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'uuid' }) personId: string;
  @Column({ type: 'text' }) username: string;
  @Column({ type: 'text' }) passwordHash: string;
  /** The password is the one whoever opened the login gave it: its holder must replace it before acting. */
  @Column({ type: 'boolean', default: false }) passwordFromOpener: boolean;
  /**
   * A village cadre opened it, and may hold it still whatever its password is now: the township sets its
   * password again before its holder is given a vote.
   */
  @Column({ type: 'boolean', default: false }) openedInVillage: boolean;
  @Column({ type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @Column({ type: 'timestamptz' }) createdAt: Date;
}
