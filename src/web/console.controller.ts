import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { SUPERVISION_PROCEDURES, type Role } from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { localTime } from '../common/format-time.js';
import { LocalTime } from '../common/local-time.js';
import { periodOf } from '../disclosure/periods.js';

import { MatterQueries } from '../engine/matter-queries.service.js';
import { AccessService } from '../identity/access.service.js';
import { AuthService } from '../identity/auth.service.js';
import { ListViews } from '../lists/list-views.service.js';
import { REGISTER_READERS } from '../registers/registers.service.js';
import { InboxService } from '../supervision/inbox.service.js';
import { LEDGER_READERS } from '../supervision/ledger.service.js';
import { OverviewService } from '../supervision/overview.service.js';
import { flashOf, messageOf, requireActor, sendPage, redirectWithFlash } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

/**
 * The console's workbench: what waits for me, a village's matters and what I may start, the village's
 * own items (X), and the township's overview. A matter and its acts: `ConsoleMatterController`; the
 * X-item editor: `ConsoleXItemController`.
 */
@Public()
@PageController('c')
export class ConsoleController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly inbox: InboxService,
    private readonly overview: OverviewService,
    private readonly queries: MatterQueries,
    private readonly listViews: ListViews,
    private readonly time: LocalTime,
  ) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const me = await this.auth.me(actor);
    const villages = await Promise.all(
      me.villages.map(async (village) => ({
        id: village.id,
        name: village.name,
        roles: village.roles.map((role) => role.title).join('、'),
        waiting: (await this.inbox.forVillage(actor, village.id)).matters.length,
      })),
    );
    const regions = me.posts.map((post) => ({ id: post.regionId, name: post.regionName, roles: post.title }));
    sendPage(
      response,
      '@console',
      { title: '我的工作台', me: actor, flash: flashOf(request, response) },
      { me: actor, villages, regions },
    );
  }

  @Get('v/:villageId')
  async village(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const today = this.time.today();
    const roles = await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, today);
    const [inbox, matters, lists] = await Promise.all([
      this.inbox.forVillage(actor, villageId),
      this.queries.list(actor, villageId, { limit: 50, offset: 0 }),
      this.listViews.onDate(villageId),
    ]);
    // Only what this person may start: the engine would refuse the rest, so don't offer it.
    const mayStart = (item: { startRoles: readonly string[] }) =>
      item.startRoles.some((role) => roles.has(role as Role));
    // List adjustments start from the village's own items below (their own form), not as a blank matter.
    const startable = [...lists.powerList, ...SUPERVISION_PROCEDURES.map((p) => ({ ...p, code: p.id }))]
      .filter(mayStart)
      .map((item) => ({ code: item.code, title: item.title }));
    const at = (iso: string) => localTime(iso, this.time.timeZone);
    const waiting = inbox.matters.map((item) => ({
      ...item,
      since: at(item.since),
      deadlines: item.deadlines.map((deadline) => ({ ...deadline, dueAt: at(deadline.dueAt) })),
    }));
    sendPage(
      response,
      '@village',
      { title: lists.village.name, me: actor, flash: flashOf(request, response) },
      {
        village: lists.village,
        inbox: { ...inbox, matters: waiting },
        matters: matters.items.map((matter) => ({
          ...matter,
          updatedAt: this.time.dateOf(matter.updatedAt),
        })),
        startable,
        canLedger: LEDGER_READERS.some((role) => roles.has(role)),
        canRegisters: REGISTER_READERS.some((role) => roles.has(role)),
        canAdjust: roles.has('secretary'),
        quarter: periodOf(today, 'quarterly'),
      },
    );
  }

  @Get('r/:regionId')
  async region(
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    try {
      const [overview, inbox, { postRoles }] = await Promise.all([
        this.overview.forRegion(actor, regionId),
        this.inbox.forRegion(actor, regionId),
        this.access.villagesUnder(this.dataSource.manager, actor.personId, regionId, this.time.today()),
      ]);
      const handlesComplaints = postRoles.has('discipline_inspector') || postRoles.has('district_admin');
      sendPage(
        response,
        '@region',
        { title: `${overview.region.name}各村情况`, me: actor, flash: flashOf(request, response) },
        { ...overview, inbox, handlesComplaints },
      );
    } catch (error) {
      redirectWithFlash(response, '/c', 'error', messageOf(error));
    }
  }
}
