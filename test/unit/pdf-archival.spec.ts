import { inflateSync } from 'node:zlib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addArchivalParts } from '../../src/export/pdf-archival.js';
import { PdfDocument } from '../../src/export/pdf-document.js';
import { srgbIccProfile } from '../../src/export/srgb-icc-profile.js';
import { readObjects } from '../support/pdf-text.js';

const TITLE = '关于硬化村北主干道的决议 <档案> & 附件';
const CREATED_AT = new Date('2025-03-01T08:00:00Z');

const pdf = new PdfDocument({
  title: TITLE,
  author: '青山村',
  subject: '村级重大事项决策',
  createdAt: CREATED_AT,
})
  .paragraph('正文。')
  .toBuffer();
const objects = [...readObjects(pdf).values()];
const objectOf = (dictionary: string, key: string) =>
  readObjects(pdf).get(Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dictionary)?.[1]))!;
const catalog = objects.find((object) => object.dictionary.includes('/Type /Catalog'))!;

describe(addArchivalParts.name, () => {
  it('claims PDF/A-2b in XMP metadata that repeats the document information', async () => {
    const loading = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
    const { info, metadata } = await (await loading.promise).getMetadata();
    await loading.destroy();

    expect(metadata?.get('pdfaid:part')).toBe('2');
    expect(metadata?.get('pdfaid:conformance')).toBe('B');
    const infoEntries = info as Record<string, string>;
    expect([metadata?.get('dc:title'), infoEntries.Title]).toEqual([TITLE, TITLE]);
    expect(metadata?.get('dc:creator')).toEqual(['青山村']);
    expect(metadata?.get('dc:description')).toBe('村级重大事项决策');
    expect([metadata?.get('xmp:createdate'), infoEntries.CreationDate]).toEqual([
      '2025-03-01T08:00:00Z',
      'D:20250301080000Z',
    ]);
  });

  it('leaves the metadata stream uncompressed, as an XMP packet', () => {
    const metadata = objectOf(catalog.dictionary, 'Metadata');

    expect(metadata.dictionary).toContain('/Type /Metadata /Subtype /XML');
    expect(metadata.dictionary).not.toContain('/Filter');
    expect(metadata.stream!.toString('utf8')).toMatch(
      /^<\?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"\?>/,
    );
  });

  it('names an sRGB output intent with an embedded three-channel ICC profile', () => {
    const intents = /\/OutputIntents \[(\d+) 0 R\]/.exec(catalog.dictionary);
    const intent = readObjects(pdf).get(Number(intents?.[1]))!;
    const profile = objectOf(intent.dictionary, 'DestOutputProfile');

    expect(intent.dictionary).toContain('/Type /OutputIntent /S /GTS_PDFA1');
    expect(profile.dictionary).toContain('/N 3');
    expect(inflateSync(profile.stream!).equals(srgbIccProfile())).toBe(true);
  });

  it('is neither encrypted nor without a document ID', () => {
    const trailer = pdf.toString('latin1').slice(pdf.lastIndexOf('trailer'));

    expect(trailer).not.toContain('/Encrypt');
    expect(trailer).toMatch(/\/ID \[<[0-9A-F]{32}> <[0-9A-F]{32}>\]/);
  });
});

describe(srgbIccProfile.name, () => {
  const profile = srgbIccProfile();
  const tags = new Map(
    Array.from({ length: profile.readUInt32BE(128) }, (_, index) => {
      const at = 132 + 12 * index;
      const signature = profile.toString('latin1', at, at + 4);
      return [
        signature,
        profile.subarray(
          profile.readUInt32BE(at + 4),
          profile.readUInt32BE(at + 4) + profile.readUInt32BE(at + 8),
        ),
      ];
    }),
  );
  const xyz = (tag: string) => [8, 12, 16].map((at) => tags.get(tag)!.readInt32BE(at) / 65536);

  it('has a version 2 display-profile header for RGB data that states its own length', () => {
    expect(profile.readUInt32BE(0)).toBe(profile.length);
    expect(profile.readUInt8(8)).toBe(2);
    expect(profile.toString('latin1', 12, 24)).toBe('mntrRGB XYZ ');
    expect(profile.toString('latin1', 36, 40)).toBe('acsp');
  });

  it('has the tags a matrix/TRC RGB profile must have, each inside the file', () => {
    expect([...tags.keys()].sort()).toEqual(
      ['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt'].sort(),
    );
    for (const data of tags.values()) expect(data.length).toBeGreaterThanOrEqual(12);
  });

  it('has primaries that add up to the D50 white of the connection space', () => {
    const sum = [0, 1, 2].map((axis) => xyz('rXYZ')[axis] + xyz('gXYZ')[axis] + xyz('bXYZ')[axis]);

    [0.9642, 1, 0.8249].forEach((white, axis) => expect(sum[axis]).toBeCloseTo(white, 3));
  });

  it('has the sRGB tone curve: from 0 to 1, rising, and 18% grey at about 46%', () => {
    const curve = tags.get('rTRC')!;
    const points = Array.from(
      { length: curve.readUInt32BE(8) },
      (_, index) => curve.readUInt16BE(12 + 2 * index) / 65535,
    );
    const at = (input: number) => points[Math.round(input * (points.length - 1))];

    expect([points[0], points.at(-1)]).toEqual([0, 1]);
    expect(points.every((value, index) => index === 0 || value >= points[index - 1])).toBe(true);
    expect(at(0.4614)).toBeCloseTo(0.18, 2);
  });
});
