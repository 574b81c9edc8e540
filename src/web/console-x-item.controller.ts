import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import {
  CATEGORY_TITLES,
  POWER_CATEGORIES,
  STEP_PALETTE,
  paletteEntry,
  stepKeys,
  villageItemFromSteps,
  type JsonObject,
  type ProcedureDefinition,
  type StepChoice,
} from '../../workflows/index.js';
import { CLASSIFIED_CATEGORIES } from '../../workflows/catalog/governance-rules.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { EngineService } from '../engine/engine.service.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import type { ListChange } from '../lists/admission.js';
import { ListViews } from '../lists/list-views.service.js';
import { ListsService } from '../lists/lists.service.js';
import { ConsoleForms } from './console-forms.service.js';
import { inlineSvg } from './step-list.js';
import { messageOf, requireActor, sendPage, redirectWithFlash, markRefusal } from './web-request.js';
import {
  APPLICANT_ROLES,
  applyEditorOp,
  readEditorOp,
  readXItemForm,
  type XItemForm,
} from './x-item-form.js';
import { PageController } from './page-controller.decorator.js';

/** Where the checker found a problem: beside a step, at the end (a step missing), or the item as a whole. */
interface PlacedProblems {
  byStep: string[][];
  atEnd: string[];
  general: string[];
}

/** The item built from the form, if it could be, and the findings on it. */
interface Checked {
  definition?: ProcedureDefinition;
  problems: PlacedProblems;
  passed: boolean;
}

/**
 * The X-item editor: a village's own item built from the shared steps, reordered and set, with the
 * admission check (the same one the list adjustment runs) and the chart redrawn at every press; the
 * finished item goes to the list-adjustment procedure (L1) for the supervisors, township and district.
 */
@Public()
@PageController('c')
export class ConsoleXItemController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly engine: EngineService,
    private readonly lists: ListsService,
    private readonly listViews: ListViews,
    private readonly forms: ConsoleForms,
    private readonly catalog: CatalogService,
    private readonly time: LocalTime,
  ) {}

  /** New (`?code` absent) or changing the village's item `code` in force. */
  @Get('v/:villageId/x-item')
  async editor(
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
    await this.sendEditor(response, actor, villageId, form, await this.check(villageId, form));
  }

  /** Every button posts the whole form: add, move or remove a step, check, or submit the adjustment. */
  @Post('v/:villageId/x-item')
  async edit(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Record<string, unknown>,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    // A stranger learns nothing from the admission check's findings about this village's list.
    await this.access.requireVillage(this.dataSource.manager, actor.personId, villageId, this.time.today());
    const op = readEditorOp(body);
    const posted = readXItemForm(body);
    const form = { ...posted, steps: applyEditorOp(posted.steps, op) };
    const checked = await this.check(villageId, form);
    const { definition } = checked;
    if (op.op !== 'submit' || !checked.passed || !definition) {
      await this.sendEditor(response, actor, villageId, form, checked, op.op === 'submit' ? 422 : 200);
      return;
    }
    try {
      const result = await this.engine.start({
        villageId,
        actor,
        procedureId: 'L1',
        inputs: {
          title: `增加或修改本村事项：${form.code} ${form.title}`,
          summary: form.description,
          effectiveFrom: form.effectiveFrom,
          changes: [this.changeOf(form, definition)],
        } as unknown as JsonObject,
      });
      redirectWithFlash(
        response,
        `/c/v/${villageId}/m/${result.view.id}`,
        'ok',
        '调整申请已提交，待监督委员会提出意见',
      );
    } catch (error) {
      const status = markRefusal(response, error);
      await this.sendEditor(response, actor, villageId, form, checked, status, messageOf(error));
    }
  }

  private changeOf(form: XItemForm, definition: ProcedureDefinition): ListChange {
    return {
      kind: 'addItem',
      code: form.code,
      title: form.title,
      definition: definition as unknown as JsonObject,
    };
  }

  /** The item built from the form and what the builder and the admission check say of it, placed. */
  private async check(villageId: string, form: XItemForm): Promise<Checked> {
    const problems: PlacedProblems = { byStep: form.steps.map(() => []), atEnd: [], general: [] };
    const built = villageItemFromSteps({ ...form, title: form.title || form.code });
    for (const problem of built.problems) {
      if (problem.index === undefined) problems.general.push(problem.message);
      else problems.byStep[problem.index].push(problem.message);
    }
    if (!built.definition) return { problems, passed: false };
    const admission = await this.lists.admission(
      this.dataSource.manager,
      villageId,
      [this.changeOf(form, built.definition)],
      this.time.today(),
    );
    // A missing step is reported at the ending whose path lacks it: shown at 办结.
    const endings = new Set(Object.keys(built.definition.outcomes));
    const keys = stepKeys(form.steps);
    for (const issue of admission.issues) {
      const top = issue.state?.split('.')[0] ?? '';
      const index = keys.indexOf(top);
      if (index >= 0) problems.byStep[index].push(issue.message);
      else if (endings.has(top)) problems.atEnd.push(issue.message);
      else problems.general.push(issue.message);
    }
    return { definition: built.definition, problems, passed: admission.issues.length === 0 };
  }

  private async sendEditor(
    response: Response,
    actor: PersonActor,
    villageId: string,
    form: XItemForm,
    { definition, problems, passed }: Checked,
    status = 200,
    refusal?: string,
  ) {
    const flowchart = definition ? inlineSvg(await this.catalog.draftFlowchart(definition)) : null;
    sendPage(
      response,
      '@xItem',
      { title: '制定或修改本村自有事项（X）', me: actor },
      {
        villageId,
        form,
        steps: form.steps.map((choice, index) => this.stepView(choice, index, problems.byStep[index])),
        atEnd: problems.atEnd,
        general: [...problems.general, ...(refusal ? [refusal] : [])],
        passed: passed && !refusal,
        flowchart,
        palette: STEP_PALETTE.map((entry) => ({ kind: entry.kind, title: entry.title, hint: entry.hint })),
        categories: POWER_CATEGORIES.filter((code) => !CLASSIFIED_CATEGORIES.includes(code)).map((code) => ({
          code,
          title: CATEGORY_TITLES[code],
        })),
        applicants: APPLICANT_ROLES,
      },
      status,
    );
  }

  private stepView(choice: StepChoice, index: number, issues: string[]) {
    const entry = paletteEntry(choice.kind);
    return {
      index,
      kind: choice.kind,
      title: entry?.title ?? '未知的步骤',
      hint: entry?.hint ?? '',
      parameters: (entry?.parameters ?? []).map((parameter) => ({
        ...parameter,
        value: String(choice[parameter.name] ?? parameter.default),
      })),
      issues,
    };
  }
}
