import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  CATEGORY_TITLES,
  POWER_CATEGORIES,
  SUPERVISION_PROCEDURES,
  villageItem,
  type CategoryCode,
  type JsonObject,
  type Role,
} from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { localTime } from '../common/format-time.js';
import { LocalTime } from '../common/local-time.js';
import { periodOf } from '../disclosure/periods.js';
import { EngineService } from '../engine/engine.service.js';

import { MatterQueries } from '../engine/matter-queries.service.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { AuthService } from '../identity/auth.service.js';
import type { AdmissionIssue, ListChange } from '../lists/admission.js';
import { ListsService } from '../lists/lists.service.js';
import { ListViews } from '../lists/list-views.service.js';
import { REGISTER_READERS } from '../registers/registers.service.js';
import { InboxService } from '../supervision/inbox.service.js';
import { LEDGER_READERS } from '../supervision/ledger.service.js';
import { OverviewService } from '../supervision/overview.service.js';
import { ConsoleForms } from './console-forms.service.js';
import { flashOf, messageOf, requireActor, sendPage, withFlash } from './web-request.js';

type Form = Record<string, unknown>;

/**
 * The console's workbench: what waits for me, a village's matters and what I may start, the village's
 * own items (X), and the township's overview. A matter and its acts: `ConsoleMatterController`.
 */
@ApiExcludeController()
@Public()
@Controller('c')
export class ConsoleController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly access: AccessService,
    private readonly inbox: InboxService,
    private readonly overview: OverviewService,
    private readonly queries: MatterQueries,
    private readonly engine: EngineService,
    private readonly lists: ListsService,
    private readonly listViews: ListViews,
    private readonly forms: ConsoleForms,
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
      { title: '我的工作台', me: actor, flash: flashOf(request) },
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
      { title: lists.village.name, me: actor, flash: flashOf(request) },
      {
        village: lists.village,
        inbox: { ...inbox, matters: waiting },
        matters: matters.items.map((matter) => ({
          ...matter,
          updatedAt: this.time.dateOf(matter.updatedAt),
        })),
        startable,
        ownItems: lists.powerList.filter((item) => item.origin === 'village'),
        canLedger: LEDGER_READERS.some((role) => roles.has(role)),
        canRegisters: REGISTER_READERS.some((role) => roles.has(role)),
        canAdjust: roles.has('secretary'),
        quarter: periodOf(today, 'quarterly'),
      },
    );
  }

  /** The village's own item (X) from the template, new or (`?code=X1`) changing one in force. */
  @Get('v/:villageId/x-item')
  async xItemForm(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('code') code: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, this.time.today());
    const lists = await this.listViews.onDate(villageId);
    const form = await this.forms.villageItemForm(code, lists.powerList);
    this.sendXItemPage(response, actor, villageId, form, []);
  }

  @Post('v/:villageId/x-item')
  async xItem(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    // A stranger learns nothing from the admission check's findings about this village's list.
    await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, this.time.today());
    const text = (name: string) => (typeof body[name] === 'string' ? body[name] : '');
    const form = {
      code: text('code'),
      title: text('title'),
      category: text('category'),
      description: text('description'),
      basis: text('basis'),
      supervised: body.supervised === 'true',
      effectiveFrom: text('effectiveFrom'),
    };
    const change: ListChange = {
      kind: 'addItem',
      code: form.code,
      title: form.title,
      definition: this.xDefinition(form) as unknown as JsonObject,
    };
    const admission = await this.lists.admission(
      this.dataSource.manager,
      villageId,
      [change],
      this.time.today(),
    );
    if (admission.issues.length > 0) {
      this.sendXItemPage(response, actor, villageId, form, admission.issues, 422);
      return;
    }
    try {
      const inputs = {
        title: `增加或修改本村事项：${form.code} ${form.title}`,
        summary: form.description,
        effectiveFrom: form.effectiveFrom,
        changes: [change],
      };
      const result = await this.engine.start({
        villageId,
        actor,
        procedureId: 'L1',
        inputs: inputs as unknown as JsonObject,
      });
      response.redirect(
        303,
        withFlash(`/c/v/${villageId}/m/${result.view.id}`, 'ok', '调整申请已提交，待监督委员会提出意见'),
      );
    } catch (error) {
      this.sendXItemPage(response, actor, villageId, form, [], 422, messageOf(error));
    }
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
      const [overview, inbox] = await Promise.all([
        this.overview.forRegion(actor, regionId),
        this.inbox.forRegion(actor, regionId),
      ]);
      sendPage(
        response,
        '@region',
        { title: `${overview.region.name}各村情况`, me: actor, flash: flashOf(request) },
        { ...overview, inbox },
      );
    } catch (error) {
      response.redirect(303, withFlash('/c', 'error', messageOf(error)));
    }
  }

  private xDefinition(form: {
    code: string;
    title: string;
    category: string;
    description: string;
    basis: string;
    supervised: boolean;
  }) {
    return villageItem({
      code: form.code,
      title: form.title || form.code,
      category: form.category as CategoryCode,
      description: form.description,
      startRoles: ['committee_member', 'villager'],
      basis: form.basis,
      supervised: form.supervised,
    });
  }

  private sendXItemPage(
    response: Response,
    actor: PersonActor,
    villageId: string,
    form: Parameters<ConsoleController['xDefinition']>[0] & { effectiveFrom: string },
    issues: AdmissionIssue[],
    status = 200,
    refusal?: string,
  ) {
    const definition = this.xDefinition(form);
    const steps = Object.entries(definition.machine.states ?? {})
      .filter(([, node]) => node.type !== 'final')
      .map(([key, node]) => ({
        title: node.meta?.title ?? key,
        issues: issues.filter((issue) => issue.state?.split('.')[0] === key).map((issue) => issue.message),
      }));
    const placed = new Set(steps.flatMap((step) => step.issues));
    const general = [
      ...issues.map((issue) => issue.message).filter((message) => !placed.has(message)),
      ...(refusal ? [refusal] : []),
    ];
    const categories = POWER_CATEGORIES.map((code) => ({ code, title: CATEGORY_TITLES[code] }));
    sendPage(
      response,
      '@xItem',
      { title: '制定或修改本村自有事项（X）', me: actor },
      { villageId, form, steps, general, categories },
      status,
    );
  }
}
