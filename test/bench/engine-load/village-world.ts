import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { PersonActor } from '../../../src/identity/actor.js';
import { MembershipRepository } from '../../../src/identity/membership.repository.js';
import { PasswordHasher } from '../../../src/identity/password-hasher.js';
import { PeopleRepository } from '../../../src/identity/people.repository.js';
import { RegionRepository } from '../../../src/identity/region.repository.js';
import { TokenService } from '../../../src/identity/token.service.js';
import type { BenchApp } from '../common/bench-app.js';
import { grantFlags, OFFICE_HOLDERS, withVillager, type Grant } from '../common/village-offices.js';

/** The people the A1 procedure needs, as the medium tests build a village. */
const MEMBERS = { ...OFFICE_HOLDERS, villager1: [], villager2: [] } satisfies Record<string, Grant[]>;

export type MemberKey = keyof typeof MEMBERS;

export interface BenchPerson {
  actor: PersonActor;
  /** Bearer token for the HTTP API. */
  token: string;
}

export interface BenchVillage {
  villageId: string;
  people: Record<MemberKey, BenchPerson>;
}

const SINCE = '2020-01-01';

/** `count` villages under one township, each with its people, their accounts and bearer tokens. */
export async function createVillages(bench: BenchApp, count: number, label: string): Promise<BenchVillage[]> {
  const regions = bench.get(RegionRepository);
  const now = bench.clock.now();
  // One scrypt for everyone: nobody logs in with a password during the bench, tokens are issued directly.
  const passwordHash = await bench.get(PasswordHasher).hash(randomUUID());
  return bench.get(DataSource).transaction(async (db) => {
    const region = async (
      kind: 'district' | 'township' | 'village',
      name: string,
      parentId: string | null,
    ) => {
      const id = randomUUID();
      await regions.insert(db, { id, kind, name, parentId, createdAt: now });
      return id;
    };
    const districtId = await region('district', `${label} 区`, null);
    const townshipId = await region('township', `${label} 镇`, districtId);
    const villages: BenchVillage[] = [];
    for (let index = 0; index < count; index++) {
      const villageId = await region('village', `${label} 村 ${index + 1}`, townshipId);
      villages.push({ villageId, people: await createPeople(bench, db, villageId, passwordHash) });
    }
    return villages;
  });
}

async function createPeople(
  bench: BenchApp,
  db: EntityManager,
  villageId: string,
  passwordHash: string,
): Promise<Record<MemberKey, BenchPerson>> {
  const people = bench.get(PeopleRepository);
  const memberships = bench.get(MembershipRepository);
  const tokens = bench.get(TokenService);
  const now = bench.clock.now();
  const created = {} as Record<MemberKey, BenchPerson>;
  let household = 0;
  for (const [key, grants] of Object.entries(MEMBERS) as [MemberKey, Grant[]][]) {
    const personId = randomUUID();
    const accountId = randomUUID();
    const name = `${key}-${villageId.slice(0, 8)}`;
    await people.insertPerson(db, {
      id: personId,
      name,
      phone: null,
      homeRegionId: villageId,
      createdAt: now,
    });
    await people.insertAccount(db, {
      id: accountId,
      personId,
      username: name,
      passwordHash,
      disabledAt: null,
      createdAt: now,
    });
    household++;
    for (const grant of withVillager(grants)) {
      await memberships.insert(db, {
        villageId,
        id: randomUUID(),
        personId,
        role: grant.role,
        ...grantFlags(grant),
        household: `H${household}`,
        validFrom: SINCE,
        validTo: null,
        createdAt: now,
      });
    }
    const { token } = await tokens.issue({ accountId, personId }, db);
    created[key] = { actor: { kind: 'person', accountId, personId, name }, token };
  }
  return created;
}
