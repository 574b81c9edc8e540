import { formatDateTime, toCsv } from '../../src/export/csv.js';

const text = (csv: Buffer) => csv.toString('utf8');
const body = (csv: Buffer) => text(csv).slice(1); // after the BOM

describe(toCsv.name, () => {
  it('starts with a UTF-8 byte order mark, so Excel does not read Chinese as GBK', () => {
    const sut = toCsv(['事项'], [['村道硬化']]);
    expect([...sut.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(body(sut)).toBe('事项\r\n村道硬化\r\n');
  });

  it('ends every record with CRLF', () => {
    expect(
      body(
        toCsv(
          ['a', 'b'],
          [
            [1, 2],
            [3, 4],
          ],
        ),
      ),
    ).toBe('a,b\r\n1,2\r\n3,4\r\n');
  });

  it('quotes fields with commas, quotes and line breaks, doubling the quotes (RFC 4180)', () => {
    const sut = toCsv(['备注'], [['甲,乙'], ['他说"同意"'], ['第一行\n第二行'], ['a\r\nb'], ['plain']]);
    expect(body(sut)).toBe('备注\r\n"甲,乙"\r\n"他说""同意"""\r\n"第一行\n第二行"\r\n"a\r\nb"\r\nplain\r\n');
  });

  it.each(['=1+2', '+86 138', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://evil.example","点此")'])(
    'defuses the formula-looking text %j with an apostrophe',
    (cell) => {
      const [, field] = body(toCsv(['x'], [[cell]])).split('\r\n');
      const unquoted = field.startsWith('"') ? field.slice(1) : field;
      expect(unquoted.startsWith("'")).toBe(true);
    },
  );

  it('quotes a defused field when it needs quoting', () => {
    expect(body(toCsv(['x'], [['=A1,"b"']]))).toBe('x\r\n"\'=A1,""b"""\r\n');
  });

  it('leaves numbers as numbers, negative ones included', () => {
    expect(body(toCsv(['n'], [[-42], [0], [125000.5]]))).toBe('n\r\n-42\r\n0\r\n125000.5\r\n');
  });

  it('writes empty cells as empty fields and booleans as Excel does', () => {
    expect(body(toCsv(['a', 'b', 'c'], [[null, true, false]]))).toBe('a,b,c\r\n,TRUE,FALSE\r\n');
  });

  it('writes dates as Beijing wall time, or in the zone asked for', () => {
    const at = new Date('2025-03-31T16:05:09Z');
    expect(body(toCsv(['t'], [[at]]))).toBe('t\r\n2025-04-01 00:05:09\r\n');
    expect(body(toCsv(['t'], [[at]], { timeZone: 'UTC' }))).toBe('t\r\n2025-03-31 16:05:09\r\n');
  });

  it('defuses headers too', () => {
    expect(body(toCsv(['=cmd'], []))).toBe("'=cmd\r\n");
  });

  it('refuses numbers a spreadsheet cannot hold', () => {
    expect(() => toCsv(['n'], [[Number.POSITIVE_INFINITY]])).toThrow(/Infinity/);
  });
});

describe(formatDateTime.name, () => {
  it('pads every field', () => {
    expect(formatDateTime(new Date('2025-01-01T01:02:03Z'))).toBe('2025-01-01 09:02:03');
  });
});
