import {
  paletteEntry,
  type CategoryCode,
  type PaletteParameter,
  type StepChoice,
} from '../../workflows/index.js';
import { textOf } from './web-request.js';

/** The X-item editor's form: the item's particulars and its steps in order, as the page posts them. */
export interface XItemForm {
  code: string;
  title: string;
  category: CategoryCode;
  description: string;
  basis: string;
  startRoles: string[];
  effectiveFrom: string;
  steps: StepChoice[];
}

/** Who may apply for a village item, as the editor offers it. */
export const APPLICANT_ROLES = [
  { value: 'villager', label: '村民' },
  { value: 'committee_member', label: '村委会成员' },
  { value: 'secretary', label: '村党组织书记' },
] as const;

/** What a press of the editor's buttons asks for; every one but `submit` only redraws and re-checks. */
export type EditorOp =
  | { op: 'check' }
  | { op: 'submit' }
  | { op: 'add'; kind: string }
  | { op: 'up' | 'down' | 'remove'; index: number };

const MAX_STEPS = 20;

type Body = Record<string, unknown>;
const listOf = (value: unknown): string[] =>
  ([] as unknown[]).concat(value ?? []).filter((entry): entry is string => typeof entry === 'string');

/** A parameter as typed: a whole number, or the text a list offered (checked again by the builder). */
function parameterValue(parameter: PaletteParameter, raw: string): number | string | undefined {
  if (raw === '') return undefined;
  if ('options' in parameter) return raw;
  return /^-?\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
}

/**
 * The form read back from the posted fields (`kind.0`, `days.0` …): steps in their posted order, each
 * with only its own kind's parameters. Nothing typed is dropped without a trace: a value that is not a
 * number stays as NaN, which the builder refuses beside the step.
 */
export function readXItemForm(body: Body): XItemForm {
  const steps: StepChoice[] = [];
  for (let index = 0; index < MAX_STEPS; index++) {
    const kind = textOf(body, `kind.${index}`);
    if (!kind) continue;
    const choice: Record<string, unknown> = { kind };
    for (const parameter of paletteEntry(kind)?.parameters ?? []) {
      const value = parameterValue(parameter, textOf(body, `${parameter.name}.${index}`));
      if (value !== undefined) choice[parameter.name] = value;
    }
    steps.push(choice as unknown as StepChoice);
  }
  return {
    code: textOf(body, 'code'),
    title: textOf(body, 'title'),
    category: textOf(body, 'category') as CategoryCode,
    description: textOf(body, 'description'),
    basis: textOf(body, 'basis'),
    startRoles: listOf(body.startRoles).filter((role) =>
      APPLICANT_ROLES.some((known) => known.value === role),
    ),
    effectiveFrom: textOf(body, 'effectiveFrom'),
    steps,
  };
}

/** Which button was pressed: `add`, `up:2`, `remove:0`, `submit`; anything else only re-checks. */
export function readEditorOp(body: Body): EditorOp {
  const op = textOf(body, 'op');
  if (op === 'submit') return { op: 'submit' };
  if (op === 'add') return { op: 'add', kind: textOf(body, 'addKind') };
  const moved = /^(up|down|remove):(\d{1,2})$/.exec(op);
  if (moved) return { op: moved[1] as 'up' | 'down' | 'remove', index: Number(moved[2]) };
  return { op: 'check' };
}

/** The steps after an edit: a step added at the end with its defaults, moved one place, or removed. */
export function applyEditorOp(steps: StepChoice[], op: EditorOp): StepChoice[] {
  const next = [...steps];
  switch (op.op) {
    case 'add': {
      const entry = paletteEntry(op.kind);
      if (!entry || next.length >= MAX_STEPS) return next;
      const defaults = Object.fromEntries(
        entry.parameters.map((parameter) => [parameter.name, parameter.default]),
      );
      return [...next, { kind: entry.kind, ...defaults }];
    }
    case 'up':
    case 'down': {
      const to = op.op === 'up' ? op.index - 1 : op.index + 1;
      if (to < 0 || to >= next.length || op.index >= next.length) return next;
      [next[op.index], next[to]] = [next[to], next[op.index]];
      return next;
    }
    case 'remove':
      return next.filter((_, index) => index !== op.index);
    case 'check':
    case 'submit':
      return next;
  }
}
