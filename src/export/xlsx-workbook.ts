import { escapeMarkup, withoutXmlForbidden } from '../common/escape-markup.js';
import { writeZip } from './zip.js';

export type Cell = string | number | boolean | Date | null;

export interface SheetData {
  name: string;
  /** `width` in characters; without it, the column fits its longest value (CJK counting 2), up to 60. */
  columns: { header: string; width?: number }[];
  rows: Cell[][];
}

export interface XlsxOptions {
  title?: string;
  /** Recorded in the document properties and as the files' ZIP timestamps; without it, neither is set. */
  createdAt?: Date;
  /** Excel has no time zones: Dates are written as the wall time here. */
  timeZone?: string;
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const MAX_AUTO_WIDTH = 60;
const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const MAX_TEXT = 32_767; // characters in one cell
const STYLE = { header: 1, dateTime: 2, wrap: 3 } as const;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MIME = 'application/vnd.openxmlformats-officedocument';

/** Writes an .xlsx workbook: one sheet per entry, header row bold, frozen and filtered. */
export function writeXlsx(sheets: readonly SheetData[], options: XlsxOptions = {}): Buffer {
  assertSheets(sheets);
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  const strings = new SharedStrings();
  const worksheets = sheets.map((sheet, index) => worksheetXml(sheet, index === 0, strings, timeZone));
  const files: [string, string][] = [
    ['[Content_Types].xml', contentTypesXml(sheets.length)],
    ['_rels/.rels', packageRelsXml()],
    ['docProps/core.xml', coreXml(options.title, options.createdAt)],
    ['docProps/app.xml', appXml()],
    ['xl/workbook.xml', workbookXml(sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRelsXml(sheets.length)],
    ['xl/styles.xml', STYLES_XML],
    ['xl/sharedStrings.xml', strings.toXml()],
    ...worksheets.map((xml, index): [string, string] => [`xl/worksheets/sheet${index + 1}.xml`, xml]),
  ];
  const modifiedAt = options.createdAt && wallClockAsUtc(options.createdAt, timeZone);
  const entries = files.map(([name, xml]) => ({ name, data: Buffer.from(XML_HEADER + xml, 'utf8') }));
  return writeZip(entries, { modifiedAt });
}

/** The wall time in `timeZone`, as a Date whose UTC fields read that wall time. */
export function wallClockAsUtc(instant: Date, timeZone: string): Date {
  if (Number.isNaN(instant.getTime())) throw new Error('Invalid Date');
  const parts: Record<string, number> = {};
  for (const { type, value } of wallClockFormat(timeZone).formatToParts(instant)) parts[type] = Number(value);
  const { year, month, day, hour, minute, second } = parts;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, instant.getUTCMilliseconds()));
}

const formats = new Map<string, Intl.DateTimeFormat>();
function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      ...{ year: 'numeric', month: 'numeric', day: 'numeric' },
      ...{ hour: 'numeric', minute: 'numeric', second: 'numeric' },
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Serial day number, 1900 system; exact from 1900-03-01, past Excel's phantom 1900-02-29. */
function excelSerial(instant: Date, timeZone: string): number {
  const wallTime = wallClockAsUtc(instant, timeZone).getTime();
  if (wallTime < Date.UTC(1900, 2, 1)) throw new Error(`Excel cannot show dates before 1900-03-01`);
  let serial = wallTime / 86_400_000 + 25_569;
  // Readers that truncate to milliseconds would see 14:00 stored a hair low as 13:59:59.999: never store low.
  while ((serial - 25_569) * 86_400_000 < wallTime) serial = nextDouble(serial);
  return serial;
}

function nextDouble(positive: number): number {
  const value = new Float64Array([positive]);
  new BigInt64Array(value.buffer)[0] += 1n;
  return value[0];
}

class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private references = 0;

  indexOf(text: string): number {
    this.references++;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  toXml(): string {
    const items = [...this.indexes.keys()].map((text) => `<si>${textElement(text)}</si>`).join('');
    return `<sst xmlns="${MAIN_NS}" count="${this.references}" uniqueCount="${this.indexes.size}">${items}</sst>`;
  }
}

