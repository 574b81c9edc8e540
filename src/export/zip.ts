import * as zlib from 'node:zlib';

/** One file in the archive; the name uses forward slashes, e.g. `xl/workbook.xml`. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

export interface ZipOptions {
  /**
   * Stamped on every entry. DOS timestamps have no zone, so the Date's UTC fields are written as they are:
   * pass a wall time already shifted to the readers' zone. Defaults to 1980-01-01 00:00, so that the same
   * entries always give the same bytes.
   */
  modifiedAt?: Date;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const VERSION = 20; // 2.0: deflate, no ZIP64
const UTF8_NAMES = 0x0800; // general purpose bit 11
const STORED = 0;
const DEFLATED = 8;
const MAX_UINT16 = 0xffff;
const MAX_UINT32 = 0xffffffff;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit++) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});

/** CRC-32 (IEEE 802.3), for Node versions that lack `zlib.crc32`. */
export function tableCrc32(data: Uint8Array): number {
  let crc = MAX_UINT32;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ MAX_UINT32) >>> 0;
}

// `zlib.crc32` arrived in Node 20.15 and 22.2; the namespace import lets an older runtime fall back.
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
export const crc32: (data: Uint8Array) => number = nativeCrc32 ?? tableCrc32;

/** Writes a ZIP archive (no ZIP64: each entry and the whole archive under 4 GiB, at most 65535 entries). */
export function writeZip(entries: readonly ZipEntry[], options: ZipOptions = {}): Buffer {
  assertEntries(entries);
  const { time, date } = dosTimestamp(options.modifiedAt ?? new Date(Date.UTC(1980, 0, 1)));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const packed = pack(entry, time, date);
    checkFits(offset, `the entries before ${entry.name}`);
    locals.push(localHeader(packed), packed.name, packed.body);
    centrals.push(centralHeader(packed, offset), packed.name);
    offset += 30 + packed.name.length + packed.body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  checkFits(offset + centralDirectory.length, 'the archive');
  return Buffer.concat([
    ...locals,
    centralDirectory,
    endOfCentralDirectory(entries.length, centralDirectory.length, offset),
  ]);
}

interface PackedEntry {
  name: Buffer;
  body: Buffer;
  method: number;
  crc: number;
  size: number;
  time: number;
  date: number;
}

function pack(entry: ZipEntry, time: number, date: number): PackedEntry {
  checkFits(entry.data.length, entry.name);
  const deflated = zlib.deflateRawSync(entry.data);
  // Tiny or already-compressed data can grow when deflated: store it as it is then.
  const stored = deflated.length >= entry.data.length;
  return {
    name: Buffer.from(entry.name, 'utf8'),
    body: stored ? entry.data : deflated,
    method: stored ? STORED : DEFLATED,
    crc: crc32(entry.data),
    size: entry.data.length,
    time,
    date,
  };
}

function localHeader(entry: PackedEntry): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(LOCAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4);
  writeEntryFields(header, entry, 6);
  header.writeUInt16LE(0, 28); // extra field length
  return header;
}

function centralHeader(entry: PackedEntry, localOffset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(CENTRAL_HEADER, 0);
  header.writeUInt16LE(VERSION, 4); // made by: MS-DOS, so readers ignore the external attributes
  header.writeUInt16LE(VERSION, 6);
  writeEntryFields(header, entry, 8);
  // extra length, comment length, disk number, internal and external attributes stay 0
  header.writeUInt32LE(localOffset, 42);
  return header;
}

/** The run of fields that local and central headers share, from "general purpose flags" to "name length". */
function writeEntryFields(header: Buffer, entry: PackedEntry, at: number): void {
  header.writeUInt16LE(UTF8_NAMES, at);
  header.writeUInt16LE(entry.method, at + 2);
  header.writeUInt16LE(entry.time, at + 4);
  header.writeUInt16LE(entry.date, at + 6);
  header.writeUInt32LE(entry.crc, at + 8);
  header.writeUInt32LE(entry.body.length, at + 12);
  header.writeUInt32LE(entry.size, at + 16);
  header.writeUInt16LE(entry.name.length, at + 20);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  record.writeUInt16LE(count, 8); // entries on this disk
  record.writeUInt16LE(count, 10); // entries in total
  record.writeUInt32LE(size, 12);
  record.writeUInt32LE(offset, 16);
  return record;
}

/** MS-DOS date and time: 2-second resolution, years 1980 to 2107. */
function dosTimestamp(at: Date): { time: number; date: number } {
  if (Number.isNaN(at.getTime())) throw new Error('ZIP timestamp is an invalid Date');
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | (at.getUTCSeconds() >> 1),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

function assertEntries(entries: readonly ZipEntry[]): void {
  if (entries.length > MAX_UINT16) throw new Error(`ZIP: ${entries.length} entries, at most ${MAX_UINT16}`);
  const seen = new Set<string>();
  for (const { name } of entries) {
    if (name === '' || name.startsWith('/') || name.includes('\\')) {
      throw new Error(`ZIP entry name must be a relative path with forward slashes: "${name}"`);
    }
    if (Buffer.byteLength(name, 'utf8') > MAX_UINT16) throw new Error(`ZIP entry name too long: "${name}"`);
    if (seen.has(name)) throw new Error(`ZIP entry "${name}" appears twice`);
    seen.add(name);
  }
}

function checkFits(bytes: number, what: string): void {
  if (bytes > MAX_UINT32) throw new Error(`ZIP: ${what} exceeds 4 GiB, which needs ZIP64`);
}
