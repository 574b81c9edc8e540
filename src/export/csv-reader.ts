import { SheetReadError } from './sheet-read-error.js';

export interface CsvReadOptions {
  /** `,` unless told; Excel's "Unicode text" uses a tab. */
  delimiter?: ',' | ';' | '\t';
}

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * The records of a CSV text (RFC 4180), each a list of fields as written: nothing is trimmed or converted.
 * Records end at CRLF, LF or a lone CR; quoted fields may hold delimiters, doubled quotes and line breaks. A
 * blank line is a record of one empty field, so that record numbers stay those a spreadsheet shows. A
 * leading byte order mark is dropped.
 *
 * Like Excel, a quote inside an unquoted field is kept as text, and text after a closing quote is appended
 * (`"ab"c` reads `abc`). Unlike Excel, a quote left open to the end of the text is refused: it means the file
 * is cut short or mangled, and reading the rest as one field would import garbage silently.
 */
export function readCsv(text: string, options: CsvReadOptions = {}): string[][] {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const records: string[][] = [];
  let record: string[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (at >= text.length) return records;
  for (;;) {
    const { value, end } =
      text.charCodeAt(at) === QUOTE
        ? quotedField(text, at, delimiter, records.length)
        : plainField(text, at, delimiter);
    record.push(value);
    if (end >= text.length) break;
    const stop = text.charCodeAt(end);
    at = end + 1;
    if (stop === delimiter) continue;
    if (stop === CR && text.charCodeAt(at) === LF) at++;
    records.push(record);
    record = [];
    if (at >= text.length) return records; // the usual line break after the last record
  }
  records.push(record);
  return records;
}

interface Field {
  value: string;
  /** Index of the delimiter or line break that ends the field, or the text's length. */
  end: number;
}

function plainField(text: string, start: number, delimiter: number): Field {
  let end = start;
  while (end < text.length && !isStop(text.charCodeAt(end), delimiter)) end++;
  return { value: text.slice(start, end), end };
}

function quotedField(text: string, start: number, delimiter: number, recordIndex: number): Field {
  const parts: string[] = [];
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) {
      throw new SheetReadError('SHEET.CORRUPT', `文件已损坏：第 ${recordIndex + 1} 行有一个没有闭合的引号`);
    }
    parts.push(text.slice(at, quote));
    at = quote + 1;
    if (text.charCodeAt(at) !== QUOTE) break;
    parts.push('"');
    at++;
  }
  const rest = plainField(text, at, delimiter);
  return { value: parts.join('') + rest.value, end: rest.end };
}

function isStop(code: number, delimiter: number): boolean {
  return code === delimiter || code === LF || code === CR;
}
