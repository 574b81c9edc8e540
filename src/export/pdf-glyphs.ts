import { FACE_KEYS, fontFace, type FaceKey } from './pdf-font-faces.js';

/** A character as it is drawn: the face and glyph that draw it, and how far it advances. */
export interface GlyphChoice {
  face: FaceKey;
  glyphId: number;
  /** Advance in em, exactly as the embedded font's widths say, so measured lines are the lines printed. */
  ems: number;
  /** What the glyph reads as when text is copied or searched. */
  text: string;
  /** Set when no face has the character: the glyph is the stand-in, and this is the character it stands for. */
  standsFor?: string;
}

/**
 * □ is how Chinese printing marks a character the type case lacks (缺字). PDF/A forbids drawing .notdef, and
 * a blank would hide that anything is missing; the character itself still travels as the span's ActualText.
 */
const STAND_IN = '\u25a1';

const isAsciiPrintable = (codePoint: number) => codePoint >= 0x20 && codePoint <= 0x7e;

const chosen = new Map<string, GlyphChoice>();

function choose(face: FaceKey, glyphId: number, text: string): GlyphChoice {
  const font = fontFace(face);
  return { face, glyphId, ems: font.getGlyph(glyphId).advanceWidth / font.unitsPerEm, text };
}

/**
 * Monospace ASCII (hashes, times in the trace) takes the face's half-width forms (its `hwid` feature, the
 * 半角 letters of Chinese typesetting): every one of them is half an em wide, so columns of hex line up.
 */
function halfWidth(char: string): GlyphChoice {
  const glyph = fontFace('hans').layout(char, ['hwid']).glyphs[0];
  return choose('hans', glyph.id, char);
}

function proportional(char: string): GlyphChoice {
  const codePoint = char.codePointAt(0) ?? 0;
  const face = FACE_KEYS.find((key) => fontFace(key).hasGlyphForCodePoint(codePoint));
  if (face) return choose(face, fontFace(face).glyphForCodePoint(codePoint).id, char);
  const standIn = fontFace('hans').glyphForCodePoint(STAND_IN.codePointAt(0) ?? 0).id;
  return { ...choose('hans', standIn, STAND_IN), standsFor: char };
}

/** The glyph for one character (one code point); looked up once per process, as the faces are. */
export function glyphFor(char: string, monospace = false): GlyphChoice {
  const mono = monospace && isAsciiPrintable(char.codePointAt(0) ?? 0);
  const key = mono ? `m${char}` : char;
  let glyph = chosen.get(key);
  if (!glyph) {
    glyph = mono ? halfWidth(char) : proportional(char);
    chosen.set(key, glyph);
  }
  return glyph;
}
