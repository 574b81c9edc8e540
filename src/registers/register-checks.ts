import type { MembershipEntity } from '../identity/membership.entity.js';
import type { RegisteredPerson } from './register-snapshot.js';
import type { RepresentativeHouseholdEntity } from './representative-household.entity.js';

export interface RegisterCheckInput {
  memberships: readonly MembershipEntity[];
  people: ReadonlyMap<string, RegisteredPerson>;
  households: number;
  represented: readonly RepresentativeHouseholdEntity[];
}

export interface RegisterChecks {
  representativeMeeting: { members: number; representatives: number; women: number; genderUnknown: number };
  memberRepresentatives: number;
  warnings: string[];
}

const ART_25 = '村民委员会组织法第二十五条（2026 年 1 月 1 日起第二十九条）';
const ART_28 = '农村集体经济组织法第二十八条';

/**
 * How the registers measure up to the law's composition rules, as warnings for the village to act on
 * (the meeting is still held): the representative meeting is the committee members and the
 * representatives, four fifths of them representatives and a third of them women, each representative
 * standing for 5 to 15 households; the member representative assembly has more than twenty members.
 */
export function checkRegisters(input: RegisterCheckInput): RegisterChecks {
  const holders = (role: MembershipEntity['role']) =>
    new Set(
      input.memberships
        .filter((membership) => membership.role === role)
        .map((membership) => membership.personId),
    );
  const representatives = holders('representative');
  const members = new Set([...holders('committee_member'), ...representatives]);
  const genders = [...members].map((personId) => input.people.get(personId)?.gender ?? null);
  const women = genders.filter((gender) => gender === 'female').length;
  const genderUnknown = genders.filter((gender) => gender === null).length;
  const warnings: string[] = [];
  if (members.size > 0 && representatives.size * 5 < members.size * 4) {
    warnings.push(
      `村民代表应占村民代表会议组成人员的五分之四以上，现为 ${representatives.size}/${members.size}（${ART_25}）`,
    );
  }
  if (members.size > 0 && women * 3 < members.size) {
    warnings.push(
      `妇女应占村民代表会议组成人员的三分之一以上，现为 ${women}/${members.size}${genderUnknown ? `，另有 ${genderUnknown} 人未登记性别` : ''}（${ART_25}）`,
    );
  }
  const byRepresentative = new Map<string, number>();
  for (const entry of input.represented)
    byRepresentative.set(entry.membershipId, (byRepresentative.get(entry.membershipId) ?? 0) + 1);
  const representativeMemberships = input.memberships.filter(
    (membership) => membership.role === 'representative',
  );
  const outside = representativeMemberships.filter((membership) => {
    const count = byRepresentative.get(membership.id) ?? 0;
    return count < 5 || count > 15;
  });
  if (outside.length > 0) {
    warnings.push(
      `${outside.length} 名村民代表所代表的户数不在 5 至 15 户之间（或未登记代表户）（${ART_25}）`,
    );
  }
  const coveredHouseholds = new Set(
    input.represented
      .filter((entry) => representativeMemberships.some((membership) => membership.id === entry.membershipId))
      .map((entry) => entry.householdId),
  );
  if (representativeMemberships.length > 0 && coveredHouseholds.size < input.households) {
    warnings.push(`${input.households - coveredHouseholds.size} 户没有登记由哪位村民代表代表`);
  }
  const memberRepresentatives = holders('member_representative').size;
  if (memberRepresentatives > 0 && memberRepresentatives <= 20) {
    warnings.push(`成员代表应在二十人以上，现为 ${memberRepresentatives} 人（${ART_28}）`);
  }
  return {
    representativeMeeting: {
      members: members.size,
      representatives: representatives.size,
      women,
      genderUnknown,
    },
    memberRepresentatives,
    warnings,
  };
}
