import { type ExcelDateSystem } from './excel-dates.js';
import { SheetReadError } from './sheet-read-error.js';
import {
  type SheetValue,
  readSharedStrings,
  readWorksheet,
  unescapeXstring,
} from './xlsx-worksheet-reader.js';
import { xmlTokens } from './xml-tokens.js';
import { readZip } from './zip-reader.js';

export type { SheetValue } from './xlsx-worksheet-reader.js';

export interface XlsxSheet {
  name: string;
  /** Anchored at A1: `rows[i][j]` is row i + 1, column j + 1; see `readWorksheet` for what is left out. */
  rows: SheetValue[][];
  /** How the workbook counts dates: pass it to `excelSerialToIsoDate`. */
  dateSystem: ExcelDateSystem;
}

/** Cells in all sheets together, empty ones in the grid included: 10,000 rows of 500 columns. */
export const MAX_WORKBOOK_CELLS = 5_000_000;

// An old .xls, and a password-protected .xlsx, are OLE2 compound files rather than ZIP archives.
const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTION_INFO_STREAM = Buffer.from('EncryptionInfo', 'utf16le');
const WANTED_PARTS = /\.(xml|rels)$/i;

interface Relationship {
  id: string;
  /** The last segment of the type URI, the same in Transitional and Strict files: `worksheet`, `sharedStrings`. */
  type: string;
  /** Part name inside the package, without a leading slash. */
  target: string;
}

/**
 * The worksheets of an .xlsx workbook (Excel, WPS, LibreOffice, or `writeXlsx`), in tab order, with their
 * cell values as stored. Chart sheets are left out. Throws `SheetReadError`.
 */
export function readXlsxSheets(file: Buffer): XlsxSheet[] {
  assertNotOle2(file);
  const parts = new Package(
    readZip(file, { select: (name) => WANTED_PARTS.test(name) || name === 'mimetype' }),
  );
  const workbookPath = parts.relationships('').find(({ type }) => type === 'officeDocument')?.target;
  if (workbookPath?.toLowerCase().endsWith('.bin')) {
    throw new SheetReadError('SHEET.UNSUPPORTED', '不支持 .xlsb 格式，请在 Excel 中另存为 .xlsx 后再上传');
  }
  const workbookPart = workbookPath ?? 'xl/workbook.xml';
  const workbookXml = parts.text(workbookPart);
  if (workbookXml === undefined) throw notWorkbook(parts);
  const workbook = readWorkbook(workbookXml, `“${workbookPart}”`);
  const relationships = new Map(parts.relationships(workbookPart).map((rel) => [rel.id, rel]));
  const sharedStringsPath = [...relationships.values()].find(({ type }) => type === 'sharedStrings')?.target;
  const sharedStringsXml = sharedStringsPath && parts.text(sharedStringsPath);
  const sharedStrings = sharedStringsXml ? readSharedStrings(sharedStringsXml, `“${sharedStringsPath}”`) : [];
  let cellsLeft = MAX_WORKBOOK_CELLS;
  const sheets: XlsxSheet[] = [];
  for (const { name, relationshipId } of workbook.sheets) {
    const relationship = relationships.get(relationshipId);
    if (relationship?.type !== 'worksheet') continue; // a chart sheet, or a macro sheet
    const xml = parts.text(relationship.target);
    if (xml === undefined) {
      throw new SheetReadError('SHEET.CORRUPT', `文件已损坏：找不到工作表“${name}”的数据`);
    }
    const rows = readWorksheet(xml, { sheetName: name, sharedStrings, maxCells: cellsLeft });
    cellsLeft -= rows.length * (rows[0]?.length ?? 0);
    sheets.push({ name, rows, dateSystem: workbook.dateSystem });
  }
  return sheets;
}

function assertNotOle2(file: Buffer): void {
  if (!file.subarray(0, OLE2_SIGNATURE.length).equals(OLE2_SIGNATURE)) return;
  if (file.includes(ENCRYPTION_INFO_STREAM)) {
    throw new SheetReadError('SHEET.ENCRYPTED', '文件设置了打开密码，请去掉密码后再上传');
  }
  throw new SheetReadError(
    'SHEET.NOT_XLSX',
    '这是旧版 Excel 97-2003（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再上传',
  );
}

