import { randomUUID } from 'node:crypto';
import { DAY_MS } from '../../../src/common/clock.js';
import { copyField } from './copy-text.js';

export type ColumnKind = 'uuid' | 'timestamptz' | 'date' | 'text';

export interface ColumnSpec {
  name: string;
  kind: ColumnKind;
}

/** Ids, instants and dates inside text and JSON (payloads, snapshots, rosters): what a clone must change. */
const CLONED_VALUES =
  /([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z)|(\d{4}-\d{2}-\d{2})/g;

export const hasClonedValues = (text: string): boolean => {
  CLONED_VALUES.lastIndex = 0;
  return CLONED_VALUES.test(text);
};

/** PostgreSQL's text form of a timestamptz in a UTC session (`2026-03-02 02:00:00.123+00`), in ms. */
export function parseTimestamp(text: string): number {
  const ms = Date.parse(`${text.slice(0, 10)}T${text.slice(11).replace(/\+00(:00)?$/, 'Z')}`);
  if (Number.isNaN(ms)) throw new Error(`Not a UTC timestamp: ${text}`);
  return ms;
}

const shiftDate = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/**
 * What makes one clone of a template matter its own: its village and people in place of the template's
 * (`fixed`), a fresh id for every other id the template rows name (the same one wherever it appears), and
 * its timeline moved by whole days (dates move with it) plus a few minutes (`shiftMs`).
 */
export class CloneContext {
  private readonly fresh = new Map<string, string>();

  constructor(
    private readonly fixed: ReadonlyMap<string, string>,
    readonly shiftMs: number,
    private readonly shiftDays: number,
  ) {}

  id(template: string): string {
    const known = this.fixed.get(template) ?? this.fresh.get(template);
    if (known) return known;
    const id = randomUUID();
    this.fresh.set(template, id);
    return id;
  }

  date(text: string): string {
    return shiftDate(text, this.shiftDays);
  }

  /** Text or JSON with the ids, instants and dates inside it replaced. */
  scan(text: string): string {
    return text.replace(CLONED_VALUES, (match, id?: string, instant?: string) => {
      if (id) return this.id(id);
      if (instant) return new Date(Date.parse(instant) + this.shiftMs).toISOString();
      return this.date(match);
    });
  }
}

type Part = string | ((context: CloneContext) => string);

/** One template row, compiled into the COPY line of any clone of it. */
export class RowTemplate {
  private readonly parts: Part[];

  constructor(columns: readonly ColumnSpec[], values: readonly (string | null)[]) {
    this.parts = columns.map((column, index) => {
      const value = values[index];
      if (value === null) return '\\N';
      switch (column.kind) {
        case 'uuid':
          return (context) => context.id(value);
        case 'timestamptz': {
          const ms = parseTimestamp(value);
          return (context) => new Date(ms + context.shiftMs).toISOString();
        }
        case 'date':
          return (context) => context.date(value);
        case 'text':
          return hasClonedValues(value) ? (context) => copyField(context.scan(value)) : copyField(value);
      }
    });
  }

  clone(context: CloneContext): string {
    let line = '';
    for (let index = 0; index < this.parts.length; index++) {
      const part = this.parts[index];
      line += (index === 0 ? '' : '\t') + (typeof part === 'string' ? part : part(context));
    }
    return line;
  }
}
