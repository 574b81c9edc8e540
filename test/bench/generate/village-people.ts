import { randomUUID } from 'node:crypto';
import { grantFlags, OFFICE_HOLDERS, withVillager, type Grant } from '../common/village-offices.js';
import { CopyBuffer } from './copy-text.js';
import type { Random } from './random.js';

/** The office holders and three plain villagers: the people every generated matter may name. */
const MEMBERS = {
  ...OFFICE_HOLDERS,
  villager1: [],
  villager2: [],
  villager3: [],
} satisfies Record<string, Grant[]>;

export type MemberKey = keyof typeof MEMBERS;
export type PersonKey = MemberKey | 'township' | 'district';
export const MEMBER_KEYS = Object.keys(MEMBERS) as MemberKey[];

export interface BenchPerson {
  key: PersonKey;
  personId: string;
  accountId: string;
}

export interface BenchVillage {
  id: string;
  name: string;
  townshipId: string;
  people: Record<PersonKey, BenchPerson>;
}

/** When the people and their roles were registered: before any matter the bench generates. */
const REGISTERED_AT = '2020-01-01T00:00:00.000Z';
const VALID_FROM = '2020-01-01';
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙马朱胡郭何林罗高'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华兰福贵春海'];

/**
 * Rows for regions, people, accounts, memberships and posts, gathered for COPY. Office holders get an
 * account (they log in); the other villagers are people with a membership only, as in a real village.
 */
export class Population {
  readonly region = new CopyBuffer('region', ['id', 'kind', 'name', 'parent_id', 'created_at']);
  readonly person = new CopyBuffer('person', ['id', 'name', 'phone', 'created_at']);
  readonly account = new CopyBuffer('account', [
    'id',
    'person_id',
    'username',
    'password_hash',
    'disabled_at',
    'created_at',
  ]);
  readonly membership = new CopyBuffer('membership', [
    'village_id',
    'id',
    'person_id',
    'role',
    'vc_chair',
    'supervisor_chair',
    'voting_rights',
    'household',
    'valid_from',
    'valid_to',
    'created_at',
  ]);
  readonly officialPost = new CopyBuffer('official_post', [
    'id',
    'region_id',
    'person_id',
    'role',
    'valid_from',
    'valid_to',
    'created_at',
  ]);
  private readonly officials = new Map<string, BenchPerson>();
  private readonly tag = randomUUID().slice(0, 6);
  private people = 0;

  constructor(
    private readonly random: Random,
    private readonly passwordHash: string,
  ) {}

  get buffers(): CopyBuffer[] {
    return [this.region, this.person, this.account, this.membership, this.officialPost];
  }

  addDistrict(name: string): string {
    const id = randomUUID();
    this.region.add([id, 'district', name, null, REGISTERED_AT]);
    this.officials.set(id, this.addOfficial('district', id, 'district_admin'));
    return id;
  }

  addTownship(districtId: string, name: string): string {
    const id = randomUUID();
    this.region.add([id, 'township', name, districtId, REGISTERED_AT]);
    this.officials.set(id, this.addOfficial('township', id, 'township_officer'));
    return id;
  }

  /**
   * The villages the bench acts in itself (templates, measured events), 20 villagers each, in a district
   * of their own: the generated district then holds exactly the villages and matters its plan asks for.
   */
  addMeasuringVillages(...names: string[]): BenchVillage[] {
    const district = this.addDistrict('测量区');
    const township = this.addTownship(district, '测量镇');
    return names.map((name) => this.addVillage(district, township, name, 20));
  }

  /** A village with every office held, and `villagers` more people who hold no office. */
  addVillage(districtId: string, townshipId: string, name: string, villagers: number): BenchVillage {
    const id = randomUUID();
    this.region.add([id, 'village', name, townshipId, REGISTERED_AT]);
    const people = {
      township: this.officials.get(townshipId)!,
      district: this.officials.get(districtId)!,
    } as Record<PersonKey, BenchPerson>;
    MEMBER_KEYS.forEach((key, index) => {
      const person = this.addPerson(key, true);
      const household = `H${String(index + 1).padStart(3, '0')}`;
      for (const grant of withVillager(MEMBERS[key])) {
        this.addMembership(id, person.personId, grant, household);
      }
      people[key] = person;
    });
    for (let index = 0; index < villagers; index++) {
      const person = this.addPerson('villager3', false);
      const household = `H${String(MEMBER_KEYS.length + 1 + Math.floor(index / 3)).padStart(3, '0')}`;
      this.addMembership(id, person.personId, { role: 'villager' }, household);
    }
    return { id, name, townshipId, people };
  }

  private addOfficial(key: 'township' | 'district', regionId: string, role: string): BenchPerson {
    const person = this.addPerson(key, true);
    this.officialPost.add([randomUUID(), regionId, person.personId, role, VALID_FROM, null, REGISTERED_AT]);
    return person;
  }

  private addPerson(key: PersonKey, withAccount: boolean): BenchPerson {
    const person = { key, personId: randomUUID(), accountId: randomUUID() };
    const name = this.random.pick(SURNAMES) + this.random.pick(GIVEN) + this.random.pick(GIVEN);
    this.person.add([person.personId, name, null, REGISTERED_AT]);
    if (withAccount) {
      const username = `${key}-${this.tag}-${++this.people}`.toLowerCase();
      this.account.add([person.accountId, person.personId, username, this.passwordHash, null, REGISTERED_AT]);
    }
    return person;
  }

  private addMembership(villageId: string, personId: string, grant: Grant, household: string): void {
    const { vcChair, supervisorChair, votingRights } = grantFlags(grant);
    this.membership.add([
      villageId,
      randomUUID(),
      personId,
      grant.role,
      vcChair,
      supervisorChair,
      votingRights,
      household,
      VALID_FROM,
      null,
      REGISTERED_AT,
    ]);
  }
}

/** The engine's view of a bench person. */
export const actorOf = (village: BenchVillage, key: PersonKey) => ({
  kind: 'person' as const,
  accountId: village.people[key].accountId,
  personId: village.people[key].personId,
  name: key,
});
