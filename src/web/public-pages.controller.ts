import { Get, Header, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { lastDayOf, localTime, monthDay } from '../common/format-time.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { adjacentPeriod, MONTH_LABEL, periodOf } from '../disclosure/periods.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { ListViews } from '../lists/list-views.service.js';
import { ChainHeadsService } from '../public/chain-heads.service.js';
import { PublicBoardService } from '../public/public-board.service.js';
import { MEETING_OUTCOMES, OBJECTION_STATUSES } from '../records/dossier-words.js';
import { inlineSvg, stepListOf } from './step-list.js';
import { APP_SCRIPT } from './views/app-script.js';
import { STYLESHEET } from './views/layout.js';
import { actorOf, flashOf, messageOf, sendPage } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

/** The pages anyone may read: the villages, each village's board, its three lists, the chain check. */
@Public()
@PageController()
export class PublicPagesController {
  constructor(
    private readonly board: PublicBoardService,
    private readonly lists: ListViews,
    private readonly chain: ChainHeadsService,
    private readonly catalog: CatalogService,
    private readonly time: LocalTime,
  ) {}

  @Get('assets/app.css')
  @Header('Content-Type', 'text/css; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  stylesheet() {
    return STYLESHEET;
  }

  @Get('assets/app.js')
  @Header('Content-Type', 'text/javascript; charset=utf-8')
  @Header('Cache-Control', 'public, max-age=3600')
  script() {
    return APP_SCRIPT;
  }

  @Get()
  async home(@Req() request: Request, @Res() response: Response) {
    const villages = await this.board.villages();
    sendPage(
      response,
      '@home',
      { title: '各村公开', me: actorOf(request), flash: flashOf(request, response) },
      { villages },
    );
  }

  /** Declared before `p/:villageId`: Express takes the first route that matches. */
  @Get('p/catalog')
  async catalogPage(@Req() request: Request, @Res() response: Response) {
    const categories = await this.catalog.categories();
    sendPage(response, '@catalog', { title: '基本目录', me: actorOf(request) }, { categories });
  }

  @Get('p/catalog/:code')
  async catalogItem(@Param('code') code: string, @Req() request: Request, @Res() response: Response) {
    const item = await this.catalog.item(code);
    const flowchart = await this.catalog.flowchart(code, item.version);
    sendPage(
      response,
      '@catalogItem',
      { title: `${item.code} ${item.title}`, me: actorOf(request) },
      { ...item, flowchart },
    );
  }

  @Get('p/:villageId/m/:matterId')
  async matterRecord(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const record = await this.board.matterRecord(villageId, matterId);
    const [flowchart, { definition }] = await Promise.all([
      this.catalog.flowchart(record.procedure.id, record.procedure.version, record.path),
      this.catalog.procedureOf(record.procedure.id, record.procedure.version),
    ]);
    const zone = this.time.timeZone;
    const at = (iso: string | null) => localTime(iso, zone);
    sendPage(
      response,
      '@publicMatter',
      { title: record.title, me: actorOf(request) },
      {
        ...record,
        flowchart: inlineSvg(flowchart),
        stepList: stepListOf(definition.machine, record.path),
        steps: record.steps.map((step) => ({ ...step, at: at(step.at.toISOString()) })),
        supervisorObjections: record.supervisorObjections.map((objection) => ({
          ...objection,
          at: at(objection.at.toISOString()),
        })),
        disclosures: record.disclosures.map((item) => ({
          ...item,
          publishedOn: monthDay(item.publishedAt, zone),
          lastDay: lastDayOf(item.periodEndsAt, zone),
        })),
        outcomes: MEETING_OUTCOMES,
        objectionStatuses: OBJECTION_STATUSES,
      },
    );
  }

  @Get('p/:villageId')
  async villageBoard(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const board = await this.board.current(villageId);
    const at = (iso: string | null) => localTime(iso, this.time.timeZone);
    const zone = this.time.timeZone;
    const days = (item: { publishedAt: string; periodEndsAt: string | null }) => ({
      publishedOn: monthDay(item.publishedAt, zone),
      lastDay: lastDayOf(item.periodEndsAt, zone),
    });
    const current = board.current.map((item) => ({ ...item, ...days(item) }));
    const past = board.past.map((item) => ({ ...item, ...days(item) }));
    const overdue = board.overdue.map((item) => ({ ...item, dueAt: at(item.dueAt) }));
    const frame = { title: `${board.village.name}公开栏`, me: actorOf(request) };
    const month = periodOf(this.time.today(), 'monthly');
    sendPage(response, '@board', frame, { ...board, current, past, overdue, month });
  }

  /** 村情月报 as a page fit to share in a WeChat group: the month's disclosures, decisions, and its text. */
  @Get('p/:villageId/bulletin')
  async bulletin(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('month') month: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const chosen =
      typeof month === 'string' && MONTH_LABEL.test(month) ? month : periodOf(this.time.today(), 'monthly');
    const bulletin = await this.board.bulletin(villageId, chosen);
    const [year, monthNumber] = chosen.split('-').map(Number);
    sendPage(
      response,
      '@bulletin',
      { title: `${bulletin.village.name} ${year}年${monthNumber}月村情月报`, me: actorOf(request) },
      {
        ...bulletin,
        previous: adjacentPeriod(chosen, 'monthly', 'before'),
        next: adjacentPeriod(chosen, 'monthly', 'after'),
      },
    );
  }

  @Get('p/:villageId/lists')
  async villageLists(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('on') on: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const me = actorOf(request);
    try {
      const lists = await this.lists.onDate(
        villageId,
        /^\d{4}-\d{2}-\d{2}$/.test(on ?? '') ? on : undefined,
        'public',
      );
      sendPage(response, '@lists', { title: `${lists.village.name}三张清单`, me }, lists);
    } catch (error) {
      sendPage(
        response,
        '@home',
        { title: '各村公开', me, flash: { kind: 'error', text: messageOf(error) } },
        {
          villages: await this.board.villages(),
        },
        404,
      );
    }
  }

  @Get('p/:villageId/verify')
  async verify(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const village = await this.board.village(villageId);
    const report = await this.chain.verify(villageId);
    sendPage(
      response,
      '@verify',
      { title: `${village.name}记录核验`, me: actorOf(request) },
      { village, report: { ...report, verifiedAt: localTime(report.verifiedAt, this.time.timeZone) } },
    );
  }
}