function notWorkbook(parts: Package): SheetReadError {
  if (parts.text('mimetype')?.includes('opendocument.spreadsheet')) {
    return new SheetReadError('SHEET.UNSUPPORTED', '不支持 .ods 格式，请另存为 .xlsx 后再上传');
  }
  return new SheetReadError('SHEET.NOT_XLSX', '文件里没有 Excel 工作簿，可能是 Word 文档或其他压缩包');
}

interface Workbook {
  sheets: { name: string; relationshipId: string }[];
  dateSystem: ExcelDateSystem;
}

function readWorkbook(xml: string, where: string): Workbook {
  const workbook: Workbook = { sheets: [], dateSystem: 1900 };
  for (const token of xmlTokens(xml, where)) {
    if (token.kind !== 'open') continue;
    if (token.name === 'workbookPr') {
      const date1904 = token.attributes.get('date1904');
      if (date1904 === '1' || date1904 === 'true') workbook.dateSystem = 1904;
    } else if (token.name === 'sheet') {
      const name = token.attributes.get('name');
      // `r:id`, under whichever prefix the writer bound to the relationships namespace
      const relationshipId = [...token.attributes].find(([attribute]) => attribute.endsWith(':id'))?.[1];
      if (name === undefined || relationshipId === undefined) {
        throw new SheetReadError('SHEET.CORRUPT', `文件已损坏：${where}里有一个工作表缺少名称或关系编号`);
      }
      workbook.sheets.push({ name: unescapeXstring(name), relationshipId });
    }
  }
  return workbook;
}

/** The parts of an OPC package, which are named without regard to case. */
class Package {
  private readonly parts: Map<string, Buffer>;

  constructor(entries: readonly { name: string; data: Buffer }[]) {
    this.parts = new Map(entries.map(({ name, data }) => [name.toLowerCase(), data]));
  }

  text(path: string): string | undefined {
    const data = this.parts.get(path.toLowerCase());
    return data && decodeXml(data, path);
  }

  /** The relationships of the part at `source` (`''` for the package itself), targets resolved. */
  relationships(source: string): Relationship[] {
    const folder = source.slice(0, source.lastIndexOf('/') + 1);
    const relsPath = `${folder}_rels/${source.slice(folder.length)}.rels`;
    const xml = this.text(relsPath);
    if (xml === undefined) return [];
    const found: Relationship[] = [];
    for (const token of xmlTokens(xml, `“${relsPath}”`)) {
      if (token.kind !== 'open' || token.name !== 'Relationship') continue;
      const { attributes } = token;
      const [id, type, target] = ['Id', 'Type', 'Target'].map((name) => attributes.get(name));
      if (id === undefined || type === undefined || target === undefined) continue;
      if (attributes.get('TargetMode') === 'External') continue;
      found.push({
        id,
        type: type.slice(type.lastIndexOf('/') + 1),
        target: resolvePartName(folder, target),
      });
    }
    return found;
  }
}

/** A relationship target, relative to the source's folder or absolute from the package root, as a part name. */
function resolvePartName(folder: string, target: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    throw new SheetReadError('SHEET.CORRUPT', `文件已损坏：无效的部件路径 ${target}`);
  }
  const segments: string[] = [];
  for (const segment of (decoded.startsWith('/') ? decoded : folder + decoded).split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(segment);
  }
  return segments.join('/');
}

/** Package parts are UTF-8, or UTF-16 with a byte order mark; either may start with the mark. */
function decodeXml(data: Buffer, path: string): string {
  const encoding =
    data[0] === 0xff && data[1] === 0xfe
      ? 'utf-16le'
      : data[0] === 0xfe && data[1] === 0xff
        ? 'utf-16be'
        : 'utf-8';
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    throw new SheetReadError(
      'SHEET.CORRUPT',
      `文件已损坏：“${path}”不是有效的 ${encoding.toUpperCase()} 文本`,
    );
  }
}
