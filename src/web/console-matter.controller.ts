import { Body, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { JsonObject, MachineData } from '../../workflows/index.js';
import { DomainError, isDomainError } from '../common/errors/domain-error.js';
import { localTime } from '../common/format-time.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { CatalogService } from '../catalog/catalog.service.js';
import { EngineService } from '../engine/engine.service.js';
import type { ConflictRelation } from '../engine/matter-conflict.entity.js';
import { MatterQueries } from '../engine/matter-queries.service.js';
import { stepTitleOf } from '../engine/state-path.js';
import type { PersonActor } from '../identity/actor.js';
import { MeetingViews } from '../meetings/meeting-views.service.js';
import { DISCLOSURE_STATUSES, OBJECTION_STATUSES } from '../records/dossier-words.js';
import { DocumentRequestsService } from '../supervision/document-requests.service.js';
import { ConsoleForms } from './console-forms.service.js';
import {
  ANSWER_FIELDS,
  documentPanel,
  documentText,
  REQUEST_FIELDS,
  type DocumentDraft,
  type DocumentRequestRow,
} from './document-panel.js';
import { fieldProblemsOf, refusalText } from './field-problems.js';
import { ListChangeView } from './list-change-view.service.js';
import { CONFLICT_RELATION_LABELS, payloadOf, ratingInputName } from './form-fields.js';
import { closingWarning, inSession, offeredActions, sessionOf } from './meeting-panel.js';
import { stepListOf, inlineSvg } from './step-list.js';
import type { PageFrame } from './templates.js';
import { flashOf, messageOf, requireActor, sendPage, redirectWithFlash, markRefusal } from './web-request.js';
import { PageController } from './page-controller.decorator.js';

type Form = Record<string, unknown>;

interface DeclaredConflict {
  personId: string;
  relation: ConflictRelation;
  note: string | null;
  declaredBy: string;
}

/** Acts that end or send back a matter get a red button: people should pause before them. */
const DANGEROUS = /REJECT|REFUSED|ABANDON|OBJECT|WITHDRAW|UPHOLD/;

/** What a refused form brings back onto the matter page, and the page's status. */
interface PageDrafts {
  filled?: { type: string; values: JsonObject; problems: Record<string, string> };
  status?: number;
  documentDraft?: DocumentDraft | null;
}

/**
 * A matter in the console: where it stands, the acts open to this person with forms made from each
 * step's payload schema (checked on a confirmation page first), the meeting in session with its running
 * count, objections, disclosures and history. Every act goes through the same engine as the API, so it
 * is refused and traced the same way.
 */
@Public()
@PageController('c')
export class ConsoleMatterController {
  constructor(
    private readonly queries: MatterQueries,
    private readonly engine: EngineService,
    private readonly documents: DocumentRequestsService,
    private readonly listChanges: ListChangeView,
    private readonly catalog: CatalogService,
    private readonly forms: ConsoleForms,
    private readonly meetings: MeetingViews,
    private readonly time: LocalTime,
  ) {}

  @Get('v/:villageId/m/:matterId')
  async matter(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    await this.sendMatterPage(response, actor, villageId, matterId, flashOf(request, response));
  }

  /**
   * First the confirmation page with what will be recorded; then, confirmed, the act itself, or, with
   * `edit`, the form again as filled in. A refused act brings back the matter page with the form as the
   * person filled it and the reason: nothing typed is lost either way.
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
      const meeting = inSession(await this.meetings.forMatter(actor, villageId, matterId));
      const action = offeredActions(matter.availableActions, meeting, actor.personId).find(
        (candidate) => candidate.type === type,
      );
      if (!action) {
        // Not offered to this person now: the engine says why, and traces the attempt like any other.
        await this.engine.submit({ villageId, matterId, actor, type, payload: {} });
        throw new DomainError('MATTER.STEP_NOT_ALLOWED', { type });
      }
      const { people, fieldsOf } = await this.forms.actionForms(actor, villageId, matter, sessionOf(meeting));
      const fields = fieldsOf(action);
      values = payloadOf(fields, body);
      if (body.edit === 'yes') {
        // Back from the confirmation page: the form again as it was filled in, nothing recorded.
        await this.sendMatterPage(response, actor, villageId, matterId, null, {
          filled: { type: action.type, values, problems: {} },
        });
        return;
      }
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
            rows: this.forms.confirmRows(fields, values, people, files),
            warning: action.type === 'CLOSE_VOTE' ? closingWarning(meeting) : null,
            hidden: this.hiddenInputs(action.type, values),
          },
        );
        return;
      }
      await this.engine.submit({ villageId, matterId, actor, type: action.type, payload: values });
      redirectWithFlash(response, back, 'ok', `已办理：${action.title}`);
    } catch (error) {
      const problems = fieldProblemsOf(error);
      const named = await this.namedInRefusal(actor, villageId, error);
      const text = refusalText(messageOf(error), problems) + named;
      await this.sendRefusal(response, actor, villageId, matterId, error, text, {
        filled: { type, values, problems },
      });
    }
  }

  /** The supervisors ask for a matter's documents (调阅资料), at any step, even after it ended. */
  @Post('v/:villageId/m/:matterId/documents')
  requestDocuments(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.documentAct(request, response, villageId, matterId, null, body);
  }

  /** The cadres answer an open request, with files uploaded as the form's other files are. */
  @Post('v/:villageId/m/:matterId/documents/:requestId/answer')
  answerDocuments(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: Form,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    return this.documentAct(request, response, villageId, matterId, requestId, body);
  }

  /**
   * Asks (no `requestId`) or answers through the same service as the API, traced the same way; a refusal
   * brings the matter page back with the text and files as they were sent, and the reason.
   */
  private async documentAct(
    request: Request,
    response: Response,
    villageId: string,
    matterId: string,
    requestId: string | null,
    body: Form,
  ) {
    const actor = requireActor(request, response);
    if (!actor) return;
    const back = `/c/v/${villageId}/m/${matterId}`;
    const values = payloadOf(requestId ? ANSWER_FIELDS : REQUEST_FIELDS, body);
    try {
      const command = { villageId, matterId, actor };
      if (requestId) {
        const attachments = (values.attachments as string[] | undefined) ?? [];
        await this.documents.answer({
          ...command,
          requestId,
          answer: documentText(values, 'answer'),
          attachments,
        });
      } else await this.documents.request({ ...command, request: documentText(values, 'request') });
      redirectWithFlash(response, `${back}#documents`, 'ok', requestId ? '已答复调阅要求' : '已提出调阅要求');
    } catch (error) {
      const problems = fieldProblemsOf(error);
      const text = refusalText(messageOf(error), problems);
      await this.sendRefusal(response, actor, villageId, matterId, error, text, {
        documentDraft: { requestId, values, problems },
      });
    }
  }

  /** The people a refusal names by id (not on the roster, voted but marked absent), by name. */
  private async namedInRefusal(actor: PersonActor, villageId: string, error: unknown): Promise<string> {
    const ids = isDomainError(error) ? (error.details as { personIds?: unknown }).personIds : undefined;
    if (!Array.isArray(ids) || ids.length === 0) return '';
    const people = await this.forms.villagePeople(actor, villageId);
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    return `（${ids.map((id) => nameOf.get(String(id)) ?? '不在本村名册的人员').join('、')}）`;
  }

  /**
   * A refused form: the matter page again, with what was typed and the reason, answered with the
   * refusal's status and code; if even the page cannot be shown, back to it with the reason.
   */
  private async sendRefusal(
    response: Response,
    actor: PersonActor,
    villageId: string,
    matterId: string,
    error: unknown,
    text: string,
    drafts: Pick<PageDrafts, 'filled' | 'documentDraft'>,
  ) {
    const flash = { kind: 'error' as const, text };
    const status = markRefusal(response, error);
    await this.sendMatterPage(response, actor, villageId, matterId, flash, { ...drafts, status }).catch(() =>
      redirectWithFlash(response, `/c/v/${villageId}/m/${matterId}`, 'error', text),
    );
  }

  private async sendMatterPage(
    response: Response,
    actor: PersonActor,
    villageId: string,
    matterId: string,
    flash: PageFrame['flash'],
    { filled, status = 200, documentDraft = null }: PageDrafts = {},
  ) {
    const { matter, roles, path: taken } = await this.queries.page(actor, villageId, matterId);
    const meetings = await this.meetings.forMatter(actor, villageId, matterId);
    const meeting = inSession(meetings);
    const forms = await this.forms.actionForms(actor, villageId, matter, sessionOf(meeting));
    const { people, fieldsOf, machine } = forms;
    const actions = offeredActions(matter.availableActions, meeting, actor.personId).map((action) => ({
      type: action.type,
      title: action.title,
      danger: DANGEROUS.test(action.type),
      fields: fieldsOf(action),
      values: action.type === filled?.type ? filled.values : {},
      problems: action.type === filled?.type ? filled.problems : {},
    }));
    const filledFields = actions.find((action) => action.type === filled?.type)?.fields ?? [];
    const files = filled
      ? await this.forms.filesIn(villageId, filledFields, filled.values)
      : documentDraft
        ? await this.forms.filesIn(villageId, ANSWER_FIELDS, documentDraft.values as JsonObject)
        : [];
    const flowchart = inlineSvg(await this.catalog.flowchart(taken.procedureId, taken.version, taken.path));
    const stepList = stepListOf(machine, taken.path);
    const history = matter.history.map((step) => ({ ...step, at: this.time.dateOf(step.at) }));
    const listChange = await this.listChanges.of(villageId, matter);
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
    const documents = documentPanel(
      (matter as { documentRequests?: DocumentRequestRow[] }).documentRequests ?? [],
      roles,
      (personId) => (personId ? (nameOf.get(personId) ?? '监督人员') : ''),
      (iso) => localTime(iso, this.time.timeZone),
      documentDraft,
    );
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
        documents,
        panel: meeting && { running: meeting.running, warning: closingWarning(meeting) },
        names: Object.fromEntries(nameOf),
        disclosureStatuses: DISCLOSURE_STATUSES,
        objectionStatuses: OBJECTION_STATUSES,
        files,
        uploadTo: `/c/v/${villageId}/attachments`,
        listChange,
        flowchart,
        stepList,
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
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item === 'object' && item !== null && !Array.isArray(item) && 'subject' in item) {
          // A 民主测评 ballot line goes back as the form sent it: one input per count.
          const line = item as Record<string, unknown>;
          for (const [rating, count] of Object.entries(line).filter(([key]) => key !== 'subject'))
            inputs.push({ name: ratingInputName(name, String(line.subject), rating), value: String(count) });
        } else inputs.push({ name, value: String(item) });
      }
    }
    return inputs;
  }
}
