import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { TraceService } from '../engine/trace.service.js';
import { SheetReadError } from '../export/sheet-read-error.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { officialRoleOf, VOTING_ROLES } from '../identity/village-people.service.js';
import { AppSettingRepository } from '../identity/app-setting.repository.js';
import type { MembershipEntity, VillageRole } from '../identity/membership.entity.js';
import { MembershipRepository } from '../identity/membership.repository.js';
import { PeopleRepository } from '../identity/people.repository.js';
import type { PersonEntity } from '../identity/person.entity.js';
import { addDays } from '../time/calendar.js';
import type { HouseholdEntity } from './household.entity.js';
import { readRegisterTable } from './register-file.js';
import {
  readHeader,
  readRow,
  type RegisterColumn,
  type RegisterRow,
  type RowProblem,
} from './register-layout.js';
import { matchRows, type MatchedRow } from './register-matching.js';
import { RegistersRepository } from './registers.repository.js';

/** Who may load a village's register: its secretary, and the township and district above it. */
export const IMPORTERS = ['secretary', 'township_officer', 'district_admin'] as const;
/** The roles a register row gives or takes away; cadres and supervisors are appointed elsewhere. */
const REGISTER_ROLES: readonly VillageRole[] = [
  'villager',
  'representative',
  'member_representative',
  'party_member',
];
const SALT_SETTING = 'register.idNumberSalt';

/** A row's change to who votes: a voting role, or a party member's vote, given (`gained`) or taken. */
interface VoterChange {
  line: number;
  personId: string;
  gained: boolean;
}

export interface ImportSummary {
  rows: number;
  people: { created: number; updated: number; unchanged: number };
  households: { created: number; updated: number };
  roles: { started: number; ended: number };
  members: { entered: number; left: number };
  /** People on the register the file did not list: left as they are. */
  notListed: number;
  /** Lines with no 户号 (a cell merged down from above counts as filled): loaded, but in no household. */
  linesWithoutHousehold: number[];
}

/**
 * Loads a village's register from its Excel or CSV 花名册 in the one documented layout. Every row is
 * checked first and every problem named (row, column, in Chinese); with any problem nothing is stored.
 * Otherwise, in one transaction: households by code, people matched (ID hash, masked ID, or household and
 * name) or added, and the roles, member-register entries and represented households the rows state,
 * from the date given (today by default). People the file leaves out are kept.
 */
