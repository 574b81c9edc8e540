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
  type MachineData,
  type Role,
} from '../../workflows/index.js';
import { Public } from '../common/http/public.decorator.js';
import { isDomainError } from '../common/errors/domain-error.js';
import { localTime } from '../common/format-time.js';
import { LocalTime } from '../common/local-time.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { periodOf } from '../disclosure/periods.js';
import { EngineService } from '../engine/engine.service.js';
import type { ConflictRelation } from '../engine/matter-conflict.entity.js';
import { stepTitleOf } from '../engine/state-path.js';
import { DISCLOSURE_STATUSES, OBJECTION_STATUSES } from '../records/dossier-words.js';

interface DeclaredConflict {
  personId: string;
  relation: ConflictRelation;
  note: string | null;
  declaredBy: string;
}
import { MatterQueries } from '../engine/matter-queries.service.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { AuthService } from '../identity/auth.service.js';
import type { AdmissionIssue, ListChange } from '../lists/admission.js';
import { ListsService } from '../lists/lists.service.js';
import { ListViews } from '../lists/list-views.service.js';
import { MeetingViews } from '../meetings/meeting-views.service.js';
import { REGISTER_READERS } from '../registers/registers.service.js';
import { InboxService } from '../supervision/inbox.service.js';
import { LEDGER_READERS } from '../supervision/ledger.service.js';
import { OverviewService } from '../supervision/overview.service.js';
import { ConsoleForms } from './console-forms.service.js';
import { fieldProblemsOf, refusalText } from './field-problems.js';
import { CONFLICT_RELATION_LABELS, payloadOf } from './form-fields.js';
import type { PageFrame } from './templates.js';
import { flashOf, messageOf, requireActor, sendPage, withFlash } from './web-request.js';

type Form = Record<string, unknown>;

const CHANGE_KINDS: Record<ListChange['kind'], string> = {
  addItem: '新增事项',
  changeParameters: '调整参数',
  retireItem: '停用事项',
  setResponsibility: '明确责任人',
};

/** Acts that end or send back a matter get a red button: people should pause before them. */
const DANGEROUS = /REJECT|REFUSED|ABANDON|OBJECT|WITHDRAW|UPHOLD/;

