import type { JsonObject } from '../../workflows/index.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';

/** Acts outside any procedure's events (they do not move a matter through its steps), titled here. */
const SIDE_ACT_TITLES: Record<string, string> = {
  START: '发起事项',
  DECLARE_CONFLICT: '申报利益冲突',
  REQUEST_DOCUMENTS: '调阅资料',
  ANSWER_DOCUMENT_REQUEST: '提供调阅资料',
};

/** An act's title as people read it, e.g. 监督委员会审核同意. */
export function actTitle(procedure: BuiltProcedure | null, eventType: string): string {
  return procedure?.events.get(eventType)?.spec.title ?? SIDE_ACT_TITLES[eventType] ?? eventType;
}

/** The words of an act, opinion first: what a ledger or dossier shows of its payload. */
const TEXT_FIELDS = [
  'opinion',
  'reason',
  'reasons',
  'finding',
  'request',
  'answer',
  'content',
  'measures',
  'note',
];

export function actText(payload: unknown): string {
  const fields = (payload ?? {}) as JsonObject;
  return TEXT_FIELDS.map((field) => fields[field])
    .filter((value): value is string => typeof value === 'string' && value.length > 0)
    .join('；');
}
