import { type Cell, DEFAULT_TIME_ZONE, wallClockAsUtc } from './xlsx-workbook.js';

export interface CsvOptions {
  /** Dates are written as the wall time here. */
  timeZone?: string;
}

// Excel only takes a CSV as UTF-8 when it starts with a byte order mark; without it Chinese Excel reads GBK.
const BOM = '\ufeff';
const CRLF = '\r\n';
// A cell that Excel or WPS would run as a formula (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** CSV for Excel and WPS in China: UTF-8 with BOM, CRLF, RFC 4180 quoting, formula-looking text defused. */
export function toCsv(columns: readonly string[], rows: readonly Cell[][], options: CsvOptions = {}): Buffer {
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const lines = [columns, ...rows].map((cells) => cells.map((cell) => field(cell, timeZone)).join(','));
  return Buffer.from(BOM + lines.join(CRLF) + CRLF, 'utf8');
}

function field(value: Cell, timeZone: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a number a spreadsheet can hold`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return formatDateTime(value, timeZone);
  return quote(defuse(value));
}

/** A leading apostrophe makes the spreadsheet show the text instead of evaluating it. */
function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** `YYYY-MM-DD HH:mm:ss`, which Excel and WPS in China read as a date and time. */
export function formatDateTime(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return wallClockAsUtc(instant, timeZone)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');
}
