import fc from 'fast-check';
import { toCsv } from '../../src/export/csv.js';
import { readCsv } from '../../src/export/csv-reader.js';
import { SheetReadError } from '../../src/export/sheet-read-error.js';
import { decodeText, MAX_TEXT_BYTES } from '../../src/export/text-decoding.js';

let gbkTable: Map<string, number[]> | undefined;

/** Text as Excel and WPS in China save "CSV (逗号分隔)": GBK. Node decodes GBK but cannot encode it. */
function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail !== 0x7f) gbkTable.set(decoder.decode(Uint8Array.of(lead, trail)), [lead, trail]);
      }
    }
  }
  const table = gbkTable;
  return Buffer.from(
    [...text].flatMap((char) => {
      const bytes = char.charCodeAt(0) < 0x80 ? [char.charCodeAt(0)] : table.get(char);
      if (!bytes) throw new Error(`${char} is not in GBK`);
      return bytes;
    }),
  );
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

describe(readCsv.name, () => {
  it('splits records and fields', () => {
    expect(readCsv('姓名,金额\r\n张三,100\r\n李四,200\r\n')).toEqual([
      ['姓名', '金额'],
      ['张三', '100'],
      ['李四', '200'],
    ]);
  });

  it('takes LF, CRLF and a lone CR as line ends, and a last record without one', () => {
    expect(readCsv('a\nb\r\nc\rd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('unquotes fields holding commas, doubled quotes and line breaks (RFC 4180)', () => {
    expect(readCsv('"甲,乙","他说""同意""","第一行\r\n第二行","a\nb"\r\nnext\r\n')).toEqual([
      ['甲,乙', '他说"同意"', '第一行\r\n第二行', 'a\nb'],
      ['next'],
    ]);
  });

  it('keeps empty fields, at the end of a record too, and blank lines as records', () => {
    expect(readCsv('a,,b,\r\n\r\n"",x\r\n')).toEqual([['a', '', 'b', ''], [''], ['', 'x']]);
  });

  it('drops a leading byte order mark, and nothing else', () => {
    expect(readCsv('\ufeff姓名, 金额 \r\n')).toEqual([['姓名', ' 金额 ']]);
    expect(readCsv('\ufeff')).toEqual([]);
    expect(readCsv('')).toEqual([]);
  });

  it('keeps stray quotes as Excel does', () => {
    expect(readCsv('5"寸,"ab"c,x"y"\r\n')).toEqual([['5"寸', 'abc', 'x"y"']]);
  });

  it('refuses a quote left open to the end, naming the record where it opened', () => {
    const error = failure(() => readCsv('a\r\nb\r\n"c,d\r\ne\r\n'));
    expect(error.code).toBe('SHEET.CORRUPT');
    expect(error.message).toContain('第 3 行');
  });

  it('splits on another delimiter when asked', () => {
    expect(readCsv('a\tb,c\r\n', { delimiter: '\t' })).toEqual([['a', 'b,c']]);
  });

  it('reads back what our writer wrote, defusing apostrophes included', () => {
    const csv = toCsv(
      ['事项', '备注'],
      [
        ['村道,硬化', '他说"同意"\n再议'],
        ['=1+2', null],
        [true, -42],
      ],
    );
    expect(readCsv(decodeText(csv))).toEqual([
      ['事项', '备注'],
      ['村道,硬化', '他说"同意"\n再议'],
      ["'=1+2", ''],
      ['TRUE', '-42'],
    ]);
  });

  it('reads back any text our writer writes', () => {
    const unit = fc.constantFrom('"', ',', '\r', '\n', ' ', 'a', '村', '𠀀');
    const cell = fc.string({ unit }).filter((text) => !/^[=+\-@\t\r]/.test(text)); // left as written
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        expect(readCsv(decodeText(toCsv(['甲', '乙'], rows)))).toEqual([['甲', '乙'], ...rows]);
      }),
    );
  });
});

describe(decodeText.name, () => {
  const text = '姓名,村务监督委员会\r\n张三,€ 𠀀\r\n';

  it('reads UTF-8, with or without a byte order mark', () => {
    expect(decodeText(Buffer.from(`\ufeff${text}`, 'utf8'))).toBe(text);
    expect(decodeText(Buffer.from(text, 'utf8'))).toBe(text);
  });

  it('reads the GBK that Excel and WPS in China save CSV in', () => {
    const saved = gbk('姓名,身份证号,村务监督委员会\r\n张三,14040219800101001X,是\r\n');
    expect(readCsv(decodeText(saved))).toEqual([
      ['姓名', '身份证号', '村务监督委员会'],
      ['张三', '14040219800101001X', '是'],
    ]);
  });

  it('reads GB18030 beyond GBK, whose four-byte sequences reach all of Unicode', () => {
    expect(decodeText(Buffer.from('8130813095328236', 'hex'))).toBe('\u0080𠀀');
  });

  it('reads UTF-16 with a byte order mark, as Excel saves "Unicode text"', () => {
    expect(decodeText(Buffer.concat([Buffer.from('fffe', 'hex'), Buffer.from(text, 'utf16le')]))).toBe(text);
  });

  it('refuses bytes that are no text in any of these encodings', () => {
    expect(failure(() => decodeText(Buffer.from('PK\u0003\u0004\u0000\u0000'))).code).toBe('SHEET.CORRUPT');
    expect(failure(() => decodeText(Buffer.from([0xb4, 0xe5, 0xff, 0x7f]))).code).toBe('SHEET.CORRUPT');
    expect(failure(() => decodeText(Buffer.from(text, 'utf16le'))).message).toContain('CSV UTF-8');
  });

  it('refuses a file over the size limit', () => {
    expect(failure(() => decodeText(Buffer.alloc(MAX_TEXT_BYTES + 1, 0x61))).code).toBe('SHEET.TOO_LARGE');
  });
});
