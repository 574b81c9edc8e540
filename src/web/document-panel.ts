import type { Role } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { DOCUMENT_ANSWERERS, DOCUMENT_REQUESTERS } from '../supervision/document-requests.service.js';
import type { DocumentRequestViewDto } from '../supervision/document-request-view.dto.js';
import type { FormField } from './form-fields.js';

/** The supervisors' request for documents (调阅资料), as the matter's view gives it. */
export type DocumentRequestRow = DocumentRequestViewDto;

/** What a person typed into one of the panel's forms, kept when it was refused. */
export interface DocumentDraft {
  /** The request answered, or null for a new request. */
  requestId: string | null;
  values: Record<string, unknown>;
  problems: Record<string, string>;
}

export const REQUEST_FIELDS: FormField[] = [
  { name: 'request', label: '要求调阅的资料', kind: 'textarea', required: true, options: [] },
];

export const ANSWER_FIELDS: FormField[] = [
  { name: 'answer', label: '答复', kind: 'textarea', required: true, options: [] },
  { name: 'attachments', label: '附件', kind: 'files', required: false, options: [] },
];

/** The longest request and answer the API takes (`DocumentRequestDto`, `DocumentAnswerDto`). */
const DOCUMENT_TEXT_LIMITS = { request: 2000, answer: 5000 } as const;

/** What is wrong with a typed text, in the words of the schema checks the forms translate; or null. */
function textProblem(typed: string, limit: number): string | null {
  if (!typed) return 'required property';
  if ([...typed].length > limit) return `must NOT have more than ${limit} characters`;
  if (typed.includes('\u0000')) return 'NUL';
  return null;
}

/**
 * The request or answer as typed, trimmed; refused (`REQUEST.INVALID`, naming the field) when empty, too
 * long or not storable: the API's checks, with blank text counted as empty.
 */
export function documentText(values: Record<string, unknown>, name: keyof typeof DOCUMENT_TEXT_LIMITS) {
  const typed = typeof values[name] === 'string' ? values[name].trim() : '';
  const problem = textProblem(typed, DOCUMENT_TEXT_LIMITS[name]);
  if (problem) throw new DomainError('REQUEST.INVALID', { problems: [{ field: name, problem }] });
  return typed;
}

/**
 * The matter page's 调阅资料 section: every request with its answer, who asked and answered by name and
 * when; the form to ask for those who may (the supervision committee, the township, its inspector), and
 * the form to answer an open request for the cadres who may.
 */
export function documentPanel(
  rows: readonly DocumentRequestRow[],
  roles: ReadonlySet<Role>,
  nameOf: (personId: string | null) => string,
  dateOf: (iso: string) => string,
  draft: DocumentDraft | null,
) {
  const may = (allowed: readonly string[]) => allowed.some((role) => roles.has(role as Role));
  return {
    requests: rows.map((row) => ({
      ...row,
      requestedBy: nameOf(row.requestedBy),
      requestedAt: dateOf(row.requestedAt),
      answeredBy: nameOf(row.answeredBy),
      answeredAt: row.answeredAt ? dateOf(row.answeredAt) : '',
    })),
    requestFields: may(DOCUMENT_REQUESTERS) ? REQUEST_FIELDS : null,
    answerFields: may(DOCUMENT_ANSWERERS) ? ANSWER_FIELDS : null,
    draft: draft ?? { requestId: null, values: {}, problems: {} },
  };
}
