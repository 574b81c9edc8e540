import { inflateRawSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { displayWidth, type SheetData, writeXlsx } from '../../src/export/xlsx-workbook.js';

const ledger: SheetData = {
  name: '2025年第一季度',
  columns: [
    { header: '事项' },
    { header: '金额（元）' },
    { header: '已公开' },
    { header: '办结时间' },
    { header: '备注' },
  ],
  rows: [
    ['村道硬化工程', 125000.5, true, new Date('2025-03-10T01:30:00Z'), null],
    ['=HYPERLINK("http://evil.example","点此")', -42, false, null, '  前后有空格  '],
    ['集体资产出租', 0, true, new Date('2025-03-31T16:05:00Z'), '第一行\n第二行'],
  ],
};
const meetings: SheetData = { name: 'Meetings', columns: [{ header: 'Date', width: 20 }], rows: [] };

/** Reads the workbook back with an independent reader, as a user's spreadsheet program would. */
const readBack = (xlsx: Buffer) => readXlsxFile(xlsx, { trim: false });

/** The text of one part of the package, for what the reader does not report (widths, frozen panes). */
function part(xlsx: Buffer, name: string): string {
  let at = 0;
  while (xlsx.readUInt32LE(at) === 0x04034b50) {
    const size = xlsx.readUInt32LE(at + 18);
    const nameLength = xlsx.readUInt16LE(at + 26);
    const start = at + 30 + nameLength + xlsx.readUInt16LE(at + 28);
    const body = xlsx.subarray(start, start + size);
    if (xlsx.toString('utf8', at + 30, at + 30 + nameLength) === name) {
      return (xlsx.readUInt16LE(at + 8) === 8 ? inflateRawSync(body) : body).toString('utf8');
    }
    at = start + size;
  }
  throw new Error(`no ${name} in the package`);
}

describe(writeXlsx.name, () => {
  const sut = writeXlsx([ledger, meetings], {
    title: '村务监督台账',
    createdAt: new Date('2025-04-01T02:00:00Z'),
  });

  it('has the sheets, in order, under their names', async () => {
    const sheets = await readBack(sut);
    expect(sheets.map(({ sheet }) => sheet)).toEqual(['2025年第一季度', 'Meetings']);
    expect(sheets[1].data).toEqual([['Date']]);
  });

  it('round-trips the header, Chinese text, numbers, booleans and empty cells', async () => {
    const [{ data }] = await readBack(sut);
    expect(data[0]).toEqual(['事项', '金额（元）', '已公开', '办结时间', '备注']);
    expect(data[1].slice(0, 3)).toEqual(['村道硬化工程', 125000.5, true]);
    expect(data[1][4]).toBeNull();
    expect(data[2].slice(1, 4)).toEqual([-42, false, null]);
    expect(data[3][4]).toBe('第一行\n第二行');
  });

  it('keeps a formula-looking string as text, never a formula', async () => {
    const [{ data }] = await readBack(sut);
    expect(data[2][0]).toBe('=HYPERLINK("http://evil.example","点此")');
    expect(part(sut, 'xl/worksheets/sheet1.xml')).not.toContain('<f>');
  });

  it('writes dates as the wall time in Beijing, which is what a reader in China expects to see', async () => {
    const [{ data }] = await readBack(sut);
    // The reader gives a Date whose UTC fields are the cell's wall time.
    expect(data[1][3]).toEqual(new Date('2025-03-10T09:30:00Z'));
    expect(data[3][3]).toEqual(new Date('2025-04-01T00:05:00Z')); // 16:05 UTC is already the next day
  });

  it('takes another time zone when asked', async () => {
    const sheet: SheetData = {
      name: 'S',
      columns: [{ header: 'at' }],
      rows: [[new Date('2025-07-01T12:00:00Z')]],
    };
    const [{ data }] = await readBack(writeXlsx([sheet], { timeZone: 'Europe/Berlin' }));
    expect(data[1][0]).toEqual(new Date('2025-07-01T14:00:00Z'));
  });

  it('keeps leading and trailing spaces, and text that Excel would otherwise unescape', async () => {
    const sheet: SheetData = {
      name: 'S',
      columns: [{ header: 'x' }],
      rows: [['_x0041_'], ['  前后有空格  ']],
    };
    const [{ data }] = await readBack(writeXlsx([sheet]));
    expect(data.slice(1)).toEqual([['_x0041_'], ['  前后有空格  ']]);
  });

  it('escapes markup and drops characters XML cannot carry', async () => {
    const sheet: SheetData = {
      name: 'S',
      columns: [{ header: '<b>&"</b>' }],
      rows: [['a\u0000b\u0007c\td']],
    };
    const [{ data }] = await readBack(writeXlsx([sheet]));
    expect(data).toEqual([['<b>&"</b>'], ['abc\td']]);
  });

  it('shares each distinct string once', () => {
    const sheet: SheetData = { name: 'S', columns: [{ header: '村' }], rows: [['村'], ['组'], ['村']] };
    expect(part(writeXlsx([sheet]), 'xl/sharedStrings.xml')).toMatch(/count="4" uniqueCount="2"/);
  });

  it('freezes and filters the header row, and sizes columns to their content', () => {
    const sheetXml = part(sut, 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
    expect(sheetXml).toContain('<autoFilter ref="A1:E4"/>');
    const widths = [...sheetXml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map(([, width]) => Number(width));
    // 村道硬化工程 is 6 CJK characters, 12 wide; =HYPERLINK(…) is longer still.
    expect(widths[0]).toBeGreaterThan(displayWidth('=HYPERLINK("http://evil.example","点此")'));
    expect(part(sut, 'xl/worksheets/sheet2.xml')).toContain('width="20"');
  });

  it('caps automatic widths at 60 and wraps long text', () => {
    const sheet: SheetData = { name: 'S', columns: [{ header: 'x' }], rows: [['监'.repeat(100)]] };
    const sheetXml = part(writeXlsx([sheet]), 'xl/worksheets/sheet1.xml');
    expect(sheetXml).toContain('width="60"');
    expect(sheetXml).toMatch(/<c r="A2" s="3" t="s">/);
  });

  it('records the title and creation time', () => {
    const core = part(sut, 'docProps/core.xml');
    expect(core).toContain('<dc:title>村务监督台账</dc:title>');
    expect(core).toContain('>2025-04-01T02:00:00Z</dcterms:created>');
  });

  it('is byte-for-byte the same for the same input', () => {
    const again = writeXlsx([ledger, meetings], {
      title: '村务监督台账',
      createdAt: new Date('2025-04-01T02:00:00Z'),
    });
    expect(again.equals(sut)).toBe(true);
    expect(writeXlsx([ledger]).equals(writeXlsx([ledger]))).toBe(true);
  });

  it.each([
    ['', /is empty/],
    ['一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二', /longer than 31/],
    ['2025/Q1', /contains one of/],
    ['[draft]', /contains one of/],
    ["'quoted'", /apostrophe/],
    ['History', /reserved/],
  ])('refuses the sheet name "%s"', (name, message) => {
    expect(() => writeXlsx([{ ...meetings, name }])).toThrow(message);
  });

  it('refuses two sheets whose names differ only in case', () => {
    expect(() => writeXlsx([meetings, { ...meetings, name: 'MEETINGS' }])).toThrow(/used twice/);
  });

  it('refuses cells it cannot write faithfully', () => {
    const sheet = (cell: SheetData['rows'][number][number]): SheetData[] => [
      { name: 'S', columns: [{ header: 'x' }], rows: [[cell]] },
    ];
    expect(() => writeXlsx(sheet(Number.NaN))).toThrow(/A2/);
    expect(() => writeXlsx(sheet(new Date('nonsense')))).toThrow(/invalid Date/);
    expect(() => writeXlsx([{ name: 'S', columns: [{ header: 'x' }], rows: [[1, 2]] }])).toThrow(/2 cells/);
  });
});

describe(displayWidth.name, () => {
  it('counts Chinese characters and full-width punctuation as two, and measures the longest line', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('村务监督')).toBe(8);
    expect(displayWidth('金额（元）')).toBe(10);
    expect(displayWidth('短\n长一些的行')).toBe(10);
  });
});
