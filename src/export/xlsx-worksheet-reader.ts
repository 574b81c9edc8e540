import { SheetReadError } from './sheet-read-error.js';
import { type XmlToken, xmlTokens } from './xml-tokens.js';

/** A cell as stored: dates are serial numbers (see `excel-dates.ts`), formulas their last computed value. */
export type SheetValue = string | number | boolean | null;

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const CELL_REFERENCE = /^([A-Za-z]{1,3})([0-9]{1,7})$/;
const ROW_NUMBER = /^[0-9]{1,7}$/;
// One match, one pass: the integer part can only give digits back to a fraction or exponent that needs a mark.
const XML_NUMBER = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/** `where`, in messages, names the part for the person who uploaded it: `工作表“名单”`, `“xl/styles.xml”`. */
const corrupt = (where: string, detail: string) =>
  new SheetReadError('SHEET.CORRUPT', `文件已损坏：${where}${detail}`);

/** The shared string table (`xl/sharedStrings.xml`), in index order. */
export function readSharedStrings(xml: string, where: string): string[] {
  const strings: string[] = [];
  let item: StringItem | undefined;
  for (const token of xmlTokens(xml, where)) {
    if (token.kind === 'open' && token.name === 'si') item = new StringItem();
    else if (token.kind === 'close' && token.name === 'si' && item) {
      strings.push(item.value());
      item = undefined;
    } else item?.take(token);
  }
  return strings;
}

/**
 * The text of a shared string `<si>` or inline string `<is>`: its `<t>`, or the `<t>` of each formatted
 * run `<r>`, but never the phonetic guide `<rPh>` (furigana, which Excel does not show in the cell).
 */
class StringItem {
  private readonly runs: string[] = [];
  private text: string[] | undefined;
  private preserveSpace = false;
  private phoneticDepth = 0;

  take(token: XmlToken): void {
    if (token.kind === 'text') {
      this.text?.push(token.text);
    } else if (token.name === 'rPh') {
      this.phoneticDepth += token.kind === 'open' ? 1 : -1;
    } else if (token.name === 't' && this.phoneticDepth === 0) {
      if (token.kind === 'open') {
        this.text = [];
        this.preserveSpace = token.attributes.get('xml:space') === 'preserve';
      } else if (this.text) {
        this.runs.push(unescapeXstring(trimUnlessPreserved(this.text.join(''), this.preserveSpace)));
        this.text = undefined;
      }
    }
  }

  value(): string {
    return this.runs.join('');
  }
}

/**
 * Excel, like the XML it follows, drops spaces, tabs and line breaks around a text unless the text says
 * `xml:space="preserve"`; a text of only such characters is kept, as Excel shows it in a run between words.
 */
