import { isUtf8 } from 'node:buffer';
import { SheetReadError } from './sheet-read-error.js';

/** The same ceiling as for an unpacked workbook: a CSV is the same data without the compression. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/**
 * The text of an uploaded file: UTF-8 when it has the byte order mark or is valid UTF-8, UTF-16 when it has
 * that mark (Excel's "Unicode text"), otherwise GB18030, a superset of the GBK that Excel and WPS in China
 * use for "CSV (逗号分隔)". A leading byte order mark is dropped.
 *
 * Valid UTF-8 wins: a short GBK text can, rarely, also be valid UTF-8, and then it is read as UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new SheetReadError('SHEET.TOO_LARGE', `文件超过上限 ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
  }
  if (startsWith(bytes, UTF16LE_BOM)) return strict('utf-16le', bytes);
  if (startsWith(bytes, UTF16BE_BOM)) return strict('utf-16be', bytes);
  // Text files never hold NUL; UTF-16 without a mark and binary files do.
  if (bytes.includes(0)) throw notText();
  if (startsWith(bytes, UTF8_BOM) || isUtf8(bytes)) return strict('utf-8', bytes);
  return strict('gb18030', bytes);
}

function startsWith(bytes: Uint8Array, mark: number[]): boolean {
  return mark.every((byte, index) => bytes[index] === byte);
}

function strict(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
}

function notText(): SheetReadError {
  return new SheetReadError(
    'SHEET.CORRUPT',
    '无法识别文件的文字编码，请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”后再上传',
  );
}