/**
 * The console: what waits for me, a village's matters, starting a matter from the list in force, taking
 * a step with a form made from the step's payload schema (checked on a confirmation page first), and the
 * township's overview. Every act goes through the same engine as the API, so it is refused and traced
 * the same way.
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
    private readonly catalog: CatalogService,
    private readonly forms: ConsoleForms,
    private readonly meetings: MeetingViews,
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

  @Get('v/:villageId/m/:matterId')
  async matter(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.sendMatterPage(response, actor, villageId, matterId, flashOf(request));
  }

  /**
   * First the confirmation page with what will be recorded; then, confirmed, the act itself. A refused
   * act brings back the matter page with the form as the person filled it and the reason.
   */
  @Post('v/:villageId/m/:matterId/act')
  async act(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const back = `/c/v/${villageId}/m/${matterId}`;
    const type = typeof body.type === 'string' ? body.type : '';
    let values: JsonObject = {};
    try {
      const matter = await this.queries.read(actor, villageId, matterId);
      const action = matter.availableActions.find((candidate) => candidate.type === type);
      if (!action) {
        // Not offered to this person now: the engine says why, and traces the attempt like any other.
        await this.engine.submit({ villageId, matterId, actor, type, payload: {} });
        throw new Error('该操作当前不可办理');
      }
      const { people, fieldsOf } = await this.forms.actionForms(actor, villageId, matter);
      const fields = fieldsOf(action);
      values = payloadOf(fields, body);
      if (body.confirmed !== 'yes') {
        const files = await this.forms.filesIn(villageId, fields, values);
        sendPage(
          response,
          '@confirm',
          { title: `核对：${action.title}`, me: actor },
          {
            actTitle: action.title,
            danger: DANGEROUS.test(action.type),
            action: `${back}/act`,
            back,
            rows: this.forms.confirmRows(fields, values, people, files),
            hidden: this.hiddenInputs(action.type, values),
          },
        );
        return;
      }
      await this.engine.submit({ villageId, matterId, actor, type: action.type, payload: values });
      response.redirect(303, withFlash(back, 'ok', `已办理：${action.title}`));
    } catch (error) {
      const problems = fieldProblemsOf(error);
      const message = error instanceof Error && !isDomainError(error) ? error.message : messageOf(error);
      const flash = { kind: 'error' as const, text: refusalText(message, problems) };
      const filled = { type, values, problems };
      await this.sendMatterPage(response, actor, villageId, matterId, flash, filled, 422).catch(() =>
        response.redirect(303, withFlash(back, 'error', flash.text)),
      );
    }
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

  /** For a list-adjustment request: its changes in words, and while it runs, what it would change. */
  private async listChangeOf(
    villageId: string,
    matter: { procedure: { id: string }; status: string; inputs: JsonObject },
  ) {
    const changes = matter.inputs.changes as unknown as ListChange[] | undefined;
    if (!changes || !['L1', 'L2'].includes(matter.procedure.id)) return null;
    const detail = (change: ListChange) =>
      change.reason ??
      change.duty ??
      (change.parameters
        ? JSON.stringify(change.parameters)
        : change.fromBase
          ? `以 ${change.fromBase} 为模板`
          : '自定流程');
    return {
      changes: changes.map((change) => ({
        kind: CHANGE_KINDS[change.kind],
        code: change.code,
        title: change.title ?? '',
        detail: detail(change),
      })),
      preview:
        matter.procedure.id === 'L1' && matter.status === 'active'
          ? await this.listViews.preview(villageId, changes)
          : null,
    };
  }

  private async sendMatterPage(
    response: Response,
    actor: PersonActor,
    villageId: string,
    matterId: string,
    flash: PageFrame['flash'],
    filled?: { type: string; values: JsonObject; problems: Record<string, string> },
    status = 200,
  ) {
    const matter = await this.queries.read(actor, villageId, matterId);
    const { people, fieldsOf, machine } = await this.forms.actionForms(actor, villageId, matter);
    const actions = matter.availableActions.map((action) => ({
      type: action.type,
      title: action.title,
      danger: DANGEROUS.test(action.type),
      fields: fieldsOf(action),
      values: action.type === filled?.type ? filled.values : {},
      problems: action.type === filled?.type ? filled.problems : {},
    }));
    const filledFields = actions.find((action) => action.type === filled?.type)?.fields ?? [];
    const files = filled ? await this.forms.filesIn(villageId, filledFields, filled.values) : [];
    const { procedureId, version, path } = await this.queries.pathTaken(actor, villageId, matterId);
    const flowchart = await this.catalog.flowchart(procedureId, version, path);
    const history = matter.history.map((step) => ({ ...step, at: this.time.dateOf(step.at) }));
    const listChange = await this.listChangeOf(villageId, matter);
    const meetings = await this.meetings.forMatter(actor, villageId, matterId);
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    const declared = (matter as { conflicts?: DeclaredConflict[] }).conflicts ?? [];
    const conflicts = declared.map((conflict) => ({
      name: nameOf.get(conflict.personId) ?? '',
      relation: CONFLICT_RELATION_LABELS[conflict.relation],
    }));
    // Someone stood aside by another is told so on the matter, with the reason and who declared it.
    const standAside = declared.find(
      (conflict) => conflict.personId === actor.personId && conflict.declaredBy !== actor.personId,
    );
    const myConflict = standAside && {
      relation: CONFLICT_RELATION_LABELS[standAside.relation],
      note: standAside.note ?? '',
      declaredBy: nameOf.get(standAside.declaredBy) ?? '',
    };
    const objection = this.objectionOf(matter, nameOf, machine);
    sendPage(
      response,
      '@matter',
      { title: matter.title, me: actor, flash },
      {
        villageId,
        matter: { ...matter, history, meetings },
        actions,
        conflicts,
        myConflict,
        objection,
        names: Object.fromEntries(nameOf),
        disclosureStatuses: DISCLOSURE_STATUSES,
        objectionStatuses: OBJECTION_STATUSES,
        files,
        uploadTo: `/c/v/${villageId}/attachments`,
        listChange,
        flowchart,
      },
      status,
    );
  }

  /** The supervision committee's last objection to the matter: who, when, why, and where it sent it. */
  private objectionOf(matter: { record: JsonObject }, nameOf: Map<string, string>, machine: MachineData) {
    const last = matter.record.lastObjection as
      { reason?: string; backTo?: string; by?: string; at?: string } | undefined;
    if (!last?.reason) return null;
    return {
      reason: last.reason,
      by: nameOf.get(last.by ?? '') ?? '',
      at: last.at ? localTime(last.at, this.time.timeZone) : '',
      backTo: last.backTo ? stepTitleOf(machine, last.backTo) : '',
    };
  }

  private hiddenInputs(type: string, payload: Form) {
    const inputs = [{ name: 'type', value: type }];
    for (const [name, value] of Object.entries(payload)) {
      for (const item of Array.isArray(value) ? value : [value]) inputs.push({ name, value: String(item) });
    }
    return inputs;
  }
}
