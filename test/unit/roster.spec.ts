import type { MembershipEntity, VillageRole } from '../../src/identity/membership.entity.js';
import { rosterFor } from '../../src/meetings/roster.js';
import type { RegisterSnapshot } from '../../src/registers/register-snapshot.js';

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

const register = (overrides: Partial<RegisterSnapshot> = {}): RegisterSnapshot => ({
  onDate: '2026-03-02',
  memberships,
  people: new Map(),
  householdGroups: new Map(),
  collectiveMembers: new Set(),
  ...overrides,
});
const people = (body: Parameters<typeof rosterFor>[0], snapshot = register()) =>
  rosterFor(body, snapshot).roster.map((entry) => `${entry.personId}${entry.entitled ? '' : '(no vote)'}`);
const born = (birthDate: string, householdId: string | null = null) => ({
  birthDate,
  gender: null,
  householdId,
});

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

  it('leaves out villagers under 18 on the meeting date, and says who has no birth date', () => {
    const snapshot = register({
      memberships: [...memberships, membership('teen', 'villager'), membership('eighteen', 'villager')],
      people: new Map([
        ['teen', born('2008-03-03')],
        ['eighteen', born('2008-03-02')],
      ]),
    });
    expect(people('villagers', snapshot)).toEqual(['villager', 'eighteen']);
    expect(rosterFor('villagers', snapshot).notes).toEqual(['1 人未登记出生日期，按成年人计入应到人数']);
  });

  it('forms the member assembly from the member register: members living elsewhere in, residents who are not out', () => {
    const snapshot = register({
      collectiveMembers: new Set(['villager', 'away']),
      people: new Map([
        ['away', born('1980-01-01')],
        ['villager', born('1970-01-01')],
      ]),
    });
    expect(people('collectiveMembers', snapshot).sort()).toEqual(['away', 'villager']);
    expect(people('collectiveMembers', register())).toEqual([]);
  });

  it('gives a probationary party member the vote from the day after the probation recorded', () => {
    const probation = [
      membership('p', 'party_member', { votingRights: false, probationUntil: '2026-03-01' }),
    ];
    expect(people('partyMembers', register({ memberships: probation, onDate: '2026-03-01' }))).toEqual([
      'p(no vote)',
    ]);
    expect(people('partyMembers', register({ memberships: probation, onDate: '2026-03-02' }))).toEqual(['p']);
  });

  it('forms the member representative assembly from the member representatives only', () => {
    const snapshot = register({ memberships: [...memberships, membership('mr', 'member_representative')] });
    expect(people('collectiveRepresentatives', snapshot)).toEqual(['mr']);
  });

  it('takes the household from the register, the membership’s code where the register has none', () => {
    const snapshot = register({ people: new Map([['villager', born('1970-01-01', 'household-1')]]) });
    expect(rosterFor('villagers', snapshot).roster[0].household).toBe('household-1');
    expect(rosterFor('villagers', register()).roster[0].household).toBe('h-villager');
  });

  it('forms a villager group meeting from the adult villagers of the households in that group', () => {
    const snapshot = register({
      memberships: [membership('a', 'villager'), membership('b', 'villager'), membership('c', 'villager')],
      people: new Map([
        ['a', born('1970-01-01', 'h1')],
        ['b', born('1970-01-01', 'h2')],
        ['c', born('2015-01-01', 'h1')],
      ]),
      householdGroups: new Map([
        ['h1', '第一村民小组'],
        ['h2', '第二村民小组'],
      ]),
    });
    expect(
      rosterFor('villagerGroup', snapshot, { villagerGroup: '第一村民小组' }).roster.map(
        (entry) => entry.personId,
      ),
    ).toEqual(['a']);
  });
});
