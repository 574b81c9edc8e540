import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { JsonObject } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { Public } from '../common/http/public.decorator.js';
import { isUuid } from '../common/uuid.js';
import { CONFLICT_RELATIONS, type ConflictRelation } from '../engine/matter-conflict.entity.js';
import { EngineService, type ConflictDeclaration } from '../engine/engine.service.js';
import type { PersonActor } from '../identity/actor.js';
import { ConsoleForms } from './console-forms.service.js';
import { fieldProblemsOf, refusalText } from './field-problems.js';
import { CONFLICT_RELATION_LABELS, payloadOf } from './form-fields.js';
import { flashOf, messageOf, requireActor, sendPage, redirectWithFlash, markRefusal } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

type Form = Record<string, unknown>;

/** Rows offered for conflict declarations: enough for a family, without a script to add more. */
const CONFLICT_ROWS = 3;

const listOf = (value: unknown): string[] =>
  (value === undefined ? [] : ([] as unknown[]).concat(value)).map((item) =>
    typeof item === 'string' ? item.trim() : '',
  );

/**
 * Starting a matter from the list in force: the item's inputs and the conflicts of interest (回避) to
 * declare. A refused start comes back as the person filled it, with the reason, so nothing typed is lost.
 */
@Public()
@PageController('c/v/:villageId/start')
export class ConsoleStartController {
  constructor(
    private readonly forms: ConsoleForms,
    private readonly engine: EngineService,
  ) {}

  @Get()
  async form(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query('code') code: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    try {
      await this.sendForm(
        response,
        actor,
        villageId,
        code ?? '',
        { values: {}, problems: {} },
        [],
        flashOf(request, response),
      );
    } catch (error) {
      redirectWithFlash(response, `/c/v/${villageId}`, 'error', messageOf(error));
    }
  }

  @Post()
  async start(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const code = typeof body.code === 'string' ? body.code : '';
    let values: JsonObject = {};
    const conflicts = conflictsOf(body);
    try {
      const { fields } = await this.forms.startFields(actor, villageId, code);
      values = payloadOf(fields, body);
      const result = await this.engine.start({
        villageId,
        actor,
        procedureId: code,
        inputs: values,
        conflicts: validConflicts(conflicts),
      });
      redirectWithFlash(response, `/c/v/${villageId}/m/${result.view.id}`, 'ok', '事项已发起');
    } catch (error) {
      const problems = fieldProblemsOf(error);
      const flash = { kind: 'error' as const, text: refusalText(messageOf(error), problems) };
      const filled = { values, problems };
      const status = markRefusal(response, error);
      await this.sendForm(response, actor, villageId, code, filled, conflicts, flash, status).catch(() =>
        redirectWithFlash(response, `/c/v/${villageId}`, 'error', flash.text),
      );
    }
  }

  private async sendForm(
    response: Response,
    actor: PersonActor,
    villageId: string,
    code: string,
    { values, problems }: { values: JsonObject; problems: Record<string, string> },
    conflicts: Partial<ConflictDeclaration>[],
    flash: ReturnType<typeof flashOf>,
    status = 200,
  ) {
    const { title, fields, people } = await this.forms.startFields(actor, villageId, code);
    const files = await this.forms.filesIn(villageId, fields, values);
    const rows = [...conflicts, ...Array.from({ length: CONFLICT_ROWS }, () => ({}))].slice(
      0,
      Math.max(CONFLICT_ROWS, conflicts.length),
    );
    sendPage(
      response,
      '@start',
      { title: `发起：${title}`, me: actor, flash },
      {
        villageId,
        code,
        fields,
        values,
        problems,
        files,
        uploadTo: `/c/v/${villageId}/attachments`,
        people,
        conflicts: rows,
        relations: CONFLICT_RELATIONS.map((value) => ({ value, label: CONFLICT_RELATION_LABELS[value] })),
      },
      status,
    );
  }
}

/** The rows the person filled in (a person chosen), as posted. */
function conflictsOf(body: Form): Partial<ConflictDeclaration>[] {
  const people = listOf(body.conflictPerson);
  const relations = listOf(body.conflictRelation);
  const notes = listOf(body.conflictNote);
  return people
    .map((personId, index) => ({
      personId,
      relation: relations[index] as ConflictRelation,
      ...(notes[index] ? { note: notes[index] } : {}),
    }))
    .filter((conflict) => conflict.personId !== '');
}

/** Checked as the API's DTO checks them, so a bad row is refused with the same stable code. */
function validConflicts(conflicts: Partial<ConflictDeclaration>[]): ConflictDeclaration[] {
  for (const conflict of conflicts) {
    const fine =
      isUuid(conflict.personId) &&
      CONFLICT_RELATIONS.includes(conflict.relation as ConflictRelation) &&
      (conflict.note?.length ?? 0) <= 500 &&
      !conflict.note?.includes('\u0000');
    if (!fine)
      throw new DomainError('REQUEST.INVALID', { field: 'conflicts' }, '回避申报的关系或说明填写有误');
  }
  return conflicts as ConflictDeclaration[];
}
