import { Column, Entity, PrimaryColumn } from 'typeorm';

export type BallotChoice = 'yes' | 'no' | 'abstain';

/** A ballot. In a secret ballot it names no person and carries no time, so it cannot be linked back. */
@Entity('ballot')
export class BallotEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ type: 'text' }) choice: BallotChoice;
  @Column({ type: 'uuid', nullable: true }) personId: string | null;
  @Column({ type: 'uuid', nullable: true }) recordedBy: string | null;
}

/** That a person has voted (one per voter), kept apart from what they voted. */
@Entity('ballot_receipt')
export class BallotReceiptEntity {
  @PrimaryColumn({ type: 'uuid' }) villageId: string;
  @PrimaryColumn({ type: 'uuid' }) meetingId: string;
  @PrimaryColumn({ type: 'uuid' }) personId: string;
}

/** Ballots the clerk recorded for someone else (a show of hands): these need a scrutineer's confirmation. */
export const recordedByClerk = (ballots: BallotEntity[]): BallotEntity[] =>
  ballots.filter((ballot) => ballot.recordedBy !== null && ballot.recordedBy !== ballot.personId);