function worksheetXml(sheet: SheetData, first: boolean, strings: SharedStrings, timeZone: string): string {
  const lastColumn = columnLetters(sheet.columns.length - 1);
  const used = `A1:${lastColumn}${sheet.rows.length + 1}`;
  const header = sheet.columns.map(({ header }) => header);
  const rows = [header, ...sheet.rows].map((cells, index) => {
    const xml = cells.map((value, column) => cellXml(value, column, index, strings, timeZone)).join('');
    return `<row r="${index + 1}">${xml}</row>`;
  });
  const cols = sheet.columns.map((column, index) => {
    const width = column.width ?? autoWidth(sheet, index);
    return `<col min="${index + 1}" max="${index + 1}" width="${width}" customWidth="1"/>`;
  });
  return (
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><dimension ref="${used}"/>` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<cols>${cols.join('')}</cols><sheetData>${rows.join('')}</sheetData><autoFilter ref="${used}"/></worksheet>`
  );
}

function cellXml(value: Cell, column: number, row: number, strings: SharedStrings, timeZone: string): string {
  const ref = `${columnLetters(column)}${row + 1}`;
  const at = (text: string) => `cell ${ref}: ${text}`;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    if (value.length > MAX_TEXT) throw new Error(at(`text longer than Excel's ${MAX_TEXT} characters`));
    const style = row === 0 ? STYLE.header : needsWrap(value) ? STYLE.wrap : 0;
    return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="s"><v>${strings.indexOf(value)}</v></c>`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(at(`${value} is not a number Excel can hold`));
    return `<c r="${ref}"><v>${value}</v></c>`;
  }
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error(at('invalid Date'));
    return `<c r="${ref}" s="${STYLE.dateTime}"><v>${excelSerial(value, timeZone)}</v></c>`;
  }
  throw new Error(at(`unsupported value ${String(value)}`));
}

function needsWrap(text: string): boolean {
  return text.includes('\n') || displayWidth(text) > MAX_AUTO_WIDTH;
}

function autoWidth(sheet: SheetData, column: number): number {
  const widest = Math.max(
    displayWidth(sheet.columns[column].header) + 2, // room for the filter button
    ...sheet.rows.map((row) => displayWidth(shownAs(row[column] ?? null))),
  );
  return Math.min(Math.max(widest + 2, 8), MAX_AUTO_WIDTH);
}

function shownAs(value: Cell): string {
  if (value instanceof Date) return 'yyyy-mm-dd hh:mm';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value === null ? '' : String(value);
}

/** Width in "characters" of the longest line, East Asian wide characters counting 2. */
export function displayWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) {
    let width = 0;
    for (const char of line) width += WIDE.test(char) ? 2 : 1;
    widest = Math.max(widest, width);
  }
  return widest;
}

const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** 0 → A, 25 → Z, 26 → AA. */
function columnLetters(index: number): string {
  let letters = '';
  for (let rest = index + 1; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

function assertSheets(sheets: readonly SheetData[]): void {
  if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
  const seen = new Set<string>();
  for (const sheet of sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw new Error(`Sheet name "${sheet.name}" ${problem}`);
    // Excel compares sheet names without regard to case.
    const key = sheet.name.toUpperCase();
    if (seen.has(key)) throw new Error(`Sheet name "${sheet.name}" is used twice`);
    seen.add(key);
    assertShape(sheet);
  }
}

function sheetNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 31) return 'is longer than 31 characters';
  if (/[[\]:*?/\\]/.test(name)) return 'contains one of [ ] : * ? / \\';
  if (/[\t\n\r]/.test(name) || name !== withoutXmlForbidden(name)) return 'contains control characters';
  if (name.startsWith("'") || name.endsWith("'")) return 'starts or ends with an apostrophe';
  if (name.toLowerCase() === 'history') return 'is reserved by Excel';
  return undefined;
}

function assertShape({ name, columns, rows }: SheetData): void {
  if (columns.length === 0) throw new Error(`Sheet "${name}" has no columns`);
  if (columns.length > MAX_COLUMNS) throw new Error(`Sheet "${name}" has more than ${MAX_COLUMNS} columns`);
  if (rows.length + 1 > MAX_ROWS) throw new Error(`Sheet "${name}" has more rows than Excel's ${MAX_ROWS}`);
  const long = rows.findIndex((row) => row.length > columns.length);
  if (long >= 0) {
    throw new Error(
      `Sheet "${name}" row ${long + 1} has ${rows[long].length} cells for ${columns.length} columns`,
    );
  }
}

