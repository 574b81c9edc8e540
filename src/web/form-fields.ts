import type { JsonObject, JsonSchema, JsonValue, MachineData, NamedRef } from '../../workflows/index.js';
import { labelOf, optionLabelOf } from '../common/field-words.js';
import { nodesAlong, stageOf, stepTitleOf } from '../engine/state-path.js';
import type { ConflictRelation } from '../engine/matter-conflict.entity.js';

/** One form control made from a payload schema's property. */
export interface FormField {
  name: string;
  label: string;
  kind:
    | 'text'
    | 'textarea'
    | 'lines'
    | 'date'
    | 'number'
    | 'select'
    | 'choices'
    | 'checkbox'
    | 'people'
    | 'person'
    | 'files'
    | 'ratings';
  required: boolean;
  options: { value: string; label: string }[];
  /** What choosing nothing means, where that is a choice of its own. */
  emptyLabel?: string;
}

/** Why a person stands aside (回避) from a matter, as the start form and the matter page say it. */
export const CONFLICT_RELATION_LABELS: Record<ConflictRelation, string> = {
  closeRelative: '申请人、投标人或收款人的近亲属',
  applicant: '本人是申请人',
  bidder: '本人是投标人',
  payee: '本人是收款人',
  other: '其他利害关系',
};

/**
 * Left out of the console's forms: list changes (made on their own page) and absentees (whoever is not ticked).
 */
const NOT_IN_FORMS = new Set(['changes', 'absent']);

/** Lists of uploaded files' ids: the form uploads each file as it is chosen and keeps its id. */
const FILE_FIELDS = new Set(['attachments', 'evidence', 'signInSheet', 'tallySheet', 'proxyLetters']);

type Option = FormField['options'][number];

/** What a form needs besides the schema: the village's people, and the steps a matter may be sent back to. */
export interface FieldContext {
  people: { id: string; name: string }[];
  /** For `backTo`: the steps before the current one, by their titles (the engine refuses the rest). */
  earlierSteps?: Option[];
  /** For attendance: the roster of the meeting in session, the only people who can be marked present. */
  roster?: { id: string; name: string }[];
  /** For attendance by household: the roster's households, named by their people. */
  households?: { id: string; name: string }[];
  /** Whether the meeting's body may be attended online (the collective's, by its charter). */
  remoteAttendance?: boolean;
  /** Whether members may attend by a written proxy (the member assembly). */
  proxyAttendance?: boolean;
  /** For a 民主测评's count: the lines of its ballot, as the server fixed them when it was convened. */
  appraisalSubjects?: { key: string; label: string }[];
  /** For a count's scrutineer (监票人): who was at the meeting in session, the only ones who may be. */
  atMeeting?: { id: string; name: string }[];
}

/** The three counts a 民主测评 ballot line takes, in the ballot's order. */
export const RATING_COUNTS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;

/** The form name of one count of one ballot line: `ratings.<subject>.<rating>`. */
export const ratingInputName = (field: string, subject: string, rating: string) =>
  `${field}.${subject}.${rating}`;

/** Online attendance, offered only where the law lets a body's charter allow it. */
const REMOTE_FIELDS = new Set(['presentRemotely', 'remoteAllowedBy']);

/** Attendance by written proxy, offered only at the member assembly. */
const PROXY_FIELDS = new Set(['presentByProxy', 'proxyLetters']);

/** Fields that name the people of a meeting's roster. */
const ROSTER_FIELDS = new Set(['present', 'absent', 'presentRemotely', 'presentByProxy']);

const enumOptions = (values: unknown[]): Option[] =>
  values.map((value) => ({ value: String(value), label: optionLabelOf(String(value)) }));

