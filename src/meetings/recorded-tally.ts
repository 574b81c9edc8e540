import type { EntityManager } from 'typeorm';
import type { CastBallot, RosterPlace } from '../authority/voting-authority.js';
import { readAll } from '../database/read-all.js';
import type { MeetingEntity } from './meeting.entity.js';
import type { MeetingRepository } from './meeting.repository.js';
import { computeTally, type Tally } from './tally.js';

/** What is recorded of a meeting, as the meeting repository reads it. */
export interface MeetingRecords {
  roster: RosterPlace[];
  attendance: { personId: string; kind: string }[];
  ballots: CastBallot[];
  receipts: string[];
}

/**
 * The tally of a meeting from what is recorded so far: the roster, attendance by person or counted from
 * the sign-in list, ballots or the confirmed count, and who is recused now. Closing the vote records this;
 * the meeting panel shows it while the meeting runs.
 */
export function tallyOfRecords(
  meeting: MeetingEntity,
  records: MeetingRecords,
  recusedPersonIds: ReadonlySet<string>,
): Tally {
  const counted = meeting.countedAttendance;
  const votes = meeting.voteCount;
  return computeTally({
    ruleSet: meeting.ruleSet,
    roster: records.roster,
    presentPersonIds: new Set(
      records.attendance.filter((row) => row.kind === 'member').map((row) => row.personId),
    ),
    ballots: records.ballots,
    voterIds: records.receipts,
    recusedPersonIds,
    counted: {
      ...(counted ? { present: counted.present, householdsPresent: counted.householdsPresent } : {}),
      ...(votes ? { votes: { yes: votes.yes, no: votes.no, abstain: votes.abstain } } : {}),
    },
  });
}

/** Reads what is recorded of a meeting, then tallies it. */
export async function recordedTally(
  meetings: MeetingRepository,
  db: EntityManager,
  meeting: MeetingEntity,
  recusedPersonIds: ReadonlySet<string>,
): Promise<Tally> {
  const [roster, attendance, ballots, receipts] = await readAll(db, [
    () => meetings.roster(db, meeting.villageId, meeting.id),
    () => meetings.attendance(db, meeting.villageId, meeting.id),
    () => meetings.ballots(db, meeting.villageId, meeting.id),
    () => meetings.receipts(db, meeting.villageId, meeting.id),
  ]);
  return tallyOfRecords(meeting, { roster, attendance, ballots, receipts }, recusedPersonIds);
}
