import { inflateSync } from 'node:zlib';

/** Reads back what our PDF writer draws: objects through the xref table, text items per page. */
interface PdfObjectData {
  dictionary: string;
  stream?: Buffer;
}

export interface TextItem {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
}

/** Objects found through the xref table, so a wrong offset fails here rather than silently. */
export function readObjects(pdf: Buffer): Map<number, PdfObjectData> {
  const source = pdf.toString('latin1');
  const startxref = Number(/startxref\n(\d+)\n%%EOF\n?$/.exec(source)?.[1]);
  const entries = [...source.slice(startxref).matchAll(/^(\d{10}) (\d{5}) n \n/gm)];
  const objects = new Map<number, PdfObjectData>();
  entries.forEach(([, offset], index) => {
    const start = Number(offset);
    const head = /^(\d+) 0 obj\n/.exec(source.slice(start, start + 20));
    if (!head || Number(head[1]) !== index + 1) throw new Error(`xref entry ${index + 1} points at ${start}`);
    const bodyStart = start + head[0].length;
    const end = source.indexOf('\nendobj', bodyStart);
    const streamAt = source.indexOf('>>\nstream\n', bodyStart);
    if (streamAt === -1 || streamAt > end) {
      objects.set(index + 1, { dictionary: source.slice(bodyStart, end) });
      return;
    }
    const dictionary = source.slice(bodyStart, streamAt + 2);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const dataStart = streamAt + '>>\nstream\n'.length;
    objects.set(index + 1, { dictionary, stream: pdf.subarray(dataStart, dataStart + length) });
  });
  return objects;
}

const refsIn = (dictionary: string, key: string): number[] => {
  const value = new RegExp(`/${key} (\\[[^\\]]*\\]|\\d+ 0 R)`).exec(dictionary)?.[1] ?? '';
  return [...value.matchAll(/(\d+) 0 R/g)].map(([, id]) => Number(id));
};

export const decodeUtf16 = (hex: string): string => Buffer.from(hex, 'hex').swap16().toString('utf16le');

/** Text items in drawing order, per page: parse, inflate, and decode `<hex> Tj` with the font in use. */
export function textByPage(pdf: Buffer): TextItem[][] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((object) => object.dictionary.includes('/Type /Catalog'))!;
  const pageTree = objects.get(refsIn(catalog.dictionary, 'Pages')[0])!;
  return refsIn(pageTree.dictionary, 'Kids').map((pageId) => {
    const page = objects.get(pageId)!;
    const content = inflateSync(objects.get(refsIn(page.dictionary, 'Contents')[0])!.stream!).toString(
      'latin1',
    );
    return content.split('\n').flatMap((op) => {
      const bold = op.includes(' 2 Tr ');
      const shows = op.matchAll(/\/(F\d) ([\d.]+) Tf 1 0 0 1 ([-\d.]+) ([-\d.]+) Tm <([0-9A-F]*)> Tj/g);
      return [...shows].map(([, font, size, x, y, hex]) => ({
        text: font === 'F1' ? decodeUtf16(hex) : Buffer.from(hex, 'hex').toString('latin1'),
        x: Number(x),
        y: Number(y),
        size: Number(size),
        bold,
      }));
    });
  });
}
