/** What the matter page and the act need of a meeting in session (the meeting views' detail). */
interface SessionMeeting {
  status: string;
  roster: { personId: string; name: string; entitled: boolean; recused: boolean; voted: boolean }[];
  running: { quorumMet: boolean; quorum: string[] } | null;
}

/** The meeting of the matter still in session, if one is. */
export const inSession = <M extends SessionMeeting>(meetings: M[]): M | null =>
  meetings.find((meeting) => meeting.status === 'open') ?? null;

/** Only the roster can be marked present: the attendance form offers no one else. */
export const rosterOf = (meeting: SessionMeeting | null) =>
  meeting?.roster.map((entry) => ({ id: entry.personId, name: entry.name }));

/**
 * A ballot is offered only to who may cast it in the meeting in session: on its roster, with a vote,
 * not recused, not yet voted. The engine refuses anyone else; the page does not tempt them.
 */
export function offeredActions<A extends { type: string }>(
  actions: A[],
  meeting: SessionMeeting | null,
  personId: string,
): A[] {
  const place = meeting?.roster.find((entry) => entry.personId === personId);
  const mayVote = !meeting || (place !== undefined && place.entitled && !place.recused && !place.voted);
  return actions.filter((action) => action.type !== 'CAST_BALLOT' || mayVote);
}

/** Said before a vote is closed without its quorum: the result would be 未达到法定人数. */
export function closingWarning(meeting: SessionMeeting | null): string | null {
  if (!meeting?.running || meeting.running.quorumMet) return null;
  return `尚未达到法定人数（${meeting.running.quorum.join('；')}）。现在结束表决，结果将是“未达到法定人数”，本次表决不产生决定。`;
}
