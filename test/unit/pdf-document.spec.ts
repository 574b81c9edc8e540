import { inflateSync } from 'node:zlib';
import { PdfDocument } from '../../src/export/pdf-document.js';
import { decodeUtf16, readObjects, textByPage, type TextItem } from '../support/pdf-text.js';

// What a reader sees on A4 with 56 pt margins: anything below the bottom margin is the footer.
const PAGE_WIDTH = 595.28;
const MARGIN = 56;

const TITLE = '关于硬化村北主干道的决议';
const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const CREATED_AT = new Date('2025-03-01T08:00:00Z');

const bodyOf = (items: TextItem[]) => items.filter((item) => item.y > MARGIN);
const footerOf = (items: TextItem[]) => items.filter((item) => item.y < MARGIN);
/** Test measure, an upper bound from the brief rather than the code: CJK one em, figures at most 0.6 em. */
const widthOf = (text: string, size: number) =>
  Array.from(text).reduce((sum, char) => sum + (/[0-9]/.test(char) ? 0.6 : 1), 0) * size;
/** Every compressed stream of the file, inflated: content streams, CMaps. */
const inflatedStreams = (pdf: Buffer) =>
  [...readObjects(pdf).values()]
    .filter((object) => object.stream && object.dictionary.includes('/FlateDecode'))
    .map((object) => inflateSync(object.stream!).toString('latin1'))
    .join('\n');

const longText = (sentences: number) =>
  Array.from(
    { length: sentences },
    (_, index) => `第${index + 1}句：村民代表会议对硬化村北主干道的方案进行表决。`,
  ).join('');

