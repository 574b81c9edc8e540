import { isUuid } from '../common/uuid.js';
import { PROXY_BODIES, REMOTE_BODIES } from '../meetings/attendance-effects.js';

/** What the matter page and the act need of a meeting in session (the meeting views' detail). */
interface SessionMeeting {
  status: string;
  body?: string;
  roster: {
    personId: string;
    name: string;
    entitled: boolean;
    recused: boolean;
    voted: boolean;
    present?: boolean;
    /** Present by a written proxy: their vote is the proxy's, recorded by the clerk. */
    byProxy?: boolean;
    household?: string | null;
  }[];
  observers?: { personId: string; name?: string }[];
  /** The sign-in list's counts: they name nobody, so the roster is as far as the record can tell. */
  countedAttendance?: object | null;
  ballots?: { recordedByClerk: boolean }[] | null;
  recordedBallotsConfirmation?: { confirmedBy: string } | null;
  running: { quorumMet: boolean; quorum: string[] } | null;
  voteCount?: CountRecord | null;
  appraisal?: { subjects: { key: string; label: string }[]; count?: CountRecord | null } | null;
}

/** A count entered on paper (a show of hands, paper ballots): who entered and counted it, who confirms it. */
interface CountRecord {
  counter: string;
  scrutineer: string;
  recordedBy: string;
  confirmedBy?: string | null;
}

/** The meeting of the matter still in session, if one is. */
export const inSession = <M extends SessionMeeting>(meetings: M[]): M | null =>
  meetings.find((meeting) => meeting.status === 'open') ?? null;

/**
 * The roster's households, for attendance by household (one signer each, as a 签到表 is often kept),
 * each named by its people on the roster: 郭芳、何伟（一户）.
 */
export function householdsOf(meeting: SessionMeeting | null): { id: string; name: string }[] | undefined {
  if (!meeting) return undefined;
  const households = new Map<string, string[]>();
  for (const entry of meeting.roster) {
    // Households from the register (by id) only: a household code kept on a role is not a signing unit
    // the engine takes; such villages record by person or by the sheet's counts until they load a 花名册.
    if (!entry.household || !isUuid(entry.household)) continue;
    households.set(entry.household, [...(households.get(entry.household) ?? []), entry.name]);
  }
  return [...households].map(([id, names]) => ({ id, name: `${names.join('、')}（一户）` }));
}

/** What the attendance form offers for the meeting in session: its roster, households, online seats. */
export const sessionOf = (meeting: SessionMeeting | null) => ({
  roster: rosterOf(meeting),
  households: householdsOf(meeting),
  remoteAttendance: meeting?.body !== undefined && REMOTE_BODIES.has(meeting.body),
  proxyAttendance: meeting?.body !== undefined && PROXY_BODIES.has(meeting.body),
  appraisalSubjects: meeting?.appraisal?.subjects,
  atMeeting: meeting ? atMeetingOf(meeting) : undefined,
});

/**
 * Who may be named scrutineer (监票人): who was at the meeting, recorded present or sitting in, as the
 * engine requires (`MeetingAccess.requireAtMeeting`); with counted attendance, the whole roster.
 */
function atMeetingOf(meeting: SessionMeeting): { id: string; name: string }[] {
  const members = meeting.roster
    .filter((entry) => meeting.countedAttendance || entry.present === true)
    .map((entry) => ({ id: entry.personId, name: entry.name }));
  const observers = (meeting.observers ?? [])
    .filter((observer) => !members.some((member) => member.id === observer.personId))
    .map((observer) => ({ id: observer.personId, name: `${observer.name ?? ''}（列席）` }));
  return [...members, ...observers];
}

/** Only the roster can be marked present: the attendance form offers no one else. */
export const rosterOf = (meeting: SessionMeeting | null) =>
  meeting?.roster.map((entry) => ({ id: entry.personId, name: entry.name }));

/**
 * A ballot is offered only to who may cast it in the meeting in session: on its roster, with a vote,
 * not recused, not yet voted, not present by proxy; a count's confirmation only to the scrutineer it names, once it is entered
 * and until it is confirmed (never to who entered or counted it); a show of hands the clerk recorded, to
 * whoever was at the meeting until someone confirms it. The engine refuses anyone else (a recorder among
 * them); the page does not tempt them.
 */
export function offeredActions<A extends { type: string }>(
  actions: A[],
  meeting: SessionMeeting | null,
  personId: string,
): A[] {
  const place = meeting?.roster.find((entry) => entry.personId === personId);
  const mayVote =
    !meeting || (place !== undefined && place.entitled && !place.recused && !place.voted && !place.byProxy);
  const count = meeting?.voteCount ?? meeting?.appraisal?.count;
  const mayConfirm =
    !meeting ||
    (count != null
      ? !count.confirmedBy &&
        count.scrutineer === personId &&
        count.recordedBy !== personId &&
        count.counter !== personId
      : awaitsConfirmation(meeting) && wasAt(meeting, personId));
  return actions.filter(
    (action) => (action.type !== 'CAST_BALLOT' || mayVote) && (action.type !== 'CONFIRM_COUNT' || mayConfirm),
  );
}

/** A show of hands the clerk recorded voter by voter, not yet confirmed by a scrutineer. */
const awaitsConfirmation = (meeting: SessionMeeting): boolean =>
  !meeting.recordedBallotsConfirmation && (meeting.ballots ?? []).some((ballot) => ballot.recordedByClerk);

const wasAt = (meeting: SessionMeeting, personId: string): boolean =>
  atMeetingOf(meeting).some((person) => person.id === personId);

/** Said before a vote is closed without its quorum: the result would be 未达到法定人数. */
export function closingWarning(meeting: SessionMeeting | null): string | null {
  if (!meeting?.running || meeting.running.quorumMet) return null;
  return `尚未达到法定人数（${meeting.running.quorum.join('；')}）。现在结束表决，结果将是“未达到法定人数”，本次表决不产生决定。`;
}
