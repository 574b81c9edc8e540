import { randomUUID } from 'node:crypto';
import type { VillageRole } from '../../src/identity/membership.entity.js';
import { MembershipRepository } from '../../src/identity/membership.repository.js';
import type { OfficialRole } from '../../src/identity/official-post.entity.js';
import { PasswordHasher } from '../../src/identity/password-hasher.js';
import { PeopleRepository } from '../../src/identity/people.repository.js';
import { RegionRepository } from '../../src/identity/region.repository.js';
import { TokenService } from '../../src/identity/token.service.js';
import { RegistersRepository } from '../../src/registers/registers.repository.js';
import type { TestApp } from '../support/test-app.js';

export const TEST_PASSWORD = 'correct horse battery';

type Grant = { role: VillageRole; vcChair?: boolean; supervisorChair?: boolean; votingRights?: boolean };
type Member = { grants: Grant[]; household: string };

/** The people of a test village, by key; every one is also a villager of their own household. */
const MEMBERS = {
  secretary: {
    grants: [{ role: 'secretary' }, { role: 'committee_member', vcChair: true }, { role: 'party_member' }],
    household: 'H01',
  },
  committee1: { grants: [{ role: 'committee_member' }, { role: 'party_member' }], household: 'H02' },
  committee2: { grants: [{ role: 'committee_member' }], household: 'H03' },
  supervisor: { grants: [{ role: 'supervisor', supervisorChair: true }], household: 'H04' },
  supervisor2: { grants: [{ role: 'supervisor' }], household: 'H05' },
  party1: { grants: [{ role: 'party_member' }], household: 'H06' },
  party2: { grants: [{ role: 'party_member' }], household: 'H07' },
  party3: { grants: [{ role: 'party_member' }], household: 'H08' },
  party4: { grants: [{ role: 'party_member', votingRights: false }], household: 'H09' },
  party5: { grants: [{ role: 'party_member' }], household: 'H10' },
  rep1: { grants: [{ role: 'representative' }], household: 'H11' },
  rep2: { grants: [{ role: 'representative' }], household: 'H12' },
  rep3: { grants: [{ role: 'representative' }], household: 'H13' },
  rep4: { grants: [{ role: 'representative' }], household: 'H14' },
  rep5: { grants: [{ role: 'representative' }], household: 'H15' },
  villager1: { grants: [], household: 'H11' },
  villager2: { grants: [], household: 'H16' },
  villager3: { grants: [], household: 'H17' },
} satisfies Record<string, Member>;

export type MemberKey = keyof typeof MEMBERS | 'township' | 'inspector' | 'district';

export interface WorldPerson {
  personId: string;
  accountId: string;
  username: string;
  token: string;
}

export interface VillageWorld {
  districtId: string;
  townshipId: string;
  villageId: string;
  people: Record<MemberKey, WorldPerson>;
}

/**
 * Builds district → township → village with people in every role, their accounts (all with
 * TEST_PASSWORD) and bearer tokens. Pass `within` to add a village to an existing township.
 */
export async function createVillage(
  testApp: TestApp,
  options: { secretaryIsVcChair?: boolean; within?: VillageWorld; since?: string } = {},
): Promise<VillageWorld> {
  const regions = testApp.get(RegionRepository);
  const people = testApp.get(PeopleRepository);
  const memberships = testApp.get(MembershipRepository);
  const registers = testApp.get(RegistersRepository);
  const tokens = testApp.get(TokenService);
  const passwordHash = await testApp.get(PasswordHasher).hash(TEST_PASSWORD);
  const now = testApp.clock.now();
  const since = options.since ?? '2025-01-01';
  const suffix = randomUUID().slice(0, 8);

  return testApp.dataSource.transaction(async (db) => {
    const region = async (kind: 'district' | 'township' | 'village', parentId: string | null) => {
      const id = randomUUID();
      await regions.insert(db, { id, kind, name: `${kind}-${suffix}`, parentId, createdAt: now });
      return id;
    };
    const districtId = options.within?.districtId ?? (await region('district', null));
    const townshipId = options.within?.townshipId ?? (await region('township', districtId));
    const villageId = await region('village', townshipId);
    const person = async (key: string, homeRegionId: string = villageId): Promise<WorldPerson> => {
      const personId = randomUUID();
      const accountId = randomUUID();
      const username = `${key}-${suffix}`.toLowerCase();
      await people.insertPerson(db, {
        id: personId,
        name: `${key}（${suffix}）`,
        phone: null,
        homeRegionId,
        createdAt: now,
      });
      await people.insertAccount(db, {
        id: accountId,
        personId,
        username,
        passwordHash,
        disabledAt: null,
        createdAt: now,
      });
      const { token } = await tokens.issue({ accountId, personId }, db);
      return { personId, accountId, username, token };
    };

    const world = { districtId, townshipId, villageId, people: {} } as VillageWorld;
    for (const [key, member] of Object.entries(MEMBERS) as [keyof typeof MEMBERS, Member][]) {
      const created = await person(key);
      world.people[key] = created;
      const grants: Grant[] = [...member.grants, { role: 'villager' } as Grant].map((grant: Grant) =>
        key === 'secretary' && grant.vcChair && options.secretaryIsVcChair === false
          ? { ...grant, vcChair: false }
          : grant,
      );
      for (const grant of grants) {
        await memberships.insert(db, {
          villageId,
          id: randomUUID(),
          personId: created.personId,
          role: grant.role,
          vcChair: grant.vcChair ?? false,
          supervisorChair: grant.supervisorChair ?? false,
          votingRights: grant.votingRights ?? true,
          household: member.household,
          validFrom: since,
          validTo: null,
          createdAt: now,
        });
      }
      // Every villager of the test village is on the member register (成员名册) too.
      await registers.insertMemberEntry(db, {
        villageId,
        personId: created.personId,
        validFrom: since,
        validTo: null,
        basis: 'original',
        confirmedByMatterId: null,
        createdAt: now,
      });
    }
    const official = async (
      key: 'township' | 'inspector' | 'district',
      role: OfficialRole,
      regionId: string,
    ) => {
      const created = await person(key, regionId);
      await memberships.insertPost(db, {
        id: randomUUID(),
        regionId,
        personId: created.personId,
        role,
        validFrom: since,
        validTo: null,
        createdAt: now,
      });
      world.people[key] = created;
    };
    await official('township', 'township_officer', townshipId);
    await official('inspector', 'discipline_inspector', townshipId);
    await official('district', 'district_admin', districtId);
    return world;
  });
}

/** The engine's view of a test person, for medium tests that call services directly. */
export const actorOf = (world: VillageWorld, key: MemberKey) => ({
  kind: 'person' as const,
  accountId: world.people[key].accountId,
  personId: world.people[key].personId,
  name: key,
});
