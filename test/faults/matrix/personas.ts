import type { Role } from '../../../workflows/index.js';
import type { MemberKey } from '../../factories/village.factory.js';

/** Who knocks: nobody, or one person of the test village standing for a kind of user. */
export type PersonaKey =
  | 'anonymous'
  | 'villager'
  | 'representative'
  | 'partyMember'
  | 'committeeMember'
  | 'secretary'
  | 'supervisor'
  | 'townshipOfficer'
  | 'disciplineInspector'
  | 'districtAdmin';

export interface Persona {
  key: PersonaKey;
  /** The person of `createVillage` who plays it; none for the anonymous caller. */
  member: MemberKey | null;
  /**
   * The roles the person holds in the own village (see MEMBERS in village.factory.ts: everyone is also a
   * villager; flags give vc_chair, supervisor_chair, voting_party_member). Written out here rather than
   * asked of the app, so the table does not trust what it tests.
   */
  villageRoles: readonly Role[];
  /** Where a post gives them the village's roles: the township (and for the district, the district). */
  official: 'township' | 'district' | null;
}

export const PERSONAS: readonly Persona[] = [
  { key: 'anonymous', member: null, villageRoles: [], official: null },
  { key: 'villager', member: 'villager1', villageRoles: ['villager'], official: null },
  {
    key: 'representative',
    member: 'rep1',
    villageRoles: ['representative', 'villager'],
    official: null,
  },
  {
    key: 'partyMember',
    member: 'party1',
    villageRoles: ['party_member', 'voting_party_member', 'villager'],
    official: null,
  },
  {
    key: 'committeeMember',
    member: 'committee2',
    villageRoles: ['committee_member', 'villager'],
    official: null,
  },
  {
    key: 'secretary',
    member: 'secretary',
    villageRoles: [
      'secretary',
      'committee_member',
      'vc_chair',
      'party_member',
      'voting_party_member',
      'villager',
    ],
    official: null,
  },
  {
    key: 'supervisor',
    member: 'supervisor',
    villageRoles: ['supervisor', 'supervisor_chair', 'villager'],
    official: null,
  },
  { key: 'townshipOfficer', member: 'township', villageRoles: ['township_officer'], official: 'township' },
  {
    key: 'disciplineInspector',
    member: 'inspector',
    villageRoles: ['discipline_inspector'],
    official: 'township',
  },
  { key: 'districtAdmin', member: 'district', villageRoles: ['district_admin'], official: 'district' },
];

export const personaNamed = (key: PersonaKey): Persona => PERSONAS.find((persona) => persona.key === key)!;
