import { SheetReadError } from './sheet-read-error.js';
import { isXmlSpace, type XmlToken, xmlTokens } from './xml-tokens.js';

/** A cell as stored: dates are serial numbers (see `excel-dates.ts`), formulas their last computed value. */
export type SheetValue = string | number | boolean | null;

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const CELL_REFERENCE = /^([A-Za-z]{1,3})([0-9]{1,7})$/;
const ROW_NUMBER = /^[0-9]{1,7}$/;
// Anchored, and each optional part starts with a mark (`.`, `e`) that digits are not: backtracking stays linear.
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

/** Excel writes a character XML cannot carry as `_xHHHH_`, and a literal `_x` as `_x005F_x`. */
export function unescapeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface OpenCell {
  /** As written, `B2`; cells may leave it out and follow the one before. */
  reference: string | undefined;
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
  const grid = new SparseGrid(context);
  let inSheetData = false;
  let inInlineString = false;
  let row = -1;
  let nextColumn = 0;
  let cell: OpenCell | undefined;
  const merged: string[] = [];
  for (const token of xmlTokens(xml, where)) {
    if (token.kind === 'open' && token.name === 'sheetData') inSheetData = true;
    else if (token.kind === 'close' && token.name === 'sheetData') inSheetData = false;
    else if (!inSheetData) {
      const range =
        token.kind === 'open' && token.name === 'mergeCell' ? token.attributes.get('ref') : undefined;
      if (range !== undefined) merged.push(range);
    } else if (inInlineString) {
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
      if (value !== null) grid.set(cell.row, cell.column, value);
      cell = undefined;
    }
  }
  const lastRow = grid.rowCount - 1;
  for (const range of merged) fillDown(grid, range, lastRow, where);
  return grid.toRows();
}

/**
 * A cell merged down a column (a household's code beside each of its members, as village registers are
 * kept) holds its value in the top cell only, yet stands for every row it spans: the value is given to
 * each. Merges across columns (a title over the header, a heading over two columns) are left as stored:
 * copying a heading would make two columns of one name. Nothing is filled below the last row with a
 * value: a merge formatted down to row 1,048,576 adds no rows.
 */
function fillDown(grid: SparseGrid, range: string, lastRow: number, where: string): void {
  const [from, to = from] = range.split(':');
  const top = cellPosition(from, where);
  const bottom = cellPosition(to, where);
  if (top.column !== bottom.column || bottom.row <= top.row) return;
  const value = grid.get(top.row, top.column);
  if (value === null) return;
  for (let row = top.row + 1; row <= Math.min(bottom.row, lastRow); row++) {
    if (grid.get(row, top.column) === null) grid.set(row, top.column, value);
  }
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
  const position =
    reference === undefined ? { row: Math.max(row, 0), column } : cellPosition(reference, where);
  const type = attributes.get('t') ?? 'n';
  return { reference, ...position, type, value: undefined, inlineText: undefined };
}

function cellPosition(reference: string, where: string): { row: number; column: number } {
  const match = CELL_REFERENCE.exec(reference);
  const position = match && { row: Number(match[2]) - 1, column: columnIndex(match[1]) };
  if (!position || position.row < 0 || position.row >= MAX_ROWS || position.column >= MAX_COLUMNS) {
    throw corrupt(where, `的单元格地址 ${reference} 无效`);
  }
  return position;
}

/** A → 0, Z → 25, AA → 26. */
function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters.toUpperCase()) index = index * 26 + letter.charCodeAt(0) - 64;
  return index - 1;
}

function cellValue(cell: OpenCell, sharedStrings: readonly string[], where: string): SheetValue {
  const stored = cell.value?.join('');
  const at = cell.reference ?? `第 ${cell.row + 1} 行第 ${cell.column + 1} 列`;
  const bad = () => corrupt(where, `的单元格 ${at} 的值“${stored ?? ''}”与类型 ${cell.type} 不符`);
  if (cell.type === 'inlineStr') return cell.inlineText?.value() || (stored ? unescapeXstring(stored) : null);
  // No value: a cell that only carries formatting, or a formula never computed.
  if (stored === undefined || stored === '') return null;
  switch (cell.type) {
    case 'n': {
      const number = Number(stored);
      if (!XML_NUMBER.test(stored) || !Number.isFinite(number)) throw bad();
      return number;
    }
    case 's': {
      const text = ROW_NUMBER.test(stored) ? sharedStrings[Number(stored)] : undefined;
      if (text === undefined) throw bad();
      return text === '' ? null : text;
    }
    case 'str': // the text a formula last gave
      return unescapeXstring(stored);
    case 'b':
      if (stored === '1' || stored === 'true') return true;
      if (stored === '0' || stored === 'false') return false;
      throw bad();
    case 'e': // an error value such as #N/A or #DIV/0!, shown as such in the cell
    case 'd': // an ISO 8601 date, which Excel itself writes only in Strict files
      return stored;
    default:
      throw bad();
  }
}

/**
 * The cells with a value, kept sparse while reading. The grid they span is checked as each arrives: the check
 * at the end alone would let a file of a million rows, each with one cell far to the right, fill memory first.
 */
class SparseGrid {
  private readonly rows: SheetValue[][] = [];
  private height = 0;
  private width = 0;

  constructor(private readonly context: WorksheetContext) {}

  set(row: number, column: number, value: SheetValue): void {
    this.height = Math.max(this.height, row + 1);
    this.width = Math.max(this.width, column + 1);
    if (this.height * this.width > this.context.maxCells) {
      throw new SheetReadError(
        'SHEET.TOO_LARGE',
        `工作表“${this.context.sheetName}”的数据至少有 ${this.height} 行 × ${this.width} 列，` +
          '超出了可读取的单元格数量上限；请删去多余的行列或拆分文件',
      );
    }
    (this.rows[row] ??= [])[column] = value;
  }

  get rowCount(): number {
    return this.height;
  }

  get(row: number, column: number): SheetValue {
    return this.rows[row]?.[column] ?? null;
  }

  toRows(): SheetValue[][] {
    return Array.from({ length: this.height }, (_, row) => {
      const cells = this.rows[row] as SheetValue[] | undefined;
      return Array.from({ length: this.width }, (_, column) => cells?.[column] ?? null);
    });
  }
}
