import fc from 'fast-check';
import readXlsxFile from 'read-excel-file/node';
import { excelSerialToIsoDate, excelSerialToIsoDateTime } from '../../src/export/excel-dates.js';
import { SheetReadError } from '../../src/export/sheet-read-error.js';
import { readXlsxSheets } from '../../src/export/xlsx-reader.js';
import { writeZip } from '../../src/export/zip.js';
import { readZip } from '../../src/export/zip-reader.js';
import { type SheetData, writeXlsx } from '../../src/export/xlsx-workbook.js';
import {
  FOREIGN_LEDGER_ROWS,
  FOREIGN_WORKBOOK,
  oneSheetWorkbook,
  packageOf,
  PREFIXED_WORKBOOK,
} from '../fixtures/xlsx-packages.js';

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
    ['_x0041_ 不是 A', 1e-7, null, null, '<b>&"</b>\t制表'],
  ],
};
const meetings: SheetData = { name: 'Meetings', columns: [{ header: 'Date' }], rows: [] };

/** What `readXlsxSheets` threw, for asserting on its code. */
function failure(read: () => unknown): SheetReadError {
  try {
    read();
  } catch (error) {
    if (error instanceof SheetReadError) return error;
    throw error;
  }
  throw new Error('expected a SheetReadError');
}

function expectReadOrRefused(file: Buffer): void {
  try {
    readXlsxSheets(file);
  } catch (error) {
    expect(error).toBeInstanceOf(SheetReadError);
  }
}

