/**
 * Why an uploaded spreadsheet could not be read. The codes are stable for callers to map to their own domain
 * errors; the message is Chinese, for the person who uploaded the file.
 */
export type SheetReadErrorCode =
  /** Not an .xlsx workbook at all: an old .xls, a Word file, a renamed picture… */
  | 'SHEET.NOT_XLSX'
  /** Protected by a password: the contents cannot be read without it. */
  | 'SHEET.ENCRYPTED'
  /** A valid file in a variant we do not read (ZIP64, .xlsb, an unusual compression method). */
  | 'SHEET.UNSUPPORTED'
  /** Over the limits that keep one upload from exhausting the server's memory. */
  | 'SHEET.TOO_LARGE'
  /** Damaged or malformed: truncated, bad checksums, broken XML, text in no encoding we know. */
  | 'SHEET.CORRUPT';

export class SheetReadError extends Error {
  constructor(
    readonly code: SheetReadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SheetReadError';
  }
}
