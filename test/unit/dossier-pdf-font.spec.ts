import * as fontkit from 'fontkit';
import {
  getDocument,
  OPS,
  type PDFDocumentLoadingTask,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
import { fontFace } from '../../src/export/pdf-font-faces.js';
import { renderDossierPdf } from '../../src/records/dossier-pdf.js';
import { assemblyDossier, demoNames, RARE_NAMES } from '../factories/dossier.factory.js';

/**
 * The dossier PDF read back by pdf.js, a reader that shares nothing with our writer: what it extracts is
 * what a person can copy and search, and the fonts it loads are the ones a viewer draws with.
 */

/** pdf.js's glyph, as its operator list hands it over for each character shown. */
interface PdfJsGlyph {
  unicode: string;
  /** Where pdf.js put the glyph in the font it rebuilt from the embedded one. */
  fontChar: string;
  /** The code shown: with Identity-H, the CID, which is our subset's glyph number. */
  originalCharCode: number;
  isInFont: boolean;
}

interface ShownGlyph {
  font: string;
  glyph: PdfJsGlyph;
}

interface PdfJsFont {
  name: string;
  missingFile: boolean;
  data: Uint8Array;
}

/** The characters the rare names were chosen for: everything after the common surnames. */
const RARE_CHARACTERS = RARE_NAMES.flatMap((name) => Array.from(name).slice(1));

const isGlyph = (value: unknown): value is PdfJsGlyph =>
  typeof value === 'object' && value !== null && 'unicode' in value;

/** Every glyph a page shows, with the font it is shown in, in drawing order. */
async function shownGlyphs(page: PDFPageProxy): Promise<ShownGlyph[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const shown: ShownGlyph[] = [];
  let font = '';
  fnArray.forEach((op, index) => {
    const args = argsArray[index] as unknown[];
    if (op === OPS.setFont) font = args[0] as string;
    if (op === OPS.showText) {
      for (const glyph of (args[0] as unknown[]).filter(isGlyph)) shown.push({ font, glyph });
    }
  });
  return shown;
}

/**
 * The page's text as cells: pdf.js items that continue one another on a line (a name drawn in two faces
 * is two items) are joined, then split at spaces, so that a name is found whole or not at all.
 */
async function textCells(page: PDFPageProxy): Promise<string[]> {
  const { items } = await page.getTextContent();
  const joined: { text: string; y: number; end: number }[] = [];
  for (const item of items) {
    if (!('str' in item)) continue;
    const [x, y] = [item.transform[4], item.transform[5]];
    const last = joined.at(-1);
    if (last && Math.abs(last.y - y) < 0.01 && Math.abs(last.end - x) < 0.5) {
      last.text += item.str;
      last.end = x + item.width;
    } else {
      joined.push({ text: item.str, y, end: x + item.width });
    }
  }
  return joined.flatMap((cell) => cell.text.split(/\s+/)).filter((text) => text !== '');
}

describe(renderDossierPdf.name, () => {
  const names = [...demoNames(), ...RARE_NAMES];
  let loading: PDFDocumentLoadingTask;
  let pdfDocument: PDFDocumentProxy;
  let pages: PDFPageProxy[];
  let glyphs: ShownGlyph[];

  beforeAll(async () => {
    const pdf = renderDossierPdf(assemblyDossier(names));
    loading = getDocument({
      data: new Uint8Array(pdf),
      // Fonts are parsed into glyph programs here rather than handed to a browser; keep them to inspect.
      disableFontFace: true,
      fontExtraProperties: true,
      verbosity: 0,
    });
    pdfDocument = await loading.promise;
    pages = await Promise.all(
      Array.from({ length: pdfDocument.numPages }, (_, index) => pdfDocument.getPage(index + 1)),
    );
    glyphs = (await Promise.all(pages.map(shownGlyphs))).flat();
  });

  afterAll(async () => {
    await loading.destroy();
  });

  const fontOf = (name: string): PdfJsFont => {
    const page = pages.find((each) => each.commonObjs.has(name));
    return page?.commonObjs.get(name) as PdfJsFont;
  };

  it('prints every name of the demo village and every rare name whole, as text that can be copied', async () => {
    const cells = new Set((await Promise.all(pages.map(textCells))).flat());

    expect(names.length).toBeGreaterThan(250);
    expect(names.filter((name) => !cells.has(name))).toEqual([]);
  });

  it('embeds every font it draws with, and no other', () => {
    const used = [...new Set(glyphs.map((shown) => shown.font))].map(fontOf);

    expect(
      used.map((font) => ({ name: font.name.replace(/^[A-Z]{6}\+/, ''), embedded: !font.missingFile })),
    ).toEqual([
      { name: 'NotoSansHans-Regular', embedded: true },
      { name: 'NotoSansHant-Regular', embedded: true },
    ]);
  });

  it('draws each rare character with an outline of the embedded font', () => {
    const rebuilt = new Map<string, fontkit.Font>();
    const outlineOf = ({ font, glyph }: ShownGlyph) => {
      if (!rebuilt.has(font))
        rebuilt.set(font, fontkit.create(Buffer.from(fontOf(font).data)) as fontkit.Font);
      const drawn = rebuilt.get(font)!.glyphForCodePoint(glyph.fontChar.codePointAt(0) ?? 0);
      return { character: glyph.unicode, glyph: drawn.id > 0, strokes: drawn.path.commands.length > 0 };
    };

    const rare = glyphs.filter((shown) => RARE_CHARACTERS.includes(shown.glyph.unicode));

    expect(new Set(rare.map((shown) => shown.glyph.unicode))).toEqual(new Set(RARE_CHARACTERS));
    for (const shown of rare) {
      expect(outlineOf(shown)).toEqual({ character: shown.glyph.unicode, glyph: true, strokes: true });
    }
  });

  it('never shows .notdef (PDF/A forbids it), nor a code its font lacks', () => {
    const missing = glyphs.filter((shown) => shown.glyph.originalCharCode === 0 || !shown.glyph.isInFont);

    expect(missing.map((shown) => shown.glyph.unicode)).toEqual([]);
  });

  it('reads each font file once per process, however many documents are made', () => {
    const before = fontFace('hans');

    renderDossierPdf(assemblyDossier(RARE_NAMES));

    expect(fontFace('hans')).toBe(before);
  });
});