function trimUnlessPreserved(text: string, preserve: boolean): string {
  if (preserve) return text;
  let start = 0;
  let end = text.length;
  while (start < end && isXmlSpace(text.charCodeAt(start))) start++;
  while (end > start && isXmlSpace(text.charCodeAt(end - 1))) end--;
  return start === end ? text : text.slice(start, end);
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** Excel writes a character XML cannot carry as `_xHHHH_`, and a literal `_x` as `_x005F_x`. */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface OpenCell {
  reference: string;
  row: number;
  column: number;
  type: string;
  value: string[] | undefined;
  inlineText: StringItem | undefined;
}

export interface WorksheetContext {
  sheetName: string;
  sharedStrings: readonly string[];
  maxCells: number;
}

/**
 * The cells of a worksheet part as a grid anchored at A1: `rows[i][j]` is the cell in row i + 1 and column
 * j + 1, an empty cell is `null`, and every row is as long as the widest. Rows and columns after the last
 * non-empty cell are left out; cells that only carry formatting are empty. `maxCells` bounds the grid,
 * which a tiny file could otherwise make enormous with one cell at XFD1048576.
 */
export function readWorksheet(xml: string, context: WorksheetContext): SheetValue[][] {
  const { sharedStrings } = context;
  const where = `工作表“${context.sheetName}”`;
  const rows: SheetValue[][] = []; // sparse: only rows and cells with a value
  let inSheetData = false;
  let inInlineString = false;
  let row = -1;
  let nextColumn = 0;
  let cell: OpenCell | undefined;
  for (const token of xmlTokens(xml, where)) {
    if (token.kind === 'open' && token.name === 'sheetData') inSheetData = true;
    else if (token.kind === 'close' && token.name === 'sheetData') inSheetData = false;
    else if (!inSheetData) continue;
    else if (inInlineString) {
      if (token.kind === 'close' && token.name === 'is') inInlineString = false;
      else cell?.inlineText?.take(token);
    } else if (token.kind === 'text') {
      cell?.value?.push(token.text);
    } else if (token.kind === 'open') {
      switch (token.name) {
        case 'row':
          row = rowIndex(token.attributes.get('r'), row, where);
          nextColumn = 0;
          break;
        case 'c':
          cell = openCell(token.attributes, row, nextColumn, where);
          nextColumn = cell.column + 1;
          break;
        case 'v':
          if (cell) cell.value = [];
          break;
        case 'is':
          inInlineString = true;
          if (cell) cell.inlineText = new StringItem();
          break;
      }
    } else if (token.name === 'c' && cell) {
      const value = cellValue(cell, sharedStrings, where);
      if (value !== null) (rows[cell.row] ??= [])[cell.column] = value;
      cell = undefined;
    }
  }
  return denseGrid(rows, context);
}

function rowIndex(r: string | undefined, previous: number, where: string): number {
  if (r === undefined) return previous + 1;
  const index = ROW_NUMBER.test(r) ? Number(r) - 1 : -1;
  if (index < 0 || index >= MAX_ROWS) throw corrupt(where, `的行号 ${r} 无效`);
  return index;
}

function openCell(
  attributes: ReadonlyMap<string, string>,
  row: number,
  column: number,
  where: string,
): OpenCell {
  const reference = attributes.get('r');
  const type = attributes.get('t') ?? 'n';
  if (reference === undefined) {
    const at = { row: Math.max(row, 0), column };
    return {
      reference: `R${at.row + 1}C${column + 1}`,
      ...at,
      type,
      value: undefined,
      inlineText: undefined,
    };
  }
  const match = CELL_REFERENCE.exec(reference);
  const position = match && { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
  if (!position || position.row < 0 || position.row >= MAX_ROWS || position.column >= MAX_COLUMNS) {
    throw corrupt(where, `的单元格地址 ${reference} 无效`);
  }
  return { reference, ...position, type, value: undefined, inlineText: undefined };
}

/** A → 0, Z → 25, AA → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function cellValue(cell: OpenCell, sharedStrings: readonly string[], where: string): SheetValue {
  const stored = cell.value?.join('');
  const bad = () =>
    corrupt(where, `的单元格 ${cell.reference} 的值“${stored ?? ''}”与类型 ${cell.type} 不符`);
  switch (cell.type) {
    case 'n': {
      if (stored === undefined || stored === '') return null;
      const number = Number(stored);
      if (!XML_NUMBER.test(stored) || !Number.isFinite(number)) throw bad();
      return number;
    }
    case 's': {
      if (stored === undefined || !ROW_NUMBER.test(stored)) throw bad();
      const text = sharedStrings[Number(stored)];
      if (text === undefined) throw bad();
      return text === '' ? null : text;
    }
    case 'inlineStr':
      return cell.inlineText?.value() || (stored ? unescapeXstring(stored) : null);
    case 'str': // the text a formula last gave
      return stored ? unescapeXstring(stored) : null;
    case 'b':
      if (stored === undefined || stored === '') return null;
      if (stored === '1' || stored === 'true') return true;
      if (stored === '0' || stored === 'false') return false;
      throw bad();
    case 'e': // an error value such as #N/A or #DIV/0!, shown as such in the cell
    case 'd': // an ISO 8601 date, which Excel itself writes only in Strict files
      return stored || null;
    default:
      throw bad();
  }
}

function denseGrid(rows: SheetValue[][], { sheetName, maxCells }: WorksheetContext): SheetValue[][] {
  let height = 0;
  let width = 0;
  rows.forEach((cells, index) => {
    height = index + 1;
    width = Math.max(width, cells.length);
  });
  if (height * width > maxCells) {
    throw new SheetReadError(
      'SHEET.TOO_LARGE',
      `工作表“${sheetName}”的数据区域有 ${height} 行 × ${width} 列，超过上限 ${maxCells} 个单元格；请删去多余的行列或拆分文件`,
    );
  }
  return Array.from({ length: height }, (_, rowIndex) => {
    const cells = rows[rowIndex] as SheetValue[] | undefined;
    return Array.from({ length: width }, (_, column) => cells?.[column] ?? null);
  });
}
