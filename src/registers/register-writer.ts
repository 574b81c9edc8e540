import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { LocalTime } from '../common/local-time.js';
import { VOTING_ROLES } from '../identity/village-people.service.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import type { PersonEntity } from '../identity/person.entity.js';
import type { HouseholdEntity } from './household.entity.js';
import type { RegisterColumn } from './register-layout.js';
import type { MatchedRow } from './register-matching.js';
import { RegisterStanding } from './register-standing.js';
import type { ImportSummary, RegisterWrite } from './register-write.js';
import { RegistersRepository } from './registers.repository.js';

/** A person's fields a row states, each by its column (the name is always there). */
const FIELD_COLUMNS = {
  phone: 'phone',
  householdId: 'household',
  relationToHead: 'relation',
  birthDate: 'birthDate',
  gender: 'gender',
} as const satisfies Partial<Record<keyof PersonEntity, RegisterColumn>>;

/** A checked file's rows, matched to the register's people, and the columns its header has. */
export interface MatchedFile {
  matched: MatchedRow[];
  /** What the file has no column for, it does not say: those facts are left as they are. */
  columns: ReadonlySet<RegisterColumn>;
}
/**
 * A row's change to who votes: a voting role, or a party member's vote, given (`gained`) or taken; or an
 * entry on the collective's member register (who sits in the member assembly and shares in what it
 * distributes) begun or ended; or the name or birth date of someone who votes or is a member changed (who
 * they are; whether they are of age decides whether they sit on a roster).
 */
export interface VoterChange {
  line: number;
  personId: string;
  gained: boolean;
  /** A role, an entry on the member register, or a voter's name or birth date (adulthood, so a seat). */
  of: 'role' | 'memberRegister' | 'name' | 'birthDate';
}

/**
 * Writes a checked register file into the registers: households by code, people matched or added, and the
 * roles, member-register entries and represented households the rows state, from the date given. A role
 * or entry that begins after that date is moved to it, never given twice. A column the file lacks changes
 * nothing of what it would state (a sheet of names and phone numbers ends nobody's membership). Reports what
 * changed who votes.
 */
@Injectable()
export class RegisterWriter {
  constructor(
    private readonly registers: RegistersRepository,
    private readonly memberships: MembershipRepository,
    private readonly standing: RegisterStanding,
    private readonly time: LocalTime,
  ) {}

  /** Writes the matched rows from `from` on, in the transaction given; the caller checks and traces. */
  async write(
    db: EntityManager,
    villageId: string,
    { matched, columns }: MatchedFile,
    existing: HouseholdEntity[],
    registered: number,
    from: string,
  ): Promise<{ summary: ImportSummary; voterChanges: VoterChange[] }> {
    const voterChanges: VoterChange[] = [];
    const summary: ImportSummary = {
      rows: matched.length,
      people: { created: 0, updated: 0, unchanged: 0 },
      households: { created: 0, updated: 0 },
      roles: { started: 0, ended: 0 },
      members: { entered: 0, left: 0 },
      notListed: registered - matched.filter((entry) => entry.person).length,
      linesWithoutHousehold: matched.filter((entry) => !entry.row.household).map((entry) => entry.row.line),
    };
    const write: RegisterWrite = { db, villageId, from, now: this.time.now(), columns, summary };
    const householdIds = await this.upsertHouseholds(write, matched, existing);
    const personIds = new Map<MatchedRow, string>();
    const identityChanges = new Map(matched.map((entry) => [entry, identityChangesOf(entry, columns)]));
    for (const entry of matched) personIds.set(entry, await this.upsertPerson(write, entry, householdIds));
    for (const [code, id] of householdIds) {
      const head = matched.find((entry) => entry.row.household === code && entry.row.head);
      if (head)
        await this.registers.updateHousehold(db, { villageId, id, headPersonId: personIds.get(head)! });
    }
    const held = await this.memberships.heldOnOrAfter(db, villageId, from);
    const members = await this.registers.memberEntriesOnOrAfter(db, villageId, from);
    for (const entry of matched) {
      const personId = personIds.get(entry)!;
      const mine = held.filter((membership) => membership.personId === personId);
      const roleChanges = await this.standing.syncRoles(write, personId, entry.row, mine);
      const memberChange = await this.standing.syncMember(write, personId, entry.row, members.get(personId));
      const votes = mine.some((membership) => VOTING_ROLES.has(membership.role)) || members.has(personId);
      const line = entry.row.line;
      voterChanges.push(
        ...(votes ? identityChanges.get(entry)!.map((of) => ({ line, personId, gained: false, of })) : []),
        ...roleChanges.map((change) => ({ ...change, line, personId, of: 'role' as const })),
        ...(memberChange ? [{ ...memberChange, line, personId, of: 'memberRegister' as const }] : []),
      );
      const representative = (await this.memberships.validForPerson(db, villageId, personId, from)).find(
        (membership) => membership.role === 'representative',
      );
      if (representative && columns.has('representedHouseholds')) {
        const represented = entry.row.representedHouseholds.map((code) => householdIds.get(code)!);
        await this.registers.setRepresentedHouseholds(db, villageId, representative, represented);
      }
    }
    return { summary, voterChanges };
  }

