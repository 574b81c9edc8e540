import type { MembershipEntity, VillageRole } from '../../src/identity/membership.entity.js';
import { rosterFor } from '../../src/meetings/roster.js';

const membership = (
  personId: string,
  role: VillageRole,
  flags: Partial<MembershipEntity> = {},
): MembershipEntity => ({
  villageId: 'v',
  id: `${personId}-${role}`,
  personId,
  role,
  vcChair: false,
  supervisorChair: false,
  votingRights: true,
  household: `h-${personId}`,
  validFrom: '2025-01-01',
  validTo: null,
  createdAt: new Date(0),
  ...flags,
});

const memberships = [
  membership('secretary', 'secretary'),
  membership('secretary', 'party_member'),
  membership('secretary', 'committee_member', { vcChair: true }),
  membership('member', 'committee_member'),
  membership('probationer', 'party_member', { votingRights: false }),
  membership('rep', 'representative'),
  membership('villager', 'villager'),
  membership('supervisor', 'supervisor'),
];

const people = (body: Parameters<typeof rosterFor>[0]) =>
  rosterFor(body, memberships).map((entry) => `${entry.personId}${entry.entitled ? '' : '(no vote)'}`);

describe(rosterFor.name, () => {
  it('puts party-member cadres on the branch committee', () => {
    expect(people('branchCommittee')).toEqual(['secretary']);
  });

  it('puts the secretary and committee members on the two-committee meeting once each', () => {
    expect(people('twoCommittees')).toEqual(['secretary', 'member']);
  });

  it('lists probationary party members without a vote', () => {
    expect(people('partyMembers')).toEqual(['secretary', 'probationer(no vote)']);
  });

  it('forms the representative meeting from committee members and representatives', () => {
    expect(people('representatives')).toEqual(['secretary', 'member', 'rep']);
  });

  it('forms the villager meeting from adult villagers only', () => {
    expect(people('villagers')).toEqual(['villager']);
  });
});
