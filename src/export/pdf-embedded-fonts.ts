import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import type { Font } from 'fontkit';
import { cffSubset, cffTable } from './cff-subset.js';
import { FONT_NAMES } from './pdf-canvas.js';
import { fontFace, type FaceKey } from './pdf-font-faces.js';
import { ref, type PdfObjects } from './pdf-objects.js';
import { utf16Hex } from './pdf-text.js';
import type { UsedGlyph, UsedGlyphs } from './pdf-used-glyphs.js';

/** What ToUnicode's bfchar blocks may hold at most, by the CMap syntax. */
const BFCHAR_BLOCK = 100;

const cidHex = (cid: number) => cid.toString(16).toUpperCase().padStart(4, '0');

/**
 * A subset's name gets six capital letters and '+' (PDF 32000-1 9.6.4), taken from what it holds, so that
 * two different subsets of a face never share a name and the same document keeps the same bytes.
 */
function subsetName(font: Font, glyphs: readonly UsedGlyph[]): string {
  const digest = createHash('sha256')
    .update(`${font.postscriptName}:${glyphs.map((glyph) => glyph.glyphId).join(',')}`)
    .digest();
  const tag = Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
  return `${tag}+${font.postscriptName}`;
}

/** The ideographs' dominant vertical stem, from the hinting data of the CFF font dictionary that draws 国. */
function stemV(font: Font): number {
  const cff = cffTable(font);
  const fd = cff?.fdForGlyph(font.glyphForCodePoint(0x56fd).id);
  return (fd == null ? undefined : cff?.topDict.FDArray?.[fd]?.Private?.StdVW) ?? 80;
}

function descriptor(font: Font, name: string, program: number): string {
  const scale = (value: number) => Math.round((value * 1000) / font.unitsPerEm);
  const { minX, minY, maxX, maxY } = font.bbox;
  return (
    `<< /Type /FontDescriptor /FontName /${name} /Flags 4` +
    ` /FontBBox [${[minX, minY, maxX, maxY].map(scale).join(' ')}] /ItalicAngle ${font.italicAngle}` +
    ` /Ascent ${scale(font.ascent)} /Descent ${scale(font.descent)} /CapHeight ${scale(font.capHeight)}` +
    ` /StemV ${stemV(font)} /FontFile3 ${ref(program)} >>`
  );
}

/** Widths of CIDs 1, 2, … in one run, sixteen to a line. */
function widths(glyphs: readonly UsedGlyph[]): string {
  const lines: string[] = [];
  for (let start = 0; start < glyphs.length; start += 16) {
    lines.push(
      glyphs
        .slice(start, start + 16)
        .map((glyph) => glyph.width)
        .join(' '),
    );
  }
  return `[1 [${lines.join('\n')}]]`;
}

/** Maps each CID back to its text, so that the PDF's text can be copied and searched. */
function toUnicode(glyphs: readonly UsedGlyph[]): Buffer {
  const blocks: string[] = [];
  for (let start = 0; start < glyphs.length; start += BFCHAR_BLOCK) {
    const block = glyphs.slice(start, start + BFCHAR_BLOCK);
    const entries = block.map((glyph, index) => `<${cidHex(start + index + 1)}> <${utf16Hex(glyph.text)}>`);
    blocks.push(`${block.length} beginbfchar\n${entries.join('\n')}\nendbfchar`);
  }
  return Buffer.from(
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<0000> <FFFF>',
      'endcodespacerange',
      ...blocks,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
    'latin1',
  );
}

function addFace(objects: PdfObjects, face: FaceKey, glyphs: readonly UsedGlyph[]): number {
  const font = fontFace(face);
  const name = subsetName(font, glyphs);
  const program = objects.add({
    entries: '/Subtype /CIDFontType0C /Filter /FlateDecode',
    data: deflateSync(
      cffSubset(
        font,
        glyphs.map((glyph) => glyph.glyphId),
      ),
    ),
  });
  const fontDescriptor = objects.add(descriptor(font, name, program));
  const cidFont = objects.add(
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${name}` +
      ' /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>' +
      ` /FontDescriptor ${ref(fontDescriptor)} /DW 1000 /W ${widths(glyphs)} >>`,
  );
  const cmap = objects.add({ entries: '/Filter /FlateDecode', data: deflateSync(toUnicode(glyphs)) });
  return objects.add(
    `<< /Type /Font /Subtype /Type0 /BaseFont /${name}-Identity-H /Encoding /Identity-H` +
      ` /DescendantFonts [${ref(cidFont)}] /ToUnicode ${ref(cmap)} >>`,
  );
}

/**
 * Embeds a subset of each face the document drew with, as a Type 0 font over a CID-keyed CFF program
 * (PDF/A wants every font embedded), and returns the page resources' /Font entries.
 */
export function addEmbeddedFonts(objects: PdfObjects, used: UsedGlyphs): string {
  return used
    .faces()
    .map((face) => `/${FONT_NAMES[face]} ${ref(addFace(objects, face, used.glyphs(face)))}`)
    .join(' ');
}
