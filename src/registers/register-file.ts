import { decodeText } from '../export/text-decoding.js';
import { readCsv } from '../export/csv-reader.js';
import { excelSerialToIsoDate, type ExcelDateSystem } from '../export/excel-dates.js';
import { readXlsxSheets } from '../export/xlsx-reader.js';
import { SHEET_NAME, type Cell } from './register-layout.js';

/** A register file's table: its rows as cells, and how its date numbers are to be read. */
export interface RegisterTable {
  rows: Cell[][];
  excelDate: (serial: number) => string | null;
}

const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');

/**
 * The table in an uploaded register: an .xlsx workbook (the sheet named 花名册, else the first) or a CSV
 * file in UTF-8, GBK or UTF-16, told apart by their first bytes. A text file's fields are parted by what
 * its header line uses most: commas, or the tabs of Excel's and WPS's "文本文件（制表符分隔）" and
 * "Unicode 文本", or semicolons. CSV exports defuse formula-looking text with a
 * leading apostrophe, which is taken off again.
 */
export function readRegisterTable(file: Buffer): RegisterTable {
  if (file.subarray(0, 4).equals(ZIP_SIGNATURE)) {
    const sheets = readXlsxSheets(file);
    const sheet = sheets.find((candidate) => candidate.name === SHEET_NAME) ?? sheets[0];
    const system: ExcelDateSystem = sheet?.dateSystem ?? 1900;
    return { rows: sheet?.rows ?? [], excelDate: (serial) => excelSerialToIsoDate(serial, system) };
  }
  const text = decodeText(file);
  const rows = readCsv(text, { delimiter: delimiterOf(text) }).map((cells) =>
    cells.map((cell) => (/^'[=+\-@]/.test(cell) ? cell.slice(1) : cell)),
  );
  return { rows, excelDate: (serial) => excelSerialToIsoDate(serial) };
}

/** The delimiter the header line uses most: `,` `\t` or `;` (a comma when it has none). */
function delimiterOf(text: string): ',' | '\t' | ';' {
  const end = text.search(/[\r\n]/);
  const header = end === -1 ? text : text.slice(0, end);
  const count = (mark: string) => header.split(mark).length - 1;
  const candidates = [',', '\t', ';'] as const;
  return candidates.reduce((best, mark) => (count(mark) > count(best) ? mark : best), candidates[0]);
}
