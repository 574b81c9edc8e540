import { glyphFor, type GlyphChoice } from './pdf-glyphs.js';
import type { FaceKey } from './pdf-font-faces.js';

/**
 * Measuring, wrapping and encoding text for the embedded faces (pdf-font-faces.ts).
 *
 * Widths come from the glyphs that will be drawn, the same numbers written to the font's `/W` array:
 * viewers position glyphs by those widths, so a line measured here is exactly as wide on paper.
 */

/** Full-width punctuation that a Chinese line must not start with (避头点). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…%·');
/** Opening punctuation that a Chinese line must not end with (避尾点). */
const NO_LINE_END = new Set('（《「『【〔〈“‘');

/** A stretch of a line drawn with one face. */
export interface TextRun {
  face: FaceKey;
  glyphs: GlyphChoice[];
  /** Width in em, to place the next run. */
  ems: number;
  /** The character a stand-in glyph is drawn for (a run of its own, so it can carry it as ActualText). */
  standsFor?: string;
}

export function measure(text: string, size: number, monospace = false): number {
  let ems = 0;
  for (const char of text) ems += glyphFor(char, monospace).ems;
  return ems * size;
}

/**
 * Text as the fonts can draw it: tabs become spaces; control characters go, and so do the invisible
 * format characters (zero-width spaces and joiners, variation selectors, soft hyphens, byte order marks),
 * which no face draws and which would otherwise print as the missing-character mark.
 */
export function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '') // eslint-disable-line no-control-regex
    .replace(/[\u00ad\u200b-\u200f\u2060-\u2064\ufeff]|\p{Variation_Selector}/gu, '');
}

/** UTF-16BE hex for a text string: JavaScript strings already hold surrogate pairs for non-BMP text. */
export function utf16Hex(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index++) {
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

/** Splits text into runs of one face each; a character no face has gets a run of its own. */
export function fontRuns(text: string, monospace: boolean): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const glyph = glyphFor(char, monospace);
    const last = runs.at(-1);
    if (last && last.face === glyph.face && !last.standsFor && !glyph.standsFor) {
      last.glyphs.push(glyph);
      last.ems += glyph.ems;
    } else {
      runs.push({ face: glyph.face, glyphs: [glyph], ems: glyph.ems, standsFor: glyph.standsFor });
    }
  }
  return runs;
}

interface Token {
  text: string;
  width: number;
  space: boolean;
}

/** Break opportunities: between ASCII words, and around every other character (Chinese has no spaces). */
function tokenize(line: string, size: number, monospace: boolean): Token[] {
  const parts = line.match(/ +|[\x21-\x7e\u00a0]+|[^]/gu) ?? [];
  return parts.map((text) => ({ text, width: measure(text, size, monospace), space: text.startsWith(' ') }));
}

/** Tokens wider than the line (a hash, a URL) are broken between any two characters. */
function splitOversized(tokens: Token[], maxWidth: number, size: number, monospace: boolean): Token[] {
  return tokens.flatMap((token) =>
    token.width > maxWidth && !token.space
      ? Array.from(token.text, (text) => ({ text, width: measure(text, size, monospace), space: false }))
      : [token],
  );
}

const lineText = (tokens: Token[]) =>
  tokens
    .map((token) => token.text)
    .join('')
    .trimEnd();

/** Moves a character to the next line so that neither line breaks a punctuation rule. */
function keepPunctuation(line: Token[], next: Token): Token[] {
  const last = line.at(-1);
  if (line.length < 2 || !last || last.space) return [];
  if (NO_LINE_START.has(next.text) || NO_LINE_END.has(last.text)) return line.splice(-1);
  return [];
}

function wrapLine(line: string, size: number, maxWidth: number, monospace: boolean): string[] {
  const tokens = splitOversized(tokenize(line, size, monospace), maxWidth, size, monospace);
  const lines: string[] = [];
  let current: Token[] = [];
  let width = 0;
  for (const token of tokens) {
    // Spaces may overhang the margin: they are trimmed from the end of a line anyway.
    if (width + token.width <= maxWidth + 1e-6 || current.length === 0 || token.space) {
      current.push(token);
      width += token.width;
      continue;
    }
    const carried = keepPunctuation(current, token);
    lines.push(lineText(current));
    current = [...carried, token];
    width = current.reduce((sum, each) => sum + each.width, 0);
  }
  lines.push(lineText(current));
  return lines;
}

/** Lines of at most `maxWidth` points; each '\n' starts a new line, and an empty one stays as a blank line. */
export function wrap(text: string, size: number, maxWidth: number, monospace = false): string[] {
  return normalize(text)
    .split('\n')
    .flatMap((line) => wrapLine(line, size, maxWidth, monospace));
}