describe(readXlsxSheets.name, () => {
  describe('on workbooks from our own writer', () => {
    const sut = readXlsxSheets(writeXlsx([ledger, meetings]));

    it('gives the sheets in tab order, under their names, header row first', () => {
      expect(sut.map(({ name }) => name)).toEqual(['2025年第一季度', 'Meetings']);
      expect(sut[0].rows[0]).toEqual(['事项', '金额（元）', '已公开', '办结时间', '备注']);
      expect(sut[1].rows).toEqual([['Date']]);
    });

    it('gives back text, numbers, booleans and empty cells as written', () => {
      const [, first, second, third, fourth] = sut[0].rows;
      expect([first[0], first[1], first[2], first[4]]).toEqual(['村道硬化工程', 125000.5, true, null]);
      expect(second).toEqual([
        '=HYPERLINK("http://evil.example","点此")',
        -42,
        false,
        null,
        '  前后有空格  ',
      ]);
      expect(third[4]).toBe('第一行\n第二行');
      expect(fourth).toEqual(['_x0041_ 不是 A', 1e-7, null, null, '<b>&"</b>\t制表']);
    });

    it('gives dates as serial numbers that convert back to the Beijing wall time written', () => {
      const [, first, , third] = sut[0].rows;
      expect(excelSerialToIsoDateTime(first[3] as number, sut[0].dateSystem)).toBe('2025-03-10T09:30:00');
      expect(excelSerialToIsoDate(third[3] as number)).toBe('2025-04-01');
    });

    it('agrees cell for cell with read-excel-file', async () => {
      const theirs = await readXlsxFile(writeXlsx([ledger, meetings]), { trim: false });
      expect(theirs.map(({ sheet }) => sheet)).toEqual(sut.map(({ name }) => name));
      theirs.forEach(({ data }, sheet) => {
        // read-excel-file turns date cells into Dates whose UTC fields read the wall time.
        const ours = sut[sheet].rows.map((row, index) =>
          row.map((cell, column) =>
            data[index]?.[column] instanceof Date
              ? new Date(`${excelSerialToIsoDateTime(cell as number)}Z`)
              : cell,
          ),
        );
        expect(ours).toEqual(data);
      });
    });

    it('reads a sheet of 10,000 rows completely and in order', () => {
      const rows = Array.from({ length: 10_000 }, (_, index) => [
        `村民${index}`,
        index * 1.5,
        index % 2 === 0,
        index % 3 === 0 ? null : `备注 ${index} & <${index}>`,
      ]);
      const big: SheetData = {
        name: '大表',
        columns: [{ header: '姓名' }, { header: '金额' }, { header: '是否' }, { header: '备注' }],
        rows,
      };
      const [sheet] = readXlsxSheets(writeXlsx([big]));
      expect(sheet.rows).toHaveLength(10_001);
      expect(sheet.rows.slice(1)).toEqual(rows);
    });
  });

  describe('on workbooks shaped as Excel, WPS and LibreOffice write them', () => {
    const sut = readXlsxSheets(FOREIGN_WORKBOOK);

    it('follows the tab order and relationships, includes hidden sheets and leaves chart sheets out', () => {
      expect(sut.map(({ name }) => name)).toEqual(['名单 & 台账', 'Hidden']);
      expect(sut[1].rows).toEqual([
        [null, null],
        [null, null],
        [null, 7],
      ]);
    });

    it('reads shared, rich and inline text, formula results, booleans, errors and gaps into place', () => {
      expect(sut[0].rows).toEqual(FOREIGN_LEDGER_ROWS);
    });

    it('reads prefixed elements, relative paths with dots, and the 1904 date system', () => {
      const [sheet] = readXlsxSheets(PREFIXED_WORKBOOK);
      expect(sheet).toEqual({ name: '前缀', rows: [['前缀', 0]], dateSystem: 1904 });
    });

    it('trims text that does not ask to keep its spaces, as Excel shows it', () => {
      const [{ rows }] = readXlsxSheets(
        oneSheetWorkbook(
          '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>\n  内联  \n</t></is></c></row>',
          '<si><t>\t共享 </t></si>',
        ),
      );
      expect(rows).toEqual([['共享', '内联']]);
    });

    it('gives a cell merged down a column to every row it spans, and leaves merges across columns alone', () => {
      const text = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
      const [{ rows }] = readXlsxSheets(
        oneSheetWorkbook(
          `<row r="1">${text('A1', '花名册')}</row>` +
            `<row r="2">${text('A2', 'H001')}${text('B2', '甲')}</row>` +
            `<row r="3"><c r="A3" s="1"/>${text('B3', '乙')}</row>` +
            `<row r="4">${text('B4', '丙')}</row>` +
            `<row r="5">${text('B5', '丁')}</row>`,
          undefined,
          '<mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A2:A4"/><mergeCell ref="C2:C5"/><mergeCell ref="B5:B1048576"/></mergeCells>',
        ),
      );
      expect(rows).toEqual([
        ['花名册', null],
        ['H001', '甲'],
        ['H001', '乙'],
        ['H001', '丙'],
        [null, '丁'],
      ]);
    });
  });

  describe('refuses', () => {
    it.each([
      ['an old .xls file', Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(504), 'hex'), 'SHEET.NOT_XLSX'],
      [
        'a password-protected .xlsx',
        Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.from('EncryptionInfo', 'utf16le')]),
        'SHEET.ENCRYPTED',
      ],
      ['a text file', Buffer.from('姓名,金额\r\n张三,1\r\n'), 'SHEET.NOT_XLSX'],
      ['a Word document', packageOf({ 'word/document.xml': '<w:document/>' }), 'SHEET.NOT_XLSX'],
      [
        'an OpenDocument spreadsheet',
        packageOf({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
        'SHEET.UNSUPPORTED',
      ],
      [
        'a binary .xlsb workbook',
        packageOf({
          '_rels/.rels':
            '<Relationships><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
        }),
        'SHEET.UNSUPPORTED',
      ],
    ])('%s, saying what it is', (_, file, code) => {
      const error = failure(() => readXlsxSheets(file));
      expect(error.code).toBe(code);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    });

    it.each([
      ['an unclosed element', '<row r="1"><c r="A1"><v>1</v></row>'],
      [
        'an entity XML does not define',
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row>',
      ],
      ['a DOCTYPE, which could expand entities', '<!DOCTYPE x [<!ENTITY a "aaaa">]><row/>'],
      ['a bare ampersand', '<row r="1"><c r="A1" t="inlineStr"><is><t>A & B</t></is></c></row>'],
      ['a shared string that does not exist', '<row r="1"><c r="A1" t="s"><v>5</v></c></row>'],
      ['a number that is not one', '<row r="1"><c r="A1"><v>0x1F</v></c></row>'],
      ['a boolean that is not one', '<row r="1"><c r="A1" t="b"><v>yes</v></c></row>'],
      ['a cell address past Excel’s last column', '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
    ])('a worksheet with %s, as corrupt', (_, sheetData) => {
      const error = failure(() => readXlsxSheets(oneSheetWorkbook(sheetData, '<si><t>x</t></si>')));
      expect(error.code).toBe('SHEET.CORRUPT');
      expect(error.message).toContain('工作表“S”');
    });

    it('a sheet of many rows with one cell far to the right, before it fills memory', () => {
      const rows = Array.from(
        { length: 20_000 },
        (_, index) => `<row r="${index + 1}"><c r="XFD${index + 1}"><v>1</v></c></row>`,
      );
      expect(failure(() => readXlsxSheets(oneSheetWorkbook(rows.join('')))).code).toBe('SHEET.TOO_LARGE');
    });

    it('a tiny sheet whose one far cell would make a grid of billions', () => {
      const file = oneSheetWorkbook(
        '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
      );
      expect(failure(() => readXlsxSheets(file)).code).toBe('SHEET.TOO_LARGE');
    });

    // Whatever the damage, the uploader gets a message, never a crash the server reports as its own fault.
    it('damaged bytes with a SheetReadError, never another error', () => {
      const flips = fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 4 });
      fc.assert(
        fc.property(flips, (changes) => {
          const damaged = Buffer.from(FOREIGN_WORKBOOK);
          for (const [at, byte] of changes) damaged[at % damaged.length] = byte;
          expectReadOrRefused(damaged);
        }),
        { numRuns: 300 },
      );
    });

    it('damaged XML with a SheetReadError, never another error', () => {
      const parts = readZip(FOREIGN_WORKBOOK);
      const markup = fc.string({ maxLength: 6, unit: fc.constantFrom(...'<>/&"\'= rctv1A;#x!?-_') });
      fc.assert(
        fc.property(fc.nat(parts.length - 1), fc.nat(), fc.nat(20), markup, (part, at, cut, insert) => {
          const damaged = parts.map(({ name, data }, index) => {
            if (index !== part) return { name, data };
            const text = data.toString('utf8');
            const from = at % (text.length + 1);
            return { name, data: Buffer.from(text.slice(0, from) + insert + text.slice(from + cut)) };
          });
          expectReadOrRefused(writeZip(damaged));
        }),
        { numRuns: 300 },
      );
    });
  });
});

