/** One place on a meeting's roster, as the authority weighs it. */
export interface RosterPlace {
  personId: string;
  entitled: boolean;
  household: string | null;
  /** Recused when the meeting was convened; a conflict declared later counts just the same. */
  recused?: boolean;
}

export interface CastBallot {
  choice: 'yes' | 'no' | 'abstain';
  /** The voter of an open ballot; null in a secret ballot, where nothing links a ballot to its voter. */
  personId: string | null;
}

export type VoteRefusal =
  'NOT_ON_ROSTER' | 'RECUSED' | 'NOT_ENTITLED' | 'NOT_PRESENT' | 'BY_PROXY' | 'ALREADY_VOTED';

/**
 * May this person vote in this meeting now? On the roster, not recused (a conflict of interest declared
 * at any time before the vote closes, not only before the meeting was convened), with a vote, recorded
 * present (in person or online, when casting their own ballot; by proxy, when the clerk records it), and
 * not yet voted.
 */
export function whyMayNotVote(
  place: RosterPlace | undefined,
  now: {
    recused: boolean;
    present: boolean;
    voted: boolean;
    /** Present by a proxy they sent, and casting a ballot themselves: the proxy's vote is theirs. */
    sentProxy?: boolean;
  },
): VoteRefusal | null {
  if (!place) return 'NOT_ON_ROSTER';
  if (place.recused || now.recused) return 'RECUSED';
  if (!place.entitled) return 'NOT_ENTITLED';
  if (!now.present) return 'NOT_PRESENT';
  if (now.sentProxy) return 'BY_PROXY';
  if (now.voted) return 'ALREADY_VOTED';
  return null;
}

export interface Participation {
  /** Everyone on the roster, the recused included: a statutory "of all members" is not reduced. */
  roster: RosterPlace[];
  /** Present members who take part: the recused attend, but are not counted as taking part. */
  present: RosterPlace[];
  /** Ballots that count: an open ballot cast by someone recused since is set aside. */
  counted: CastBallot[];
  /** Yes votes taken off because recused members cast secret ballots that cannot be told apart. */
  deductedYes: number;
  recusedPersonIds: string[];
  setAside: number;
  /** The sentence the tally shows, empty when nobody is recused. */
  explanation: string;
}

/**
 * Who is counted, and how, when members are recused (回避): they stay in every "of all members" count
 * (应到、应到会有表决权、应到户数), take no part among those present, and their ballots do not count. An
 * open ballot names its voter and is set aside; a secret ballot cannot be found, so for each recused
 * member who had voted one yes vote is taken off: the motion passes only if it would pass whatever
 * they voted.
 */
export function participation(
  roster: readonly RosterPlace[],
  presentPersonIds: ReadonlySet<string>,
  ballots: readonly CastBallot[],
  voterIds: readonly string[],
  recusedNow: ReadonlySet<string>,
): Participation {
  const recused = new Set([
    ...roster.filter((place) => place.recused).map((place) => place.personId),
    ...roster.filter((place) => recusedNow.has(place.personId)).map((place) => place.personId),
  ]);
  const present = roster.filter(
    (place) => presentPersonIds.has(place.personId) && !recused.has(place.personId),
  );
  const counted = ballots.filter((ballot) => ballot.personId === null || !recused.has(ballot.personId));
  const setAside = ballots.length - counted.length;
  const secretVoters = ballots.some((ballot) => ballot.personId === null)
    ? voterIds.filter((personId) => recused.has(personId)).length
    : 0;
  const yes = counted.filter((ballot) => ballot.choice === 'yes').length;
  const deductedYes = Math.min(secretVoters, yes);
  const parts =
    recused.size === 0
      ? []
      : [
          `回避 ${recused.size} 人，不参加表决，仍计入应到人数`,
          ...(setAside > 0 ? [`其已投的 ${setAside} 票不计`] : []),
          ...(secretVoters > 0
            ? [`其中 ${secretVoters} 人回避前已投无记名票，无法区分，从赞成票中扣除 ${deductedYes} 票`]
            : []),
        ];
  return {
    roster: [...roster],
    present,
    counted,
    deductedYes,
    recusedPersonIds: [...recused],
    setAside,
    explanation: parts.join('；'),
  };
}