  private async upsertHouseholds(
    { db, villageId, summary, now }: RegisterWrite,
    matched: MatchedRow[],
    existing: HouseholdEntity[],
  ): Promise<Map<string, string>> {
    const ids = new Map(existing.map((household) => [household.code, household.id]));
    const codes = [
      ...new Set(matched.flatMap((entry) => [entry.row.household, ...entry.row.representedHouseholds])),
    ];
    for (const code of codes.filter(Boolean)) {
      const group =
        matched.find((entry) => entry.row.household === code && entry.row.villagerGroup)?.row.villagerGroup ??
        null;
      const known = existing.find((household) => household.code === code);
      if (!known) {
        const id = randomUUID();
        await this.registers.insertHousehold(db, {
          villageId,
          id,
          code,
          villagerGroup: group,
          address: null,
          headPersonId: null,
          createdAt: now,
        });
        ids.set(code, id);
        summary.households.created += 1;
      } else if (group !== null && known.villagerGroup !== group) {
        await this.registers.updateHousehold(db, { villageId, id: known.id, villagerGroup: group });
        summary.households.updated += 1;
      }
    }
    return ids;
  }

  private async upsertPerson(
    { db, villageId, columns, summary, now }: RegisterWrite,
    { row, person, id }: MatchedRow,
    householdIds: Map<string, string>,
  ): Promise<string> {
    const stated = {
      phone: row.phone,
      householdId: row.household ? householdIds.get(row.household)! : null,
      relationToHead: row.relation,
      birthDate: row.birthDate,
      gender: row.gender,
    };
    const fields = {
      name: row.name,
      ...Object.fromEntries(
        Object.entries(stated).filter(([key]) => columns.has(FIELD_COLUMNS[key as keyof typeof stated])),
      ),
      ...(id ? { idNumberHash: id.hash, idNumberMasked: id.masked } : {}),
    } as Partial<PersonEntity> & { name: string };
    if (!person) {
      const created: PersonEntity = {
        id: randomUUID(),
        homeRegionId: villageId,
        createdAt: now,
        idNumberHash: null,
        idNumberMasked: null,
        phone: null,
        ...fields,
      };
      await this.registers.insertPerson(db, created);
      summary.people.created += 1;
      return created.id;
    }
    const changed = (Object.keys(fields) as (keyof typeof fields)[]).some(
      (key) => (person[key] ?? null) !== (fields[key] ?? null),
    );
    if (changed) {
      await this.registers.updatePerson(db, person.id, fields);
      summary.people.updated += 1;
    } else summary.people.unchanged += 1;
    return person.id;
  }
}

/** What a row changes of who a person on the register is: their name (a correction), their birth date. */
function identityChangesOf(
  { row, person }: MatchedRow,
  columns: ReadonlySet<RegisterColumn>,
): ('name' | 'birthDate')[] {
  if (!person) return [];
  const born = columns.has('birthDate') && (person.birthDate ?? null) !== (row.birthDate ?? null);
  return [
    ...(person.name !== row.name ? (['name'] as const) : []),
    ...(born ? (['birthDate'] as const) : []),
  ];
}
