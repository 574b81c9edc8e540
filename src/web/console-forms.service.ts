import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  stepsOfItem,
  type JsonObject,
  type JsonSchema,
  type JsonValue,
  type ProcedureDefinition,
  type StepChoice,
} from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { isUuid } from '../common/uuid.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import type { AttachmentRef } from '../disclosure/attachment.entity.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { VillagePeopleService } from '../identity/village-people.service.js';
import { ListsService } from '../lists/lists.service.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { labelOf } from '../common/field-words.js';
import { RATING_COUNTS, earlierStepsOf, fieldsOf, type FieldContext, type FormField } from './form-fields.js';
import type { XItemForm } from './x-item-form.js';

export interface Person {
  id: string;
  name: string;
}

/** What the console's forms need to be drawn and read back: the village's people, fields, files. */
@Injectable()
export class ConsoleForms {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly people: VillagePeopleService,
    private readonly lists: ListsService,
    private readonly procedures: ProcedureCatalog,
    private readonly attachments: AttachmentsService,
    private readonly time: LocalTime,
  ) {}

  /** Each person of the village once, however many roles they hold. */
  async villagePeople(actor: PersonActor, villageId: string): Promise<Person[]> {
    const memberships = await this.people.members(actor, villageId);
    const unique = new Map(memberships.map((membership) => [membership.person.id, membership.person]));
    return [...unique.values()];
  }

  /**
   * The forms of the acts open to a person on a matter: the village's people for the person fields, and
   * for an objection the steps the matter may go back to, by title.
   */
  async actionForms(
    actor: PersonActor,
    villageId: string,
    matter: { procedure: { id: string; version: number }; state: string },
    session: Omit<FieldContext, 'people' | 'earlierSteps'> = {},
  ) {
    const db = this.dataSource.manager;
    const [people, { definition }] = await Promise.all([
      this.villagePeople(actor, villageId),
      this.procedures.get(db, matter.procedure.id, matter.procedure.version),
    ]);
    const earlierSteps = earlierStepsOf(definition.machine, matter.state);
    return {
      people,
      machine: definition.machine,
      fieldsOf: (action: { payloadSchema: JsonSchema }) =>
        fieldsOf(action.payloadSchema, { people, earlierSteps, ...session }),
    };
  }

  /** The inputs the item in force today asks for when a matter starts. */
  async startFields(actor: PersonActor, villageId: string, code: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const inForce = await this.lists.itemInForce(db, villageId, code, this.time.today());
    const procedure = inForce
      ? await this.procedures.get(db, inForce.procedureId, inForce.version, inForce.parameters)
      : await this.procedures.latest(db, code);
    const people = await this.villagePeople(actor, villageId);
    return {
      title: procedure.definition.title,
      people,
      fields: fieldsOf(procedure.definition.inputSchema, { people }),
    };
  }

  /**
   * The editor's form for a village's own item (X): filled from the item in force when `code` names one
   * (to change it), else a first draft with the next free code.
   */
  async villageItemForm(code: string | undefined, items: VillageListItem[]): Promise<XItemForm> {
    const own = items.filter((item) => item.origin === 'village');
    const existing = own.find((item) => item.code === code);
    const blank: XItemForm = {
      code: nextFreeCode(own.map((item) => item.code)),
      title: '',
      category: 'C',
      description: '',
      basis: '村规民约',
      startRoles: ['villager', 'committee_member'],
      effectiveFrom: this.time.today(),
      steps: [{ kind: 'accept' }, { kind: 'supervisor' }, { kind: 'approval' }],
    };
    if (!existing) return blank;
    const { definition } = await this.procedures.get(
      this.dataSource.manager,
      existing.procedure.id,
      existing.procedure.version,
    );
    return {
      ...blank,
      code: existing.code,
      title: existing.title,
      category: definition.category,
      description: definition.description ?? '',
      basis: definition.legalBasis[0]?.law ?? blank.basis,
      startRoles: definition.startRoles,
      steps: stepsOfItem(definition) ?? templateSteps(definition),
    };
  }

  /** The files a form already carries (by id), with their names, to show them again. */
  async filesIn(villageId: string, fields: FormField[], values: JsonObject): Promise<AttachmentRef[]> {
    const ids = fields
      .filter((field) => field.kind === 'files')
      .flatMap((field) => ([] as JsonValue[]).concat(values[field.name] ?? []))
      .filter((id): id is string => isUuid(id));
    return ids.length ? this.attachments.refs(this.dataSource.manager, villageId, ids) : [];
  }

  /** A filled form as rows to check before it is sent: names for ids, words for choices. */
  confirmRows(fields: FormField[], values: JsonObject, people: Person[], files: AttachmentRef[]) {
    const nameOf = new Map([
      ...people.map((person) => [person.id, person.name] as const),
      ...files.map((file) => [file.id, file.filename] as const),
    ]);
    const optionLabel = (value: string) =>
      fields.flatMap((field) => field.options).find((option) => option.value === value)?.label;
    const show = (value: unknown): string => {
      if (Array.isArray(value)) return value.map(show).join('、');
      if (typeof value === 'object' && value !== null && 'subject' in value) {
        // A 民主测评 ballot line: 张三（村党组织书记）：满意 8，基本满意 1，不满意 1.
        const line = value as Record<string, unknown>;
        const counts = RATING_COUNTS.map((rating) => `${labelOf(rating)} ${show(line[rating]) || '—'}`);
        return `${show(line.subject)}：${counts.join('，')}`;
      }
      if (typeof value === 'boolean') return value ? '是' : '否';
      const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      return nameOf.get(text) ?? optionLabel(text) ?? text;
    };
    return fields.map((field) => ({ label: labelOf(field.name), value: show(values[field.name]) }));
  }
}

interface VillageListItem {
  code: string;
  title: string;
  origin: string;
  procedure: { id: string; version: number };
}

/** An item made by the first template (review, then approval), as the editor's steps. */
function templateSteps(definition: ProcedureDefinition): StepChoice[] {
  const states = definition.machine.states ?? {};
  return [
    ...('review' in states ? [{ kind: 'supervisor' as const }] : []),
    ...('approval' in states ? [{ kind: 'approval' as const }] : []),
  ];
}

/** X1, X2 …: the first number no item of the village uses. */
function nextFreeCode(codes: string[]): string {
  const used = new Set(codes);
  let number = 1;
  while (used.has(`X${number}`)) number++;
  return `X${number}`;
}
