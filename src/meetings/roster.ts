import type { MeetingBody } from '../../workflows/index.js';
import type { MembershipEntity } from '../identity/membership.entity.js';
import { isAdultOn, partyVoteOn, type RegisterSnapshot } from '../registers/register-snapshot.js';
import type { RosterEntry } from './tally.js';

/** A body's roster on the meeting date, and what the registers could not tell (said with the meeting). */
export interface ComputedRoster {
  roster: RosterEntry[];
  notes: string[];
}

/**
 * Who sits on a body's roster, from the registers on the meeting date. Each person appears once;
 * `entitled` is whether they vote (probationary party members do not). The villager meeting is of adult
 * villagers by household, the member assembly of adult members on the member register (wherever they
 * live), the member representative assembly of the member representatives.
 */
export function rosterFor(
  body: MeetingBody,
  register: RegisterSnapshot,
  options: { villagerGroup?: string } = {},
): ComputedRoster {
  const byPerson = new Map<string, MembershipEntity[]>();
  for (const membership of register.memberships) {
    byPerson.set(membership.personId, [...(byPerson.get(membership.personId) ?? []), membership]);
  }
  if (body === 'collectiveMembers') {
    for (const personId of register.collectiveMembers)
      if (!byPerson.has(personId)) byPerson.set(personId, []);
  }
  const roster: RosterEntry[] = [];
  let unknownAge = 0;
  let unknownHousehold = 0;
  for (const [personId, held] of byPerson) {
    const find = (role: MembershipEntity['role']) => held.find((membership) => membership.role === role);
    const person = register.people.get(personId);
    const household = person?.householdId ?? (find('villager') ?? find('representative'))?.household ?? null;
    const entry = (entitled: boolean): RosterEntry => ({ personId, entitled, household });
    /** Of age, as far as the register knows: someone without a birth date is counted, and said so. */
    const adult = () => {
      if (person?.birthDate) return isAdultOn(person.birthDate, register.onDate);
      unknownAge += 1;
      return true;
    };
    const party = find('party_member');
    const cadre = find('secretary') ?? find('committee_member');
    switch (body) {
      case 'branchCommittee':
        // The party branch committee: cadres who are party members.
        if (party && cadre) roster.push(entry(partyVoteOn(party, register.onDate)));
        break;
      case 'twoCommittees':
        if (cadre) roster.push(entry(true));
        break;
      case 'partyMembers':
        if (party) roster.push(entry(partyVoteOn(party, register.onDate)));
        break;
      case 'representatives':
        // The representative meeting is the villagers' committee members plus the representatives (art. 25).
        if (find('representative') || find('committee_member')) roster.push(entry(true));
        break;
      case 'appraisalAssembly':
        // 村述民评: the representative meeting and the party members rate the cadres together.
        if (find('representative') || find('committee_member')) roster.push(entry(true));
        else if (party) roster.push(entry(partyVoteOn(party, register.onDate)));
        break;
      case 'collectiveRepresentatives':
        if (find('member_representative')) roster.push(entry(true));
        break;
      case 'villagers':
        if (find('villager') && adult()) {
          if (!household) unknownHousehold += 1;
          roster.push(entry(true));
        }
        break;
      case 'collectiveMembers':
        if (register.collectiveMembers.has(personId) && adult()) roster.push(entry(true));
        break;
      case 'villagerGroup': {
        // The group's adult villagers, by their household's group on the register.
        const group = person?.householdId ? register.householdGroups.get(person.householdId) : undefined;
        if (find('villager') && group === options.villagerGroup && adult()) roster.push(entry(true));
        break;
      }
    }
  }
  const notes = [
    ...(unknownAge > 0 ? [`${unknownAge} 人未登记出生日期，按成年人计入应到人数`] : []),
    ...(unknownHousehold > 0 ? [`${unknownHousehold} 人未登记所在户，各按一户计`] : []),
  ];
  return { roster, notes };
}
