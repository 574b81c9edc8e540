import { isUtf8 } from 'node:buffer';
import { inflateRawSync } from 'node:zlib';
import { SheetReadError } from './sheet-read-error.js';
import { crc32, type ZipEntry } from './zip.js';

export interface ZipReadOptions {
  /** Only entries whose names pass are inflated and returned; the others cost nothing and count for nothing. */
  select?: (name: string) => boolean;
  /** Entries in the whole archive, selected or not. */
  maxEntries?: number;
  /** Sum of the uncompressed sizes of the selected entries. */
  maxTotalBytes?: number;
}

/** Generous for any spreadsheet a village keeps, small enough that a zip bomb cannot hurt the server. */
export const ZIP_READ_LIMITS = { maxEntries: 10_000, maxTotalBytes: 50 * 1024 * 1024 } as const;

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_END_LOCATOR = 0x07064b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const ENCRYPTED = 0x0001; // general purpose bit 0
const STRONG_ENCRYPTION = 0x0040; // bit 6
const UTF8_NAMES = 0x0800; // bit 11
const STORED = 0;
const DEFLATED = 8;
const AES_ENCRYPTED = 99; // WinZip AES, as 7-Zip and WinRAR write it
const ZIP64_MARK = 0xffffffff;

/** What the central directory says of one entry. */
interface CentralRecord {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const corrupt = (detail: string) => new SheetReadError('SHEET.CORRUPT', `文件已损坏：${detail}`);

/**
 * The files in a ZIP archive, read from its central directory as unzip does (not by walking local headers,
 * which a crafted archive can make disagree). Stored and deflated entries only; every entry's size and CRC
 * are checked. Directories are left out.
 */
export function readZip(archive: Buffer, options: ZipReadOptions = {}): ZipEntry[] {
  const { select = () => true } = options;
  const maxEntries = options.maxEntries ?? ZIP_READ_LIMITS.maxEntries;
  const maxTotalBytes = options.maxTotalBytes ?? ZIP_READ_LIMITS.maxTotalBytes;
  const records = centralDirectory(archive, maxEntries).filter(
    (record) => !record.name.endsWith('/') && select(record.name),
  );
  // Declared sizes are checked before anything is inflated; inflating then stops at the declared size.
  const total = records.reduce((sum, { size }) => sum + size, 0);
  if (total > maxTotalBytes) {
    throw new SheetReadError(
      'SHEET.TOO_LARGE',
      `文件解压后有 ${megabytes(total)} MB，超过上限 ${megabytes(maxTotalBytes)} MB`,
    );
  }
  return records.map((record) => ({ name: record.name, data: entryData(archive, record) }));
}

function centralDirectory(archive: Buffer, maxEntries: number): CentralRecord[] {
  const end = findEndRecord(archive);
  const count = archive.readUInt16LE(end + 10);
  const size = archive.readUInt32LE(end + 12);
  const offset = archive.readUInt32LE(end + 16);
  if (archive.readUInt16LE(end + 4) !== 0 || archive.readUInt16LE(end + 6) !== 0) {
    throw new SheetReadError('SHEET.UNSUPPORTED', '不支持分卷压缩的文件');
  }
  if (isZip64(archive, end) || offset === ZIP64_MARK || size === ZIP64_MARK) {
    throw new SheetReadError('SHEET.UNSUPPORTED', '不支持 ZIP64 格式（超过 4 GB 或 65535 个文件）的压缩包');
  }
  if (count > maxEntries) {
    throw new SheetReadError('SHEET.TOO_LARGE', `压缩包里有 ${count} 个文件，超过上限 ${maxEntries} 个`);
  }
  if (offset + size > end) throw corrupt('ZIP 目录超出了文件范围');
  const records: CentralRecord[] = [];
  const seen = new Set<string>();
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > end || archive.readUInt32LE(at) !== CENTRAL_HEADER) throw corrupt('ZIP 目录不完整');
    const nameLength = archive.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
    if (next > end) throw corrupt('ZIP 目录不完整');
    const record = centralRecord(archive, at, nameLength);
    // Two entries of one name would let two readers see two different files.
    if (seen.has(record.name)) throw corrupt(`压缩包里有两个“${record.name}”`);
    seen.add(record.name);
    records.push(record);
    at = next;
  }
  return records;
}

function findEndRecord(archive: Buffer): number {
  const last = archive.length - END_RECORD_SIZE;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (archive.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  throw new SheetReadError('SHEET.NOT_XLSX', '文件不是 xlsx 工作簿（无法按 ZIP 格式打开）');
}

function isZip64(archive: Buffer, end: number): boolean {
  const locator = end - 20;
  return locator >= 0 && archive.readUInt32LE(locator) === ZIP64_END_LOCATOR;
}

function centralRecord(archive: Buffer, at: number, nameLength: number): CentralRecord {
  const flags = archive.readUInt16LE(at + 8);
  const rawName = archive.subarray(at + 46, at + 46 + nameLength);
  const record: CentralRecord = {
    name: entryName(rawName, flags),
    method: archive.readUInt16LE(at + 10),
    crc: archive.readUInt32LE(at + 16),
    compressedSize: archive.readUInt32LE(at + 20),
    size: archive.readUInt32LE(at + 24),
    localOffset: archive.readUInt32LE(at + 42),
  };
  if (flags & (ENCRYPTED | STRONG_ENCRYPTION) || record.method === AES_ENCRYPTED) {
    throw new SheetReadError('SHEET.ENCRYPTED', '文件设置了密码，请去掉密码后再上传');
  }
  if ([record.compressedSize, record.size, record.localOffset].includes(ZIP64_MARK)) {
    throw new SheetReadError('SHEET.UNSUPPORTED', '不支持 ZIP64 格式（超过 4 GB）的压缩包');
  }
  return record;
}

const legacyNames = new TextDecoder('gb18030');

/** Without the UTF-8 flag, names are in the writer's code page: GBK on Chinese Windows, rarely CP437. */
function entryName(raw: Buffer, flags: number): string {
  return flags & UTF8_NAMES || isUtf8(raw) ? raw.toString('utf8') : legacyNames.decode(raw);
}

function entryData(archive: Buffer, record: CentralRecord): Buffer {
  const at = record.localOffset;
  if (at + 30 > archive.length || archive.readUInt32LE(at) !== LOCAL_HEADER) {
    throw corrupt(`找不到“${record.name}”的数据`);
  }
  // The local header's name and extra field may differ in length from the central directory's copy.
  const start = at + 30 + archive.readUInt16LE(at + 26) + archive.readUInt16LE(at + 28);
  const end = start + record.compressedSize;
  if (end > archive.length) throw corrupt(`“${record.name}”的数据不完整`);
  const data = unpack(archive.subarray(start, end), record);
  if (data.length !== record.size || crc32(data) !== record.crc) throw corrupt(`“${record.name}”校验失败`);
  return data;
}

function unpack(body: Buffer, record: CentralRecord): Buffer {
  switch (record.method) {
    case STORED:
      return Buffer.from(body);
    case DEFLATED:
      try {
        // A header that understates the size cannot make us inflate more than it states.
        return inflateRawSync(body, { maxOutputLength: Math.max(record.size, 1) });
      } catch {
        throw corrupt(`“${record.name}”无法解压`);
      }
    default:
      throw new SheetReadError(
        'SHEET.UNSUPPORTED',
        `不支持“${record.name}”所用的压缩方式（${record.method}）`,
      );
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
