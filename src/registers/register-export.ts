import type { MembershipEntity } from '../identity/membership.entity.js';
import type { PersonEntity } from '../identity/person.entity.js';
import type { CollectiveMemberEntity } from './collective-member.entity.js';
import type { HouseholdEntity } from './household.entity.js';
import { BASIS_WORDS, REGISTER_COLUMNS } from './register-layout.js';
import type { RepresentativeHouseholdEntity } from './representative-household.entity.js';

export interface RegisterContents {
  people: PersonEntity[];
  households: HouseholdEntity[];
  /** Roles held on the export's date. */
  memberships: MembershipEntity[];
  /** Member-register entries valid on the export's date. */
  members: CollectiveMemberEntity[];
  represented: RepresentativeHouseholdEntity[];
}

const yes = (flag: boolean) => (flag ? '是' : '否');

/**
 * The register in its one layout, a row per person, households in code order: what an import reads back
 * unchanged. ID numbers only ever leave masked.
 */
export function registerRows(contents: RegisterContents): string[][] {
  const household = new Map(contents.households.map((entry) => [entry.id, entry]));
  const roles = (personId: string) =>
    contents.memberships.filter((membership) => membership.personId === personId);
  const codeOf = (id: string | null | undefined) => (id ? (household.get(id)?.code ?? '') : '');
  const rows = contents.people.map((person) => {
    const held = roles(person.id);
    const find = (role: MembershipEntity['role']) => held.find((membership) => membership.role === role);
    const party = find('party_member');
    const representative = find('representative');
    const member = contents.members.find((entry) => entry.personId === person.id);
    const home = person.householdId ? household.get(person.householdId) : undefined;
    const cells: Record<(typeof REGISTER_COLUMNS)[number]['key'], string> = {
      household: home?.code ?? '',
      villagerGroup: home?.villagerGroup ?? '',
      name: person.name,
      relation: relationOf(person, home),
      gender: person.gender === 'male' ? '男' : person.gender === 'female' ? '女' : '',
      birthDate: person.birthDate ?? '',
      idNumber: person.idNumberMasked ?? '',
      resident: yes(Boolean(find('villager'))),
      member: yes(Boolean(member)),
      memberBasis: member ? BASIS_WORDS[member.basis] : '',
      representative: yes(Boolean(representative)),
      representedHouseholds: representative
        ? contents.represented
            .filter((entry) => entry.membershipId === representative.id)
            .map((entry) => codeOf(entry.householdId))
            .sort()
            .join('、')
        : '',
      memberRepresentative: yes(Boolean(find('member_representative'))),
      party: !party ? '否' : party.probationUntil || !party.votingRights ? '预备' : '正式',
      probationUntil: party?.probationUntil ?? '',
      phone: person.phone ?? '',
    };
    return REGISTER_COLUMNS.map((column) => cells[column.key]);
  });
  return rows.sort(
    (a, b) => a[0].localeCompare(b[0], 'zh-CN', { numeric: true }) || a[2].localeCompare(b[2], 'zh-CN'),
  );
}

/** 与户主关系 as loaded; 户主 only for the household's head as it stands (a head replaced since is no longer). */
function relationOf(person: PersonEntity, home: HouseholdEntity | undefined): string {
  if (home?.headPersonId === person.id) return '户主';
  return person.relationToHead === '户主' ? '' : (person.relationToHead ?? '');
}
