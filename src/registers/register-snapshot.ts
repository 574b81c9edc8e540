import type { MembershipEntity } from '../identity/membership.entity.js';

/** What a village's registers say of one person, as rosters need it. */
export interface RegisteredPerson {
  birthDate: string | null;
  gender: 'female' | 'male' | null;
  householdId: string | null;
}

/**
 * A village's registers as they stand on one date: the roles held that day, each person's birth date,
 * gender and household, the households' villager groups, and who is on the member register. Every body's
 * roster is computed from this.
 */
export interface RegisterSnapshot {
  onDate: string;
  memberships: readonly MembershipEntity[];
  people: ReadonlyMap<string, RegisteredPerson>;
  /** Household id → its villager group (村民小组), if recorded. */
  householdGroups: ReadonlyMap<string, string | null>;
  /** People on the member register (成员名册) that day. */
  collectiveMembers: ReadonlySet<string>;
}

/** 18 on the date: the villager meeting is of villagers aged 18 and over (村民委员会组织法). */
export function isAdultOn(birthDate: string, onDate: string): boolean {
  const [year, month, day] = birthDate.split('-').map(Number);
  const eighteenth = `${String(year + 18).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Born on 29 February: of age on 1 March of a common year (the string comparison does exactly that).
  return eighteenth <= onDate;
}

/**
 * Whether a party member votes on a date: a probationary member (预备党员) attends without a vote until
 * the day after the probation recorded; without a date, the flag kept on the membership decides.
 */
export function partyVoteOn(
  membership: Pick<MembershipEntity, 'votingRights' | 'probationUntil'>,
  onDate: string,
): boolean {
  return membership.probationUntil ? onDate > membership.probationUntil : membership.votingRights;
}
