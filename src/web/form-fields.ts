import type { JsonObject, JsonSchema, JsonValue } from '../../workflows/index.js';
import { STATUTORY_CLASSES } from '../../workflows/catalog/statutory-classes.js';
import type { ConflictRelation } from '../engine/matter-conflict.entity.js';
import { INPUT_LABELS } from '../records/dossier-words.js';

/** One form control made from a payload schema's property. */
export interface FormField {
  name: string;
  label: string;
  kind: 'text' | 'textarea' | 'date' | 'number' | 'select' | 'checkbox' | 'people' | 'person' | 'files';
  required: boolean;
  options: { value: string; label: string }[];
}

const LABELS: Record<string, string> = {
  opinion: '意见',
  reason: '理由',
  reasons: '理由',
  plan: '方案',
  heldOn: '会议日期',
  noticeGivenOn: '通知日期',
  ballot: '表决方式',
  present: '到会人员',
  choice: '表决意见',
  minutes: '会议记录',
  title: '标题',
  body: '正文',
  note: '备注',
  summary: '概要',
  agree: '同意',
  request: '调阅内容',
  answer: '答复',
  measures: '整改措施',
  content: '内容',
  backTo: '退回到',
  mergeWithDeliberation: '提议与“两委”商议合并进行',
  documentNo: '文号',
  place: '地点',
  agenda: '议题',
  attachments: '附件',
  evidence: '整改佐证材料',
  presentCount: '到会人数（按签到表）',
  householdsPresentCount: '到会户数（按签到表）',
  signInSheet: '签到表（照片或扫描件）',
  yes: '赞成票',
  no: '反对票',
  abstain: '弃权票',
  counter: '计票人',
  scrutineer: '监票人',
  tallySheet: '计票单（照片或扫描件）',
  missing: '需补齐的材料',
};

const OPTION_LABELS: Record<string, string> = {
  ...Object.fromEntries(STATUTORY_CLASSES.map((entry) => [entry.code, entry.title])),
  member: '本集体经济组织成员',
  outsider: '本集体经济组织成员以外的单位或个人',
  collectiveMembers: '集体经济组织成员大会',
  yes: '赞成',
  no: '反对',
  abstain: '弃权',
  open: '公开表决（举手）',
  secret: '无记名投票',
  representatives: '村民代表会议',
  villagers: '村民会议',
  party_member_suggestion: '党员建议',
  public_suggestion: '群众建议',
  cadre_proposal: '村“两委”提出',
  higher_assignment: '上级交办',
};

/** Why a person stands aside (回避) from a matter, as the start form and the matter page say it. */
export const CONFLICT_RELATION_LABELS: Record<ConflictRelation, string> = {
  closeRelative: '申请人、投标人或收款人的近亲属',
  applicant: '本人是申请人',
  bidder: '本人是投标人',
  payee: '本人是收款人',
  other: '其他利害关系',
};

export const labelOf = (name: string) => LABELS[name] ?? INPUT_LABELS[name] ?? name;

/**
 * Left out of the console's forms: list changes (made on their own page), absentees (whoever is not ticked),
 * sign-in by household and online attendance (the API takes them; the console records by person or by count).
 */
const NOT_IN_FORMS = new Set(['changes', 'absent', 'households', 'presentRemotely', 'remoteAllowedBy']);

/** Lists of uploaded files' ids: the form uploads each file as it is chosen and keeps its id. */
const FILE_FIELDS = new Set(['attachments', 'evidence', 'signInSheet', 'tallySheet']);

/** The controls for a payload: text, dates, choices, and the village's people where an id is asked. */
export function fieldsOf(schema: JsonSchema, people: { id: string; name: string }[]): FormField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  const personOptions = people.map((person) => ({ value: person.id, label: person.name }));
  return Object.entries(properties).flatMap(([name, property]): FormField[] => {
    const base = { name, label: labelOf(name), required: required.has(name), options: [] };
    const items = property.items as JsonSchema | undefined;
    if (NOT_IN_FORMS.has(name)) return [];
    if (FILE_FIELDS.has(name) && property.type === 'array') return [{ ...base, kind: 'files' }];
    if (property.type === 'array' && items?.format === 'uuid')
      return [{ ...base, kind: 'people', options: personOptions }];
    if (property.type === 'array' || property.type === 'object') return [];
    if (Array.isArray(property.enum)) {
      const options = (property.enum as string[]).map((value) => ({
        value,
        label: OPTION_LABELS[value] ?? value,
      }));
      return [{ ...base, kind: 'select', options }];
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
    if (field.kind === 'people' || field.kind === 'files') {
      const list = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (list.length > 0) payload[field.name] = list.map(String);
      continue;
    }
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const value: JsonValue = field.kind === 'number' ? Number(raw) : raw.trim();
    payload[field.name] = value;
  }
  return payload;
}