@Injectable()
export class RegisterImportService implements OnApplicationBootstrap {
  /** The ID numbers' salt, made once per installation at start (never by a request, which may be refused). */
  private salt?: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registers: RegistersRepository,
    private readonly memberships: MembershipRepository,
    private readonly people: PeopleRepository,
    private readonly settings: AppSettingRepository,
    private readonly traces: TraceService,
    private readonly time: LocalTime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.salt ??= await this.settings.getOrCreate(SALT_SETTING, randomBytes(32).toString('hex'));
  }

  async import(actor: PersonActor, villageId: string, file: Buffer, from?: string): Promise<ImportSummary> {
    const today = this.time.today();
    const roles = await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, today);
    if (!IMPORTERS.some((role) => roles.has(role))) throw new DomainError('AUTH.FORBIDDEN');
    // Before the app has started (the demo seed runs during start-up), the salt is made here.
    const salt = this.salt ?? (await this.onApplicationBootstrap(), this.salt!);
    return this.dataSource.transaction(async (db) => {
      const { rows, problems } = this.rowsOf(file);
      const people = await this.registers.peopleOf(db, villageId);
      const households = await this.registers.households(db, villageId);
      const { matched, problems: unmatched } = matchRows(rows, people, households, salt);
      problems.push(...unmatched, ...householdProblems(rows), ...representedProblems(rows, households));
      if (problems.length > 0) throw invalid(problems);
      const official = officialRoleOf(roles);
      const date = from ?? today;
      const { summary, voterChanges } = await this.apply(
        db,
        villageId,
        matched,
        households,
        people.length,
        date,
      );
      await this.requireVoterChangesByTownship(db, official !== undefined, voterChanges);
      // The first load (建档) states the register as it stood; after it, a secretary's changes to who
      // holds a vote run from today on, as with a role granted by hand: a representative dated back would
      // join a roster after the fact. Officials correct the past. (The transaction undoes what was applied.)
      const votersChanged =
        summary.roles.started + summary.roles.ended + summary.members.entered + summary.members.left > 0;
      if (!official && date < today && households.length > 0 && votersChanged) {
        throw new DomainError(
          'MEMBERSHIP.BACKDATED',
          { date, today },
          '花名册建档后，村党组织书记导入的角色和成员变动只能从今天或以后生效；补登过去的变动须由乡镇（街道）干部办理',
        );
      }
      await this.traces.appendVillageAct(db, {
        villageId,
        actorPersonId: actor.personId,
        actorRole: official ?? 'secretary',
        eventType: 'IMPORT_REGISTER',
        payload: { from: date, fileSha256: createHash('sha256').update(file).digest('hex'), ...summary },
        at: this.time.now(),
      });
      return summary;
    });
  }

  /**
   * Who votes is the township's to record, as by hand (`VillagePeopleService`): a secretary's file that
   * gives or takes a representative's, party member's or member representative's role, or a party member's
   * vote, is refused whole, naming its rows. An official's file may not give a vote to someone whose login
   * a village cadre opened, until the township has set that login's password again.
   */
  private async requireVoterChangesByTownship(
    db: EntityManager,
    byOfficial: boolean,
    changes: readonly VoterChange[],
  ): Promise<void> {
    const lines = (of: readonly VoterChange[]) =>
      [...new Set(of.map((change) => change.line))].sort((a, b) => a - b);
    if (!byOfficial && changes.length > 0) {
      throw new DomainError(
        'MEMBERSHIP.VOTER_BY_TOWNSHIP',
        { lines: lines(changes) },
        `第 ${lines(changes).slice(0, 10).join('、')} 行改变了这些身份，未导入任何内容`,
      );
    }
    const given = changes.filter((change) => change.gained);
    const held = new Set(
      await this.people.withLoginOpenedInVillage(db, [...new Set(given.map((change) => change.personId))]),
    );
    const blocked = given.filter((change) => held.has(change.personId));
    if (blocked.length > 0) {
      throw new DomainError(
        'ACCOUNT.RESET_BEFORE_VOTE',
        { lines: lines(blocked), personIds: [...held] },
        `第 ${lines(blocked).slice(0, 10).join('、')} 行的人，未导入任何内容`,
      );
    }
  }

  /** The file's rows, and every problem of their cells (reported together with those found later). */
  private rowsOf(file: Buffer): { rows: RegisterRow[]; problems: RowProblem[] } {
    let table;
    try {
      table = readRegisterTable(file);
    } catch (error) {
      if (error instanceof SheetReadError)
        throw new DomainError('REGISTER.FILE_INVALID', { code: error.code }, error.message);
      throw error;
    }
    const [header = [], ...body] = table.rows;
    const { columns, problems } = readHeader(header);
    const rows: RegisterRow[] = [];
    body.forEach((cells, index) => {
      if (cells.every((cell) => cell === null || String(cell).trim() === '')) return;
      const byColumn = Object.fromEntries(
        columns.flatMap((column, position) => (column ? [[column, cells[position]]] : [])),
      ) as Record<RegisterColumn, (typeof cells)[number]>;
      const read = readRow(index + 2, byColumn, table.excelDate);
      problems.push(...read.problems);
      if (read.row) rows.push(read.row);
    });
    if (problems.some((problem) => problem.line === 1)) throw invalid(problems);
    if (rows.length === 0 && problems.length === 0) {
      throw new DomainError('REGISTER.FILE_INVALID', {}, '文件中没有人员');
    }
    return { rows, problems };
  }

  private async apply(
    db: EntityManager,
    villageId: string,
    matched: MatchedRow[],
    existing: HouseholdEntity[],
    registered: number,
    from: string,
  ): Promise<{ summary: ImportSummary; voterChanges: VoterChange[] }> {
    const now = this.time.now();
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
    const householdIds = await this.upsertHouseholds(db, villageId, matched, existing, summary);
    const personIds = new Map<MatchedRow, string>();
    for (const entry of matched) {
      personIds.set(entry, await this.upsertPerson(db, villageId, entry, householdIds, summary, now));
    }
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
      const roleChanges = await this.syncRoles(db, villageId, personId, entry.row, mine, from, summary, now);
      voterChanges.push(...roleChanges.map((change) => ({ ...change, line: entry.row.line, personId })));
      await this.syncMember(db, villageId, personId, entry.row, members.get(personId), from, summary, now);
      const representative = (await this.memberships.validForPerson(db, villageId, personId, from)).find(
        (membership) => membership.role === 'representative',
      );
      if (representative) {
        const represented = entry.row.representedHouseholds.map((code) => householdIds.get(code)!);
        await this.registers.setRepresentedHouseholds(db, villageId, representative, represented);
      }
    }
    return { summary, voterChanges };
  }

  private async upsertHouseholds(
    db: EntityManager,
    villageId: string,
    matched: MatchedRow[],
    existing: HouseholdEntity[],
    summary: ImportSummary,
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
          createdAt: this.time.now(),
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
    db: EntityManager,
    villageId: string,
    { row, person, id }: MatchedRow,
    householdIds: Map<string, string>,
    summary: ImportSummary,
    now: Date,
  ): Promise<string> {
    const fields = {
      name: row.name,
      phone: row.phone,
      householdId: row.household ? householdIds.get(row.household)! : null,
      relationToHead: row.relation,
      birthDate: row.birthDate,
      gender: row.gender,
      ...(id ? { idNumberHash: id.hash, idNumberMasked: id.masked } : {}),
    };
    if (!person) {
      const created: PersonEntity = {
        id: randomUUID(),
        homeRegionId: villageId,
        createdAt: now,
        idNumberHash: null,
        idNumberMasked: null,
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

  /**
   * Gives the roles the row states and ends those it no longer does, from the date given. Returns the
   * changes to who votes: a voting role given or ended, a party member's vote given or taken.
   */
  private async syncRoles(
    db: EntityManager,
    villageId: string,
    personId: string,
    row: RegisterRow,
    held: MembershipEntity[],
    from: string,
    summary: ImportSummary,
    now: Date,
  ): Promise<{ gained: boolean }[]> {
    const changes: { gained: boolean }[] = [];
    const wanted: Record<string, boolean> = {
      villager: row.resident,
      representative: row.representative,
      member_representative: row.memberRepresentative,
      party_member: row.party !== 'none',
    };
    for (const role of REGISTER_ROLES) {
      const current = held.find((membership) => membership.role === role);
      if (current && !wanted[role]) {
        await this.memberships.end(db, villageId, current.id, dayBefore(from, current.validFrom));
        summary.roles.ended += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: false });
      } else if (current && wanted[role] && current.validFrom > from) {
        await this.memberships.moveStart(db, villageId, current.id, from);
        summary.roles.started += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: true });
      } else if (!current && wanted[role]) {
        await this.memberships.insert(db, {
          villageId,
          id: randomUUID(),
          personId,
          role,
          vcChair: false,
          supervisorChair: false,
          votingRights: role !== 'party_member' || row.party === 'full',
          probationUntil: role === 'party_member' ? row.probationUntil : null,
          household: null,
          validFrom: from,
          validTo: null,
          createdAt: now,
        });
        summary.roles.started += 1;
        if (VOTING_ROLES.has(role)) changes.push({ gained: true });
      } else if (current && role === 'party_member') {
        const standing = { votingRights: row.party === 'full', probationUntil: row.probationUntil };
        if (
          current.votingRights !== standing.votingRights ||
          (current.probationUntil ?? null) !== standing.probationUntil
        ) {
          await this.memberships.updatePartyStanding(db, villageId, current.id, standing);
          if (current.votingRights !== standing.votingRights) changes.push({ gained: standing.votingRights });
        }
      }
    }
    return changes;
  }

  /** `memberSince`: when the person's entry on the member register valid on `from` or later began. */
  private async syncMember(
    db: EntityManager,
    villageId: string,
    personId: string,
    row: RegisterRow,
    memberSince: string | undefined,
    from: string,
    summary: ImportSummary,
    now: Date,
  ): Promise<void> {
    if (row.member && memberSince === undefined) {
      await this.registers.insertMemberEntry(db, {
        villageId,
        personId,
        validFrom: from,
        validTo: null,
        basis: row.memberBasis,
        confirmedByMatterId: null,
        createdAt: now,
      });
      summary.members.entered += 1;
    } else if (row.member && memberSince !== undefined && memberSince > from) {
      await this.registers.moveMemberEntryStart(db, villageId, personId, memberSince, from);
      summary.members.entered += 1;
    } else if (!row.member && memberSince !== undefined) {
      await this.registers.endMemberEntry(db, villageId, personId, addDays(from, -1));
      summary.members.left += 1;
    }
  }
}

