import type { Font } from 'fontkit';
import {
  inlineSubroutines,
  UnsupportedCharstringError,
  type CharstringEntry,
  type CharstringSource,
} from './cff-charstrings.js';

interface CffPrivateDict {
  Subrs?: CharstringEntry[];
  StdVW?: number;
}

/** The part of fontkit's parsed CFF table used here and in the font descriptor; its typings leave it out. */
export interface CffTable {
  stream: CharstringSource;
  globalSubrIndex?: CharstringEntry[];
  topDict: { Private?: CffPrivateDict | null; FDArray?: { Private?: CffPrivateDict | null }[] };
  fdForGlyph(glyphId: number): number | null;
  getCharString(glyphId: number): Uint8Array;
}

/** fontkit's CFF subset (fontkit 2.0.4, pinned): the two steps replaced below are its own methods. */
interface FontkitCffSubset {
  glyphs: number[];
  charstrings: Uint8Array[];
  gsubrs: Uint8Array[];
  subsetCharstrings(): void;
  subsetSubrs(): Uint8Array[];
  includeGlyph(glyphId: number): number;
  encode(): Uint8Array;
}

export const cffTable = (font: Font): CffTable | undefined =>
  (font as unknown as { 'CFF '?: CffTable })['CFF '];

/** Inlined charstrings by face and glyph, kept for the process: the same names recur in every dossier. */
const inlined = new WeakMap<Font, Map<number, Uint8Array>>();

function privateDict(cff: CffTable, glyphId: number): CffPrivateDict | null | undefined {
  const fd = cff.fdForGlyph(glyphId);
  return fd == null ? cff.topDict.Private : cff.topDict.FDArray?.[fd]?.Private;
}

/**
 * A CID-keyed CFF program holding `glyphIds` as CIDs 1, 2, … (CID 0 is .notdef), as fontkit writes it, but
 * with subroutines inlined (cff-charstrings.ts). A charstring the inliner does not follow makes this fall
 * back to fontkit's own subset, which keeps every subroutine: larger, never wrong.
 */
export function cffSubset(font: Font, glyphIds: readonly number[]): Uint8Array {
  if (glyphIds.includes(0) || new Set(glyphIds).size !== glyphIds.length) {
    throw new RangeError('A subset lists each glyph once, and never .notdef (it comes first by itself)');
  }
  const cff = cffTable(font);
  const subsetOf = () => {
    const subset = font.createSubset() as unknown as FontkitCffSubset;
    for (const glyphId of glyphIds) subset.includeGlyph(glyphId);
    return subset;
  };
  if (!cff) throw new Error(`${font.postscriptName} has no CFF outlines`);
  let charstrings: Uint8Array[];
  try {
    const global = cff.globalSubrIndex ?? [];
    const known = inlined.get(font) ?? new Map<number, Uint8Array>();
    inlined.set(font, known);
    charstrings = [0, ...glyphIds].map((glyphId) => {
      let charstring = known.get(glyphId);
      if (!charstring) {
        const local = privateDict(cff, glyphId)?.Subrs ?? [];
        charstring = inlineSubroutines(cff.getCharString(glyphId), { source: cff.stream, local, global });
        known.set(glyphId, charstring);
      }
      return charstring;
    });
  } catch (error) {
    if (error instanceof UnsupportedCharstringError) return subsetOf().encode();
    throw error;
  }
  const subset = subsetOf();
  subset.subsetCharstrings = () => {
    subset.charstrings = charstrings;
    subset.gsubrs = [];
  };
  subset.subsetSubrs = () => [];
  return subset.encode();
}
