import type { AttachmentRef } from '../disclosure/attachment.entity.js';

/**
 * Attendance taken from a sign-in list (签到表) without naming everyone: by household (one signer for each
 * household), or the list's counts. The scanned list is kept with it.
 */
export interface CountedAttendance {
  mode: 'households' | 'counts';
  present: number;
  householdsPresent: number;
  /** The households that signed in, when taken by household. */
  households: string[];
  signInSheet: AttachmentRef[];
  recordedBy: string;
  recordedAt: string;
}

/**
 * Who counted and who confirmed a count of paper ballots (or a show of hands): the counter (计票人) with the
 * tally sheet, and the scrutineer (监票人) who is neither the clerk nor the counter.
 */
export interface CountRecord {
  counter: string;
  scrutineer: string;
  tallySheet: AttachmentRef[];
  recordedBy: string;
  recordedAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
}

/**
 * A count of votes: a show of hands entered by the clerk, or paper ballots counted by the counter and
 * confirmed by a scrutineer. Counts are of members taking part: those recused (回避) do not vote.
 */
export interface VoteCount extends CountRecord {
  yes: number;
  no: number;
  abstain: number;
}

/**
 * A scrutineer's confirmation of a show of hands the clerk recorded voter by voter: how many such ballots
 * stood when it was given. The clerk records no more after it.
 */
export interface RecordedBallotsConfirmation {
  ballots: number;
  confirmedBy: string;
  confirmedAt: string;
}
