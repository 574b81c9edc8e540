import type { MeetingBody } from '../../workflows/index.js';
import type { MembershipEntity } from '../identity/membership.entity.js';
import type { RosterEntry } from './tally.js';

/**
 * Who sits on a body's roster, from the memberships valid on the meeting date. Each person appears once;
 * `entitled` is whether they vote (probationary party members do not).
 */
export function rosterFor(body: MeetingBody, memberships: readonly MembershipEntity[]): RosterEntry[] {
  const byPerson = new Map<string, MembershipEntity[]>();
  for (const membership of memberships) {
    byPerson.set(membership.personId, [...(byPerson.get(membership.personId) ?? []), membership]);
  }
  const roster: RosterEntry[] = [];
  for (const [personId, held] of byPerson) {
    const find = (role: MembershipEntity['role']) => held.find((membership) => membership.role === role);
    const party = find('party_member');
    const cadre = find('secretary') ?? find('committee_member');
    const household = (find('villager') ?? find('representative'))?.household ?? null;
    const entry = (entitled: boolean): RosterEntry => ({ personId, entitled, household });
    switch (body) {
      case 'branchCommittee':
        // The party branch committee: cadres who are party members.
        if (party && cadre) roster.push(entry(party.votingRights));
        break;
      case 'twoCommittees':
        if (cadre) roster.push(entry(true));
        break;
      case 'partyMembers':
        if (party) roster.push(entry(party.votingRights));
        break;
      case 'representatives':
        // The representative meeting is the villagers' committee members plus the representatives (art. 25).
        if (find('representative') || find('committee_member')) roster.push(entry(true));
        break;
      case 'villagers':
      case 'collectiveMembers':
        if (find('villager')) roster.push(entry(true));
        break;
    }
  }
  return roster;
}
