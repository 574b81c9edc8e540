import { randomBytes } from 'node:crypto';
import { crc32 as zlibCrc32, inflateRawSync } from 'node:zlib';
import { crc32, tableCrc32, writeZip, type ZipEntry } from '../../src/export/zip.js';

interface ReadEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  time: number;
  date: number;
  data: Buffer;
}

/** Reads an archive the way unzip does: from the end-of-central-directory record, not our own writer. */
function readZip(zip: Buffer): ReadEntry[] {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  expect(at + zip.readUInt32LE(end + 12)).toBe(end);
  const entries: ReadEntry[] = [];
  for (let index = 0; index < count; index++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const compressedSize = zip.readUInt32LE(at + 20);
    const local = zip.readUInt32LE(at + 42);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const method = zip.readUInt16LE(at + 10);
    const body = zip.subarray(start, start + compressedSize);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      flags: zip.readUInt16LE(at + 8),
      method,
      crc: zip.readUInt32LE(at + 16),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      data: method === 8 ? inflateRawSync(body) : Buffer.from(body),
    });
    expect(entries[index].data.length).toBe(zip.readUInt32LE(at + 24));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

describe(writeZip.name, () => {
  const entries: ZipEntry[] = [
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<row>'.repeat(500), 'utf8') },
    { name: '台账/2025年第一季度.txt', data: Buffer.from('村务监督委员会 台账', 'utf8') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
    { name: 'random.bin', data: randomBytes(4096) },
  ];

  it('gives back every entry, inflated, with matching CRCs', () => {
    const read = readZip(writeZip(entries));
    expect(read.map(({ name }) => name)).toEqual(entries.map(({ name }) => name));
    read.forEach((entry, index) => {
      expect(entry.data.equals(entries[index].data)).toBe(true);
      expect(entry.crc).toBe(tableCrc32(entries[index].data));
    });
  });

  it('deflates text and stores what would not shrink', () => {
    const [text, , empty, random] = readZip(writeZip(entries));
    expect(text.method).toBe(8);
    expect(empty.method).toBe(0);
    expect(random.method).toBe(0);
  });

  it('marks names as UTF-8 so Chinese file names survive', () => {
    for (const entry of readZip(writeZip(entries))) expect(entry.flags & 0x0800).toBe(0x0800);
  });

  it('is byte-for-byte the same for the same input', () => {
    const modifiedAt = new Date('2025-03-31T18:15:31Z');
    expect(writeZip(entries, { modifiedAt }).equals(writeZip(entries, { modifiedAt }))).toBe(true);
    expect(writeZip(entries).equals(writeZip(entries))).toBe(true);
  });

  it('stamps the DOS date and time from the UTC fields, seconds halved', () => {
    const [entry] = readZip(writeZip(entries.slice(0, 1), { modifiedAt: new Date('2025-03-31T18:15:31Z') }));
    expect(entry.date).toBe(((2025 - 1980) << 9) | (3 << 5) | 31);
    expect(entry.time).toBe((18 << 11) | (15 << 5) | 15);
    const [fixed] = readZip(writeZip(entries.slice(0, 1)));
    expect(fixed.date).toBe((1 << 5) | 1); // 1980-01-01
  });

  it('refuses duplicate and absolute names', () => {
    const data = Buffer.from('x');
    expect(() =>
      writeZip([
        { name: 'a.xml', data },
        { name: 'a.xml', data },
      ]),
    ).toThrow(/appears twice/);
    expect(() => writeZip([{ name: '/etc/passwd', data }])).toThrow(/relative path/);
  });
});

describe('crc32', () => {
  it('computes the standard check value of "123456789"', () => {
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('falls back to a table that agrees with zlib', () => {
    const data = randomBytes(10_000);
    expect(tableCrc32(data)).toBe(zlibCrc32(data));
    expect(tableCrc32(Buffer.alloc(0))).toBe(0);
  });
});