/** The day before `from`, never before the entry began (an entry begun that day ends that day). */
const dayBefore = (from: string, validFrom: string) => {
  const before = addDays(from, -1);
  return before < validFrom ? validFrom : before;
};

const invalid = (problems: RowProblem[]) => {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const first = sorted[0];
  return new DomainError(
    'REGISTER.IMPORT_INVALID',
    { problems: sorted },
    `共 ${sorted.length} 处问题，未导入任何内容。第 ${first.line} 行“${first.column}”：${first.message}`,
  );
};

/** One head per household, one villager group per household. */
function householdProblems(rows: readonly RegisterRow[]): RowProblem[] {
  const problems: RowProblem[] = [];
  const heads = new Map<string, number>();
  const groups = new Map<string, { group: string; line: number }>();
  for (const row of rows.filter((candidate) => candidate.household)) {
    if (row.head) {
      const earlier = heads.get(row.household);
      if (earlier)
        problems.push({
          line: row.line,
          column: '与户主关系',
          message: `户 ${row.household} 已在第 ${earlier} 行有户主`,
        });
      heads.set(row.household, row.line);
    }
    if (row.villagerGroup) {
      const earlier = groups.get(row.household);
      if (earlier && earlier.group !== row.villagerGroup) {
        problems.push({
          line: row.line,
          column: '村民小组',
          message: `户 ${row.household} 在第 ${earlier.line} 行属于“${earlier.group}”，同一户只能属于一个村民小组`,
        });
      }
      groups.set(row.household, { group: row.villagerGroup, line: row.line });
    }
  }
  return problems;
}

/** The households a representative stands for must be on the register, or in the file. */
function representedProblems(
  rows: readonly RegisterRow[],
  households: readonly HouseholdEntity[],
): RowProblem[] {
  const known = new Set([
    ...households.map((household) => household.code),
    ...rows.map((row) => row.household),
  ]);
  return rows.flatMap((row) =>
    row.representedHouseholds
      .filter((code) => !known.has(code))
      .map((code) => ({ line: row.line, column: '代表户', message: `户号 ${code} 不在花名册中` })),
  );
}