/** Excel reads `_x0041_` in text as an escaped "A": escaping the underscore keeps such text literal. */
function escapeXstring(text: string): string {
  return escapeMarkup(text).replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
}

function textElement(text: string): string {
  const preserve = /^\s|\s$|\s\s|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${escapeXstring(text)}</t>`;
}

function contentTypesXml(sheetCount: number): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, index) =>
      `<Override PartName="/xl/worksheets/sheet${index + 1}.xml" ContentType="${MIME}.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="${MIME}.spreadsheetml.sheet.main+xml"/>` +
    sheets.join('') +
    `<Override PartName="/xl/styles.xml" ContentType="${MIME}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${MIME}.spreadsheetml.sharedStrings+xml"/>` +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `<Override PartName="/docProps/app.xml" ContentType="${MIME}.extended-properties+xml"/></Types>`
  );
}

function packageRelsXml(): string {
  return (
    `<Relationships xmlns="${PKG_REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    `<Relationship Id="rId2" Type="${PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>` +
    `<Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`
  );
}

function coreXml(title: string | undefined, createdAt: Date | undefined): string {
  const w3cdtf = createdAt?.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (title === undefined ? '' : `<dc:title>${escapeMarkup(title)}</dc:title>`) +
    (w3cdtf === undefined
      ? ''
      : `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf}</dcterms:modified>`) +
    `</cp:coreProperties>`
  );
}

function appXml(): string {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties';
  return `<Properties xmlns="${ns}"><Application>micropower</Application></Properties>`;
}

function workbookXml(sheets: readonly SheetData[]): string {
  const entries = sheets.map(
    ({ name }, index) =>
      `<sheet name="${escapeXstring(name)}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`,
  );
  // Excel keeps each autofilter's range in this hidden name, and prints the header row atop every page.
  const names = sheets.flatMap(({ name, columns, rows }, index) => {
    const quoted = `'${name.replace(/'/g, "''")}'`;
    const range = `${quoted}!$A$1:$${columnLetters(columns.length - 1)}$${rows.length + 1}`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeMarkup(range)}</definedName>`,
      `<definedName name="_xlnm.Print_Titles" localSheetId="${index}">${escapeMarkup(`${quoted}!$1:$1`)}</definedName>`,
    ];
  });
  return (
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><bookViews><workbookView activeTab="0"/></bookViews>` +
    `<sheets>${entries.join('')}</sheets><definedNames>${names.join('')}</definedNames></workbook>`
  );
}

function workbookRelsXml(sheetCount: number): string {
  const rel = (id: number, type: string, target: string) =>
    `<Relationship Id="rId${id}" Type="${REL_NS}/${type}" Target="${target}"/>`;
  const sheets = Array.from({ length: sheetCount }, (_, index) =>
    rel(index + 1, 'worksheet', `worksheets/sheet${index + 1}.xml`),
  );
  return (
    `<Relationships xmlns="${PKG_REL_NS}">${sheets.join('')}` +
    `${rel(sheetCount + 1, 'styles', 'styles.xml')}${rel(sheetCount + 2, 'sharedStrings', 'sharedStrings.xml')}</Relationships>`
  );
}

// Cell formats, in the order of STYLE: default, header, date-time, wrapped text.
const STYLES_XML =
  `<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd hh:mm"/></numFmts>` +
  `<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>` +
  `<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>` +
  `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>` +
  `<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>` +
  `<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` +
  `<xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1">` +
  `<alignment vertical="center"/></xf>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` +
  `<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>` +
  `</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
