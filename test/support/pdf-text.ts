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

/** A font's two-byte codes to their text, read from its ToUnicode CMap (our writer uses bfchar only). */
function toUnicodeOf(objects: Map<number, PdfObjectData>, fontId: number): Map<string, string> {
  const font = objects.get(fontId)!;
  const cmapId = refsIn(font.dictionary, 'ToUnicode')[0];
  const map = new Map<string, string>();
  if (cmapId === undefined) return map;
  const cmap = inflateSync(objects.get(cmapId)!.stream!).toString('latin1');
  for (const [, code, text] of cmap.matchAll(/^<([0-9A-F]{4})> <([0-9A-F]+)>$/gm)) {
    map.set(code, decodeUtf16(text));
  }
  return map;
}

/** Each font resource of a page by name (`F1`…), as a decoder from shown hex to text. */
function fontDecoders(
  objects: Map<number, PdfObjectData>,
  page: PdfObjectData,
): Map<string, (hex: string) => string> {
  const resources = objects.get(refsIn(page.dictionary, 'Resources')[0])!.dictionary;
  const fonts = /\/Font << ([^>]*) >>/.exec(resources)?.[1] ?? '';
  const decoders = new Map<string, (hex: string) => string>();
  for (const [, name, id] of fonts.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const toUnicode = toUnicodeOf(objects, Number(id));
    decoders.set(name, (hex) =>
      (hex.match(/.{4}/g) ?? []).map((code) => toUnicode.get(code) ?? '\ufffd').join(''),
    );
  }
  return decoders;
}

/** Text items in drawing order, per page: parse, inflate, and decode each text object's `<hex> Tj`s. */
export function textByPage(pdf: Buffer): TextItem[][] {
  const objects = readObjects(pdf);
  const catalog = [...objects.values()].find((object) => object.dictionary.includes('/Type /Catalog'))!;
  const pageTree = objects.get(refsIn(catalog.dictionary, 'Pages')[0])!;
  return refsIn(pageTree.dictionary, 'Kids').map((pageId) => {
    const page = objects.get(pageId)!;
    const decoders = fontDecoders(objects, page);
    const content = inflateSync(objects.get(refsIn(page.dictionary, 'Contents')[0])!.stream!).toString(
      'latin1',
    );
    return content.split('\n').flatMap((op) => {
      const bold = op.includes(' 2 Tr ');
      const shows = [...op.matchAll(/\/(F\d) ([\d.]+) Tf 1 0 0 1 ([-\d.]+) ([-\d.]+) Tm <([0-9A-F]*)> Tj/g)];
      if (shows.length === 0) return [];
      // One text object is one line of one cell, though it changes face (a rare character, a hash).
      const [, , size, x, y] = shows[0];
      const text = shows.map(([, font, , , , hex]) => decoders.get(font)!(hex)).join('');
      return [{ text, x: Number(x), y: Number(y), size: Number(size), bold }];
    });
  });
}
