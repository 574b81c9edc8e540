import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { EngineService } from '../engine/engine.service.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import type { ListChange } from '../lists/admission.js';
import { ListViews } from '../lists/list-views.service.js';
import {
  flashOf,
  messageOf,
  requireActor,
  sendPage,
  textOf,
  redirectWithFlash,
  markRefusal,
} from './web-request.js';
import { PageController } from './page-controller.decorator.js';

type Form = Record<string, unknown>;

/**
 * The village's power list as the console shows it, and where its adjustments start: a new or changed
 * own item (X) in the editor, or an item retired with its reason. Each goes to the list-adjustment
 * procedure (L1); the list changes only once the supervisors, the township and the district have agreed.
 */
@Public()
@PageController('c')
export class ConsoleListController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly engine: EngineService,
    private readonly listViews: ListViews,
    private readonly time: LocalTime,
  ) {}

  @Get('v/:villageId/list')
  async list(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.sendList(response, actor, villageId, flashOf(request, response));
  }

  @Post('v/:villageId/list/retire')
  async retire(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, this.time.today());
    const form = {
      code: textOf(body, 'code'),
      reason: textOf(body, 'reason'),
      effectiveFrom: textOf(body, 'effectiveFrom'),
    };
    try {
      const lists = await this.listViews.onDate(villageId);
      const item = lists.powerList.find((entry) => entry.code === form.code);
      const change: ListChange = { kind: 'retireItem', code: form.code, reason: form.reason };
      const result = await this.engine.start({
        villageId,
        actor,
        procedureId: 'L1',
        inputs: {
          title: `停用清单事项：${form.code} ${item?.title ?? ''}`.trim(),
          summary: form.reason,
          effectiveFrom: form.effectiveFrom,
          changes: [change],
        } as unknown as JsonObject,
      });
      redirectWithFlash(
        response,
        `/c/v/${villageId}/m/${result.view.id}`,
        'ok',
        '调整申请已提交，待监督委员会提出意见',
      );
    } catch (error) {
      const flash = { kind: 'error' as const, text: messageOf(error) };
      await this.sendList(response, actor, villageId, flash, form, markRefusal(response, error));
    }
  }

  private async sendList(
    response: Response,
    actor: PersonActor,
    villageId: string,
    flash: ReturnType<typeof flashOf>,
    retiring = { code: '', reason: '', effectiveFrom: this.time.today() },
    status = 200,
  ) {
    const roles = await this.access.requireVillage(
      this.dataSource.manager,
      actor.personId,
      villageId,
      this.time.today(),
    );
    const lists = await this.listViews.onDate(villageId);
    sendPage(
      response,
      '@list',
      { title: `${lists.village.name}小微权力清单`, me: actor, flash },
      {
        villageId,
        version: lists.version,
        items: lists.powerList,
        responsibilities: lists.responsibilityList,
        canAdjust: roles.has('secretary'),
        retiring,
      },
      status,
    );
  }
}