/** The controls for a payload: text, dates, choices, and the village's people where an id is asked. */
export function fieldsOf(schema: JsonSchema, context: FieldContext): FormField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const personOptions = context.people.map((person) => ({ value: person.id, label: person.name }));
  return Object.entries(properties).flatMap(([name, property]): FormField[] => {
    const base = { name, label: labelOf(name), required: required.has(name), options: [] };
    const items = property.items as JsonSchema | undefined;
    if (NOT_IN_FORMS.has(name)) return [];
    if (REMOTE_FIELDS.has(name) && !context.remoteAttendance) return [];
    if (PROXY_FIELDS.has(name) && !context.proxyAttendance) return [];
    if (name === 'backTo') {
      const options = context.earlierSteps ?? [];
      return [{ ...base, kind: 'select', options, emptyLabel: '不退回，本步骤重新办理' }];
    }
    if (FILE_FIELDS.has(name) && property.type === 'array') return [{ ...base, kind: 'files' }];
    if (name === 'ratings') {
      const options = (context.appraisalSubjects ?? []).map(({ key, label }) => ({ value: key, label }));
      return [{ ...base, kind: 'ratings', options }];
    }
    if (name === 'households') {
      // Only with a meeting in session whose roster has households to sign in.
      if (!context.households?.length) return [];
      const options = context.households.map(({ id, name: label }) => ({ value: id, label }));
      return [{ ...base, kind: 'people', options }];
    }
    if (property.type === 'array' && items?.format === 'uuid') {
      const people = ROSTER_FIELDS.has(name) && context.roster ? context.roster : context.people;
      return [
        { ...base, kind: 'people', options: people.map(({ id, name: label }) => ({ value: id, label })) },
      ];
    }
    if (property.type === 'array' && Array.isArray(items?.enum))
      return [{ ...base, kind: 'choices', options: enumOptions(items.enum) }];
    if (property.type === 'array' && items?.type === 'string') return [{ ...base, kind: 'lines' }];
    if (property.type === 'array' || property.type === 'object') return [];
    if (Array.isArray(property.enum))
      return [{ ...base, kind: 'select', options: enumOptions(property.enum) }];
    if (name === 'scrutineer' && property.format === 'uuid' && context.atMeeting) {
      const options = context.atMeeting.map(({ id, name: label }) => ({ value: id, label }));
      return [{ ...base, kind: 'person', options }];
    }
    if (property.format === 'uuid') return [{ ...base, kind: 'person', options: personOptions }];
    if (property.format === 'date') return [{ ...base, kind: 'date' }];
    if (property.type === 'boolean') return [{ ...base, kind: 'checkbox' }];
    if (property.type === 'number' || property.type === 'integer') return [{ ...base, kind: 'number' }];
    const long = typeof property.maxLength === 'number' && property.maxLength > 200;
    return [{ ...base, kind: long ? 'textarea' : 'text' }];
  });
}

/** The posted form as the payload the schema describes: numbers, booleans and lists typed, blanks left out. */
export function payloadOf(fields: FormField[], body: Record<string, unknown>): JsonObject {
  const payload: JsonObject = {};
  for (const field of fields) {
    const raw = body[field.name];
    if (field.kind === 'checkbox') {
      if (raw !== undefined) payload[field.name] = raw === 'true' || raw === 'on';
      continue;
    }
    if (field.kind === 'people' || field.kind === 'files' || field.kind === 'choices') {
      const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (list.length > 0) payload[field.name] = list.map(String);
      continue;
    }
    if (field.kind === 'ratings') {
      // One line per subject the ballot has; a count left blank is a count not given (the engine says so).
      const count = (key: string, rating: string) => {
        const text = body[ratingInputName(field.name, key, rating)];
        return typeof text === 'string' && text.trim() !== '' ? Number(text) : undefined;
      };
      const lines = field.options.map(({ value: subject }): JsonObject => {
        const line: JsonObject = { subject };
        for (const rating of RATING_COUNTS) {
          const value = count(subject, rating);
          if (value !== undefined) line[rating] = value;
        }
        return line;
      });
      if (lines.some((line) => Object.keys(line).length > 1)) payload[field.name] = lines;
      continue;
    }
    if (field.kind === 'lines') {
      // One entry a line, as a clerk types names; blank lines are no one. A list already split comes back from the confirmation page.
      const lines = (Array.isArray(raw) ? raw : [raw])
        .flatMap((text) => (typeof text === 'string' ? text.split(/\r?\n/) : []))
        .map((line) => line.trim())
        .filter(Boolean);
      if (lines.length > 0) payload[field.name] = lines;
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const value: JsonValue = field.kind === 'number' ? numberOf(raw) : raw.trim();
    payload[field.name] = value;
  }
  return payload;
}

/**
 * A number as people type it: 12,500.50 or 12，500 with thousands separators, full-width digits from a
 * Chinese keyboard. What still is no number stays the text typed: the engine refuses it by name and the
 * form comes back with it, never as NaN.
 */
export function numberOf(raw: string): JsonValue {
  const halfWidth = raw
    .trim()
    .replace(/[０-９．]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0));
  const digits = halfWidth.replace(/(?<=\d)[,，\s](?=\d{3}(?!\d))/g, '');
  // Decimal notation only: Number() would also read 0x10, 1e3 and Infinity, which nobody means here.
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(digits) ? Number(digits) : raw.trim();
}

/** The `backTo` values a guard of an objection compares with, anywhere in its guard tree. */
function backToValues(guard: NamedRef | undefined): string[] {
  const params = guard?.params ?? {};
  if (guard?.type === 'payloadEquals' && params.field === 'backTo' && typeof params.value === 'string')
    return [params.value];
  if (guard?.type === 'allOf') return (params.guards as unknown as NamedRef[]).flatMap(backToValues);
  return [];
}

/**
 * The steps an objection at `state` may send the matter back to, as the machine's own transitions name
 * them, by their Chinese titles; the step itself is the empty choice (it is done again).
 */
export function earlierStepsOf(machine: MachineData, state: string): Option[] {
  const here = stageOf(state);
  const targets = nodesAlong(machine, state).flatMap((node) =>
    (node.on?.OBJECT ?? []).flatMap((transition) => backToValues(transition.guard)),
  );
  return [...new Set(targets)]
    .filter((key) => key !== here)
    .map((key) => ({ value: key, label: stepTitleOf(machine, key) }));
}
