import { Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { isCalendarDay } from '../common/is-calendar-date.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import { officialRoleOf } from '../identity/village-people.service.js';
import { ListViews } from '../lists/list-views.service.js';
import { IMPORTERS, RegisterImportService } from '../registers/register-import.service.js';
import { REGISTER_COLUMNS, type RegisterColumn } from '../registers/register-layout.js';
import { RegistersService } from '../registers/registers.service.js';
import { actorOf, flashOf, requireActor, sendPage } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

/** What a phone can show of a row: who, where, and which standing; the file has every column. */
const TABLE_COLUMNS: readonly RegisterColumn[] = [
  'household',
  'villagerGroup',
  'name',
  'relation',
  'gender',
  'birthDate',
  'resident',
  'member',
  'representative',
  'party',
];
/** Past this many rows the page asks for a name or a group rather than sending a village's whole register. */
const SHOWN_ROWS = 100;

const columnIndex = (key: RegisterColumn) => REGISTER_COLUMNS.findIndex((column) => column.key === key);
const textOf = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The registers page of the console, and its import: the page's script sends the chosen file as the raw
 * body (so a large file shows its progress) and shows the summary, or every row's problem, from the JSON
 * answer. The same services as the API, so the same people may read and load a register.
 */
@Public()
@PageController('c/v/:villageId/registers')
export class ConsoleRegistersController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registers: RegistersService,
    private readonly imports: RegisterImportService,
    private readonly listViews: ListViews,
    private readonly time: LocalTime,
  ) {}

  @Get()
  async page(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const today = this.time.today();
    const on = isCalendarDay(query.on) ? query.on : today;
    const register = await this.registers.rows(actor, villageId, on);
    const [checks, lists, roles] = await Promise.all([
      this.registers.checks(actor, villageId),
      this.listViews.onDate(villageId),
      this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, today),
    ]);
    const at = (key: RegisterColumn) => columnIndex(key);
    const filter = { q: textOf(query.q), group: textOf(query.group) };
    const rows = register.rows.filter(
      (row) =>
        (!filter.q || row[at('name')].includes(filter.q)) &&
        (!filter.group || row[at('villagerGroup')] === filter.group),
    );
    const everyone = register.rows;
    sendPage(
      response,
      '@registers',
      { title: '村民花名册', me: actor, flash: flashOf(request, response) },
      {
        village: lists.village,
        on,
        today,
        counts: {
          people: everyone.length,
          households: new Set(everyone.map((row) => row[at('household')]).filter(Boolean)).size,
          members: everyone.filter((row) => row[at('member')] === '是').length,
          representatives: everyone.filter((row) => row[at('representative')] === '是').length,
        },
        warnings: checks.warnings,
        canImport: IMPORTERS.some((role) => roles.has(role)),
        importsVoters: officialRoleOf(roles) !== undefined,
        columns: register.columns,
        groups: [...new Set(everyone.map((row) => row[at('villagerGroup')]).filter(Boolean))].sort(),
        query: filter,
        rows,
        shown: rows.slice(0, SHOWN_ROWS).map((row) => TABLE_COLUMNS.map((key) => row[at(key)])),
        tableColumns: TABLE_COLUMNS.map((key) => register.columns[at(key)]),
      },
    );
  }

  @Post('import')
  async import(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('from') from: unknown,
    @Req() request: Request,
  ) {
    const actor = actorOf(request);
    if (!actor) throw new DomainError('AUTH.UNAUTHENTICATED');
    if (!Buffer.isBuffer(request.body)) {
      throw new DomainError('REGISTER.FILE_INVALID', {}, '请选择花名册文件（.xlsx 或 .csv）');
    }
    if (from !== undefined && from !== '' && !isCalendarDay(from)) {
      throw new DomainError('REQUEST.INVALID', {}, '生效日期应为 年-月-日');
    }
    return this.imports.import(actor, villageId, request.body, isCalendarDay(from) ? from : undefined);
  }
}
