import { createHash, randomBytes } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import type { ErrorCode } from '../common/errors/error-catalog.js';
import { LocalTime } from '../common/local-time.js';
import { TraceService } from '../engine/trace.service.js';
import { SheetReadError } from '../export/sheet-read-error.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { officialRoleOf } from '../identity/village-people.service.js';
import { AppSettingRepository } from '../identity/app-setting.repository.js';
import { PeopleRepository } from '../identity/people.repository.js';
import type { HouseholdEntity } from './household.entity.js';
import { readRegisterTable } from './register-file.js';
import {
  readHeader,
  readRow,
  type RegisterColumn,
  type RegisterRow,
  type RowProblem,
} from './register-layout.js';
import { matchRows } from './register-matching.js';
import type { ImportSummary } from './register-write.js';
import { RegisterWriter, type VoterChange } from './register-writer.js';
import { RegistersRepository } from './registers.repository.js';

/** Who may load a village's register: its secretary, and the township and district above it. */
export const IMPORTERS = ['secretary', 'township_officer', 'district_admin'] as const;
const SALT_SETTING = 'register.idNumberSalt';
/** The changes only the township's (or district's) file makes, each refused with its code and words. */
const TOWNSHIP_CHANGES: readonly (readonly [VoterChange['of'], ErrorCode, string])[] = [
  ['role', 'MEMBERSHIP.VOTER_BY_TOWNSHIP', '改变了这些身份'],
  ['memberRegister', 'MEMBERSHIP.MEMBER_REGISTER_BY_ASSEMBLY', '增减了成员名册上的人'],
  ['name', 'MEMBERSHIP.VOTER_IDENTITY_BY_TOWNSHIP', '改动了姓名'],
  ['birthDate', 'MEMBERSHIP.VOTER_IDENTITY_BY_TOWNSHIP', '改动了出生日期'],
];

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
    private readonly writer: RegisterWriter,
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
      const { rows, columns, problems } = this.rowsOf(file);
      const people = await this.people.onRegisterOf(db, villageId);
      const households = await this.registers.households(db, villageId);
      const { matched, problems: unmatched } = matchRows(
        rows,
        people,
        households,
        salt,
        columns.has('household'),
      );
      problems.push(...unmatched, ...householdProblems(rows), ...representedProblems(rows, households));
      if (problems.length > 0) throw invalid(problems);
      const official = officialRoleOf(roles);
      const date = from ?? today;
      const { summary, voterChanges } = await this.writer.write(
        db,
        villageId,
        { matched, columns },
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
   * vote, is refused whole, naming its rows. So is one that enters someone on the collective's member
   * register or takes them off it: membership is the member assembly's to confirm (农村集体经济组织法 第十二条,
   * the membership confirmation item enters whom it confirmed), its register filed with the township, and
   * a member votes in the assembly and shares in what it distributes. So is one that changes the name or the
   * birth date of someone who votes or is a member: who they are, and whether they are of age on a
   * meeting's day (and so on its roster).
   * An official's file may not give a vote to someone whose login a village cadre opened, until the
   * township has set that login's password again.
   */
  private async requireVoterChangesByTownship(
    db: EntityManager,
    byOfficial: boolean,
    changes: readonly VoterChange[],
  ): Promise<void> {
    const lines = (of: readonly VoterChange[]) =>
      [...new Set(of.map((change) => change.line))].sort((a, b) => a - b);
    const named = (of: readonly VoterChange[]) => `第 ${lines(of).slice(0, 10).join('、')} 行`;
    for (const [of, code, words] of TOWNSHIP_CHANGES) {
      const found = changes.filter((change) => change.of === of);
      if (!byOfficial && found.length > 0) {
        throw new DomainError(code, { lines: lines(found) }, `${named(found)}${words}，未导入任何内容`);
      }
    }
    const given = changes.filter((change) => change.of === 'role' && change.gained);
    const held = new Set(
      await this.people.withLoginOpenedInVillage(db, [...new Set(given.map((change) => change.personId))]),
    );
    const blocked = given.filter((change) => held.has(change.personId));
    if (blocked.length > 0) {
      throw new DomainError(
        'ACCOUNT.RESET_BEFORE_VOTE',
        { lines: lines(blocked), personIds: [...held] },
        `${named(blocked)}的人，未导入任何内容`,
      );
    }
  }

  /** The file's rows, and every problem of their cells (reported together with those found later). */
  private rowsOf(file: Buffer): {
    rows: RegisterRow[];
    columns: ReadonlySet<RegisterColumn>;
    problems: RowProblem[];
  } {
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
    const present = new Set(columns.filter((column): column is RegisterColumn => column !== null));
    return { rows, columns: present, problems };
  }
}

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
