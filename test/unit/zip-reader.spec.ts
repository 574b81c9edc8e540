import { randomBytes } from 'node:crypto';
import { SheetReadError } from '../../src/export/sheet-read-error.js';
import { writeZip, type ZipEntry } from '../../src/export/zip.js';
import { readZip } from '../../src/export/zip-reader.js';

const entries: ZipEntry[] = [
  { name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<row>'.repeat(500), 'utf8') },
  { name: '台账/2025年第一季度.txt', data: Buffer.from('村务监督委员会 台账', 'utf8') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
  { name: 'random.bin', data: randomBytes(4096) },
];

/** Where the central directory record of entry `index` starts. */
function centralRecordAt(zip: Buffer, index: number): number {
  let at = zip.readUInt32LE(zip.length - 22 + 16);
  for (let skipped = 0; skipped < index; skipped++) {
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return at;
}

/** A copy of the archive with `change` applied to entry `index`'s central directory record. */
function withCentralRecord(zip: Buffer, index: number, change: (record: Buffer) => void): Buffer {
  const copy = Buffer.from(zip);
  change(copy.subarray(centralRecordAt(copy, index)));
  return copy;
}

/**
 * A one-entry archive as streaming writers (Java, .NET, many web exports) produce it: sizes and CRC zero in
 * the local header, flag bit 3 set, the real values in a data descriptor after the body.
 */
function asStreamed(zip: Buffer): Buffer {
  const centralAt = centralRecordAt(zip, 0);
  const local = Buffer.from(zip.subarray(0, centralAt));
  const descriptor = Buffer.alloc(16);
  descriptor.writeUInt32LE(0x08074b50, 0);
  local.copy(descriptor, 4, 14, 26); // CRC, compressed and uncompressed size
  local.writeUInt16LE(local.readUInt16LE(6) | 0x0008, 6);
  local.fill(0, 14, 26);
  const rest = Buffer.from(zip.subarray(centralAt));
  rest.writeUInt16LE(rest.readUInt16LE(8) | 0x0008, 8);
  rest.writeUInt32LE(centralAt + 16, rest.length - 22 + 16);
  return Buffer.concat([local, descriptor, rest]);
}

function failure(read: () => unknown): SheetReadError {
  try {
    read();
  } catch (error) {
    if (error instanceof SheetReadError) return error;
    throw error;
  }
  throw new Error('expected a SheetReadError');
}

describe(readZip.name, () => {
  it('gives back every entry our writer wrote, deflated or stored, in order', () => {
    expect(readZip(writeZip(entries))).toEqual(entries);
  });

  it('returns only the selected entries, and does not even check the others', () => {
    const zip = withCentralRecord(writeZip(entries), 3, (record) => record.writeUInt32LE(0, 16)); // bad CRC
    expect(readZip(zip, { select: (name) => name.endsWith('.xml') })).toEqual([entries[0]]);
    expect(failure(() => readZip(zip)).code).toBe('SHEET.CORRUPT');
  });

  it('leaves directories out', () => {
    const zip = writeZip([{ name: 'xl/', data: Buffer.alloc(0) }, entries[1]]);
    expect(readZip(zip).map(({ name }) => name)).toEqual([entries[1].name]);
  });

  it('reads Chinese names that Windows zip tools wrote in GBK, without the UTF-8 flag', () => {
    const zip = withCentralRecord(writeZip([{ name: 'abcd.txt', data: Buffer.from('x') }]), 0, (record) => {
      record.writeUInt16LE(0, 8); // clear the UTF-8 flag
      Buffer.from('b4e5cef1', 'hex').copy(record, 46); // 村务 in GBK
    });
    expect(readZip(zip)[0].name).toBe('村务.txt');
  });

  it('refuses a file that is no ZIP archive', () => {
    expect(failure(() => readZip(Buffer.from('姓名,金额\r\n'))).code).toBe('SHEET.NOT_XLSX');
    expect(failure(() => readZip(Buffer.alloc(0))).code).toBe('SHEET.NOT_XLSX');
  });

  it('refuses encrypted entries, asking for the password to be removed', () => {
    const zip = withCentralRecord(writeZip(entries), 1, (record) => record.writeUInt16LE(0x0801, 8));
    const error = failure(() => readZip(zip));
    expect(error.code).toBe('SHEET.ENCRYPTED');
    expect(error.message).toContain('密码');
  });

  it('refuses a zip bomb before inflating it', () => {
    const bomb = writeZip([{ name: 'sheet.xml', data: Buffer.alloc(51 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100_000);
    const error = failure(() => readZip(bomb));
    expect(error.code).toBe('SHEET.TOO_LARGE');
    expect(error.message).toContain('50 MB');
  });

  it('stops inflating at the declared size when the header understates it', () => {
    const liar = withCentralRecord(
      writeZip([{ name: 'a.xml', data: Buffer.alloc(1024 * 1024) }]),
      0,
      (record) => record.writeUInt32LE(10, 24),
    );
    expect(failure(() => readZip(liar)).code).toBe('SHEET.CORRUPT');
  });

  it('caps the number of entries and the total size as asked', () => {
    expect(failure(() => readZip(writeZip(entries), { maxEntries: 3 })).code).toBe('SHEET.TOO_LARGE');
    expect(failure(() => readZip(writeZip(entries), { maxTotalBytes: 4096 })).code).toBe('SHEET.TOO_LARGE');
  });

  it.each([
    ['a damaged local header', (zip: Buffer) => Buffer.concat([Buffer.from('X'), zip.subarray(1)])],
    ['a truncated body', (zip: Buffer) => Buffer.concat([zip.subarray(0, 40), zip.subarray(80)])],
    [
      'a deflated body that is not deflate',
      (zip: Buffer) => {
        const copy = Buffer.from(zip);
        copy.fill(0xff, 30 + Buffer.byteLength(entries[0].name), 60 + Buffer.byteLength(entries[0].name));
        return copy;
      },
    ],
    [
      'two entries of one name',
      (zip: Buffer) =>
        withCentralRecord(zip, 1, (record) => Buffer.from('xl/worksheets/sheet1.xml').copy(record, 46)),
    ],
  ])('refuses an archive with %s as corrupt', (_, damage) => {
    const zip = writeZip([entries[0], { name: 'xl/worksheets/sheet2.xml', data: entries[0].data }]);
    expect(failure(() => readZip(damage(zip))).code).toBe('SHEET.CORRUPT');
  });

  it('refuses ZIP64 archives and compression methods other than deflate', () => {
    const zip64 = withCentralRecord(writeZip(entries), 0, (record) => record.writeUInt32LE(0xffffffff, 20));
    expect(failure(() => readZip(zip64)).code).toBe('SHEET.UNSUPPORTED');
    const bzip2 = withCentralRecord(writeZip(entries), 0, (record) => record.writeUInt16LE(12, 10));
    expect(failure(() => readZip(bzip2)).message).toContain('压缩方式');
  });

  it('reads an archive written as a stream, sizes in a data descriptor, with an archive comment', () => {
    const data = Buffer.from('村务公开'.repeat(100));
    const streamed = asStreamed(writeZip([{ name: 'a.txt', data }]));
    const commented = Buffer.concat([streamed, Buffer.from('comment')]);
    commented.writeUInt16LE(7, streamed.length - 2);
    expect(readZip(commented)).toEqual([{ name: 'a.txt', data }]);
  });
});