describe(PdfDocument.name, () => {
  const build = () => new PdfDocument({ title: TITLE, author: '青山村村民委员会', createdAt: CREATED_AT });

  describe('the file', () => {
    const sut = build().heading(TITLE).paragraph('正文。');
    const pdf = sut.toBuffer();
    const source = pdf.toString('latin1');

    it('is a PDF 1.7 file marked as binary and ends with %%EOF', () => {
      expect(source.startsWith('%PDF-1.7\n%')).toBe(true);
      expect([...pdf.subarray(10, 14)].every((byte) => byte > 127)).toBe(true);
      expect(source.trimEnd().endsWith('%%EOF')).toBe(true);
    });

    it('has a cross-reference table whose every offset points at its object', () => {
      const startxref = Number(/startxref\n(\d+)\n/.exec(source)?.[1]);
      expect(source.slice(startxref, startxref + 5)).toBe('xref\n');
      const size = Number(/\/Size (\d+)/.exec(source)?.[1]);
      const offsets = [...source.slice(startxref).matchAll(/^(\d{10}) 00000 n \n/gm)].map(([, at]) =>
        Number(at),
      );
      expect(offsets).toHaveLength(size - 1);
      offsets.forEach((offset, index) =>
        expect(source.slice(offset)).toMatch(new RegExp(`^${index + 1} 0 obj\n`)),
      );
      expect(source).toMatch(
        /trailer\n<< \/Size \d+ \/Root \d+ 0 R \/Info \d+ 0 R \/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\] >>/,
      );
    });

    it('embeds a subset of the face it draws with, with widths and a map back to Unicode', () => {
      expect(source).toMatch(
        /\/Subtype \/Type0 \/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular-Identity-H \/Encoding \/Identity-H/,
      );
      expect(source).toMatch(/\/Subtype \/CIDFontType0 \/BaseFont \/[A-Z]{6}\+NotoSansHans-Regular /);
      expect(source).toMatch(/\/FontFile3 \d+ 0 R/);
      expect(source).toContain('/Subtype /CIDFontType0C');
      expect(source).toMatch(/\/DW 1000 \/W \[1 \[\d/);
      expect(source).toMatch(/\/ToUnicode \d+ 0 R/);
      expect(source).not.toMatch(/STSong|Courier/);
    });

    it('names title and author in the document information, as UTF-16 with a byte order mark', () => {
      const info = /\/Title <FEFF([0-9A-F]+)> \/Author <FEFF([0-9A-F]+)>/.exec(source);
      expect(info && [decodeUtf16(info[1]), decodeUtf16(info[2])]).toEqual([TITLE, '青山村村民委员会']);
      expect(source).toContain('/CreationDate (D:20250301080000Z)');
    });

    it('is the same bytes when written twice', () => {
      expect(sut.toBuffer().equals(pdf)).toBe(true);
    });
  });

  describe('text', () => {
    it('recovers the Chinese written, including characters outside the basic plane', () => {
      const sut = build().heading(TITLE).paragraph('𠈌字在扩展B区。\n第二行');

      const [page] = textByPage(sut.toBuffer());

      expect(bodyOf(page).map((item) => item.text)).toEqual([TITLE, '𠈌字在扩展B区。', '第二行']);
      expect(page[0]).toMatchObject({ bold: true, size: 18 });
    });

    it('marks a character no embedded face has with □, and keeps the character as the mark’s ActualText', () => {
      const sut = build().paragraph('𠀀字');

      const pdf = sut.toBuffer();

      expect(bodyOf(textByPage(pdf)[0]).map((item) => item.text)).toEqual(['□字']);
      expect(inflatedStreams(pdf)).toContain('/Span << /ActualText <FEFFD840DC00> >> BDC');
    });

    it('wraps long paragraphs within the margins, losing nothing', () => {
      const text = longText(12);
      const sut = build().paragraph(text);

      const lines = bodyOf(textByPage(sut.toBuffer())[0]);

      expect(lines.length).toBeGreaterThan(3);
      expect(lines.map((line) => line.text).join('')).toBe(text);
      lines.forEach((line) =>
        expect(line.x + widthOf(line.text, line.size)).toBeLessThanOrEqual(PAGE_WIDTH - MARGIN + 0.01),
      );
    });

    it('breaks English between words, and never starts a line with a closing mark', () => {
      const words = Array.from({ length: 80 }, (_, index) => `word${index}`);
      const sut = build().paragraph(words.join(' ')).paragraph('一二三四，'.repeat(60));

      const lines = bodyOf(textByPage(sut.toBuffer())[0]).map((line) => line.text);

      const english = lines.filter((line) => line.startsWith('word'));
      expect(english.length).toBeGreaterThan(1);
      expect(english.flatMap((line) => line.split(' '))).toEqual(words);
      expect(lines.filter((line) => /^[，。、）]/.test(line))).toEqual([]);
    });
  });

  describe('tables', () => {
    const columns = [
      { header: '序号', width: 1 },
      { header: '文件', width: 3 },
      { header: '哈希', width: 3 },
    ];
    const rows = Array.from({ length: 60 }, (_, index) => [
      String(index + 1),
      `会议记录第${index + 1}号.pdf`,
      HASH,
    ]);

    it('keeps a hash whole, across the lines of its cell', () => {
      const sut = build().table(columns, rows.slice(0, 1), { monospace: true });

      const items = bodyOf(textByPage(sut.toBuffer())[0]);

      const hashColumn = items.find((item) => item.text.startsWith(HASH.slice(0, 8)))!.x;
      const cellLines = items
        .filter((item) => item.x === hashColumn && item.text !== '哈希')
        .map((item) => item.text);
      expect(cellLines.length).toBeGreaterThan(1);
      expect(cellLines.join('')).toBe(HASH);
    });

    it('repeats the header row at the top of each new page', () => {
      const sut = build().table(columns, rows);

      const pages = textByPage(sut.toBuffer());

      expect(pages.length).toBeGreaterThan(1);
      for (const page of pages) {
        expect(bodyOf(page).slice(0, 3)).toEqual(
          ['序号', '文件', '哈希'].map((text): unknown => expect.objectContaining({ text, bold: true })),
        );
      }
      const numbers = pages.flatMap((page) => bodyOf(page).filter((item) => /^\d+$/.test(item.text)));
      expect(numbers.map((item) => item.text)).toEqual(rows.map(([number]) => number));
    });

    it('refuses a row with more cells than columns', () => {
      expect(() => build().table(columns, [['1', '2', '3', '4']])).toThrow(RangeError);
    });
  });

  describe('pages', () => {
    it('adds pages as needed, each with the title and 第 n 页 / 共 m 页 in the footer', () => {
      const sut = build();
      for (let section = 1; section <= 12; section++)
        sut.heading(`第${section}节`, 2).paragraph(longText(10));

      const pages = textByPage(sut.toBuffer());

      expect(pages.length).toBeGreaterThan(2);
      pages.forEach((page, index) => {
        expect(footerOf(page).map((item) => item.text)).toEqual([
          TITLE,
          `第 ${index + 1} 页 / 共 ${pages.length} 页`,
        ]);
      });
    });

    it('never leaves a heading as the last line of a page', () => {
      // Each filler length puts the heading a line lower, so one of them reaches the foot of the page.
      for (let filler = 36; filler <= 48; filler++) {
        const sut = build()
          .paragraph(Array.from({ length: filler }, (_, index) => `填充第${index + 1}行`).join('\n'))
          .heading('二、办理过程', 2)
          .keyValues([['承办人', '张三']])
          .heading('三、附件', 3)
          .table([{ header: '名称', width: 1 }], [['会议记录.pdf']]);

        const pages = textByPage(sut.toBuffer());

        for (const page of pages) expect(bodyOf(page).at(-1)?.bold).toBe(false);
      }
    });
  });
});
