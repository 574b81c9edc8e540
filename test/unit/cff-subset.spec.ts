import * as fontkit from 'fontkit';
import {
  inlineSubroutines,
  UnsupportedCharstringError,
  type Subroutines,
} from '../../src/export/cff-charstrings.js';
import { cffSubset } from '../../src/export/cff-subset.js';
import { fontFace } from '../../src/export/pdf-font-faces.js';
import { demoNames, RARE_NAMES } from '../factories/dossier.factory.js';

/** Type 2 operand bytes for small integers (-107..107). */
const small = (value: number) => value + 139;

/** Subroutines laid out one after another, as a font file holds them. */
function subroutines(local: number[][], global: number[][] = []): Subroutines {
  const bytes = Uint8Array.from([...local, ...global].flat());
  let offset = 0;
  const entries = [...local, ...global].map((subr) => {
    const entry = { offset, length: subr.length };
    offset += subr.length;
    return entry;
  });
  const source = {
    pos: 0,
    readBuffer: (length: number) => bytes.subarray(source.pos, source.pos + length),
  };
  return { source, local: entries.slice(0, local.length), global: entries.slice(local.length) };
}

/** The smallest OpenType file fontkit reads a CFF table from: the sfnt header and one table record. */
function openTypeAround(cff: Uint8Array): fontkit.Font {
  const head = Buffer.alloc(12 + 16);
  head.write('OTTO', 0, 'latin1');
  head.writeUInt16BE(1, 4);
  head.write('CFF ', 12, 'latin1');
  head.writeUInt32BE(head.length, 20);
  head.writeUInt32BE(cff.length, 24);
  return fontkit.create(Buffer.concat([head, cff])) as fontkit.Font;
}

describe(inlineSubroutines.name, () => {
  it('replaces local and global calls by the bodies they call, and copies hint masks whole', () => {
    // Local subr 0 moves; global subr 0 draws a line. Both are called with the bias of a small index (107).
    const subrs = subroutines([[small(5), small(6), 21, 11]], [[small(7), 6, 11]]);
    const glyph = Uint8Array.from([
      ...[small(10), small(20), 1], // hstem: one stem
      ...[19, 0x80], // hintmask: one mask byte for one stem
      ...[small(-107), 10], // callsubr 0
      ...[small(-107), 29], // callgsubr 0
      14,
    ]);

    const inlined = inlineSubroutines(glyph, subrs);

    expect([...inlined]).toEqual([
      small(10),
      small(20),
      1,
      19,
      0x80,
      small(5),
      small(6),
      21,
      small(7),
      6,
      14,
    ]);
  });

  it('refuses arithmetic operators, whose effect on the stack it does not follow', () => {
    const glyph = Uint8Array.from([small(1), small(2), 12, 10, 14]); // 12 10: add

    expect(() => inlineSubroutines(glyph, subroutines([]))).toThrow(UnsupportedCharstringError);
  });
});

describe(cffSubset.name, () => {
  const font = fontFace('hans');
  const characters = [...new Set([...demoNames(), ...RARE_NAMES].join('') + '，。（）“”：0123456789abcdef')];
  const glyphIds = [
    ...new Set(characters.map((char) => font.glyphForCodePoint(char.codePointAt(0)!).id)),
  ].filter((id) => id > 0);

  it('holds the glyphs as CIDs 1, 2, … with the outlines of the full font', () => {
    const subset = openTypeAround(cffSubset(font, glyphIds));

    glyphIds.forEach((glyphId, index) => {
      expect(subset.getGlyph(index + 1).path.commands).toEqual(font.getGlyph(glyphId).path.commands);
    });
  });

  it('carries no subroutines, so one glyph costs about its own outline', () => {
    const one = cffSubset(font, [font.glyphForCodePoint('国'.codePointAt(0)!).id]);

    expect(one.length).toBeLessThan(2000);
  });

  it('refuses .notdef and repeated glyphs, which would shift every CID after them', () => {
    expect(() => cffSubset(font, [0])).toThrow(RangeError);
    expect(() => cffSubset(font, [glyphIds[0], glyphIds[0]])).toThrow(RangeError);
  });
});