describe(excelSerialToIsoDate.name, () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45658, '2025-01-01'],
    [45658.99, '2025-01-01'],
    [2_958_465, '9999-12-31'],
  ])('reads serial %d as %s', (serial, date) => {
    expect(excelSerialToIsoDate(serial)).toBe(date);
  });

  it.each([0, -1, 60, 2_958_466, Number.NaN])('gives null for %d, which is no real date', (serial) => {
    expect(excelSerialToIsoDate(serial)).toBeNull();
  });

  it('counts from 1904-01-01 in the 1904 date system', () => {
    expect(excelSerialToIsoDate(0, 1904)).toBe('1904-01-01');
    expect(excelSerialToIsoDate(45658 - 1462, 1904)).toBe('2025-01-01');
  });
});

describe(excelSerialToIsoDateTime.name, () => {
  it('reads the fraction as the time of day, forgiving a value stored a hair low', () => {
    expect(excelSerialToIsoDateTime(45658.5)).toBe('2025-01-01T12:00:00');
    expect(excelSerialToIsoDateTime(45658 + 14 / 24 - 1e-10)).toBe('2025-01-01T14:00:00');
    expect(excelSerialToIsoDateTime(45658.999_999_999_9)).toBe('2025-01-02T00:00:00');
  });
});
