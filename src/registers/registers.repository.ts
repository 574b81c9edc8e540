import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MembershipRepository } from '../identity/membership.repository.js';
import { PersonEntity } from '../identity/person.entity.js';
import type { MembershipEntity } from '../identity/membership.entity.js';
import { CollectiveMemberEntity } from './collective-member.entity.js';
import { HouseholdEntity } from './household.entity.js';
import type { RegisteredPerson, RegisterSnapshot } from './register-snapshot.js';
import { RepresentativeHouseholdEntity } from './representative-household.entity.js';

interface PersonRow {
  id: string;
  birth_date: string | null;
  gender: 'female' | 'male' | null;
  household_id: string | null;
}

/** The only door to a village's registers: households, people's register fields, the member register. */
@Injectable()
export class RegistersRepository {
  constructor(private readonly memberships: MembershipRepository) {}

  /** The registers on a date, read in four statements whatever the village's size. */
  async snapshot(db: EntityManager, villageId: string, onDate: string): Promise<RegisterSnapshot> {
    const memberships = await this.memberships.validInVillage(db, villageId, onDate);
    const members = await this.collectiveMembersOn(db, villageId, onDate);
    const ids = [...new Set([...memberships.map((membership) => membership.personId), ...members])];
    const people: PersonRow[] =
      ids.length === 0
        ? []
        : await db.query(
            `SELECT id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, gender, household_id
               FROM person WHERE id = ANY($1::uuid[])`,
            [ids],
          );
    const households = await db.findBy(HouseholdEntity, { villageId });
    return {
      onDate,
      memberships,
      people: new Map(
        people.map((row): [string, RegisteredPerson] => [
          row.id,
          { birthDate: row.birth_date, gender: row.gender, householdId: row.household_id },
        ]),
      ),
      householdGroups: new Map(households.map((household) => [household.id, household.villagerGroup])),
      collectiveMembers: new Set(members),
    };
  }

  async collectiveMembersOn(db: EntityManager, villageId: string, onDate: string): Promise<string[]> {
    const rows: { person_id: string }[] = await db.query(
      `SELECT person_id FROM collective_member
        WHERE village_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
      [villageId, onDate],
    );
    return rows.map((row) => row.person_id);
  }

  /** Each member's entry valid on `onDate` or begun after it, by person (the earliest such entry). */
  async memberEntriesOnOrAfter(
    db: EntityManager,
    villageId: string,
    onDate: string,
  ): Promise<Map<string, string>> {
    const rows: { person_id: string; valid_from: string }[] = await db.query(
      `SELECT DISTINCT ON (person_id) person_id, to_char(valid_from, 'YYYY-MM-DD') AS valid_from
         FROM collective_member
        WHERE village_id = $1 AND (valid_to IS NULL OR valid_to >= $2)
        ORDER BY person_id, valid_from`,
      [villageId, onDate],
    );
    return new Map(rows.map((row) => [row.person_id, row.valid_from]));
  }

  /** A member found to have joined earlier than recorded (an official's 补登). */
  async moveMemberEntryStart(
    db: EntityManager,
    villageId: string,
    personId: string,
    from: string,
    validFrom: string,
  ): Promise<void> {
    await db.query(
      `UPDATE collective_member SET valid_from = $4 WHERE village_id = $1 AND person_id = $2 AND valid_from = $3`,
      [villageId, personId, from, validFrom],
    );
  }

  async insertPerson(db: EntityManager, person: PersonEntity): Promise<void> {
    await db.insert(PersonEntity, person);
  }

  /** What the register says of a person (their login and id are not the register's to change). */
  async updatePerson(
    db: EntityManager,
    id: string,
    fields: Pick<PersonEntity, 'name'> &
      Partial<
        Pick<
          PersonEntity,
          | 'phone'
          | 'householdId'
          | 'relationToHead'
          | 'birthDate'
          | 'gender'
          | 'idNumberHash'
          | 'idNumberMasked'
        >
      >,
  ): Promise<void> {
    await db.update(PersonEntity, { id }, fields);
  }

  households(db: EntityManager, villageId: string): Promise<HouseholdEntity[]> {
    return db.find(HouseholdEntity, { where: { villageId }, order: { code: 'ASC' } });
  }

  async insertHousehold(db: EntityManager, household: HouseholdEntity): Promise<void> {
    await db.insert(HouseholdEntity, household);
  }

  async updateHousehold(
    db: EntityManager,
    household: Pick<HouseholdEntity, 'villageId' | 'id'> & Partial<HouseholdEntity>,
  ): Promise<void> {
    const { villageId, id, ...fields } = household;
    await db.update(HouseholdEntity, { villageId, id }, fields);
  }

  memberEntries(db: EntityManager, villageId: string): Promise<CollectiveMemberEntity[]> {
    return db.find(CollectiveMemberEntity, { where: { villageId }, order: { validFrom: 'ASC' } });
  }

  async insertMemberEntry(db: EntityManager, entry: CollectiveMemberEntity): Promise<void> {
    await db.insert(CollectiveMemberEntity, entry);
  }

  async endMemberEntry(
    db: EntityManager,
    villageId: string,
    personId: string,
    validTo: string,
  ): Promise<void> {
    // An entry begun on the day it ends (or after `validTo`) ends that day, never before it began.
    await db.query(
      `UPDATE collective_member SET valid_to = GREATEST($3::date, valid_from)
        WHERE village_id = $1 AND person_id = $2 AND valid_to IS NULL`,
      [villageId, personId, validTo],
    );
  }

  representedHouseholds(db: EntityManager, villageId: string): Promise<RepresentativeHouseholdEntity[]> {
    return db.findBy(RepresentativeHouseholdEntity, { villageId });
  }

  /** The households a representative stands for, replaced as a whole. */
  async setRepresentedHouseholds(
    db: EntityManager,
    villageId: string,
    membership: Pick<MembershipEntity, 'id'>,
    householdIds: readonly string[],
  ): Promise<void> {
    await db.delete(RepresentativeHouseholdEntity, { villageId, membershipId: membership.id });
    if (householdIds.length === 0) return;
    await db.insert(
      RepresentativeHouseholdEntity,
      householdIds.map((householdId) => ({ villageId, membershipId: membership.id, householdId })),
    );
  }
}
