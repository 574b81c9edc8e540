/**
 * Measuring, wrapping and encoding text for the predefined CJK font (STSong-Light, UniGB-UTF16-H).
 *
 * Widths here must match the `/W` array written with the font (ASCII half width, everything else full
 * width): viewers position glyphs by those widths, so a line measured here is exactly as wide on paper.
 */

/** Em width of a character in the CJK font; `/W [1 95 500]` and `/DW 1000` say the same. */
const CJK_HALF_WIDTH = 0.5;
/** Courier, used for ASCII runs of monospace text, is 600 units wide for every glyph. */
const COURIER_WIDTH = 0.6;

/** Full-width punctuation that a Chinese line must not start with (避头点). */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕〉”’…%·');
/** Opening punctuation that a Chinese line must not end with (避尾点). */
const NO_LINE_END = new Set('（《「『【〔〈“‘');

export type FontKey = 'cjk' | 'mono';

/** A stretch of a line drawn with one font. */
export interface TextRun {
  font: FontKey;
  text: string;
  /** Width in em, to place the next run. */
  ems: number;
}

const isAsciiPrintable = (codePoint: number) => codePoint >= 0x20 && codePoint <= 0x7e;

/** UniGB-UTF16-H maps U+00A0 to CID 1 (the space), so it is half width too. */
const isHalfWidth = (codePoint: number) => isAsciiPrintable(codePoint) || codePoint === 0xa0;

export function charEms(char: string, monospace = false): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (monospace && isAsciiPrintable(codePoint)) return COURIER_WIDTH;
  return isHalfWidth(codePoint) ? CJK_HALF_WIDTH : 1;
}

export function measure(text: string, size: number, monospace = false): number {
  let ems = 0;
  for (const char of text) ems += charEms(char, monospace);
  return ems * size;
}

/**
 * Text as the font can draw it: tabs become spaces and other control characters go, because the CMap
 * maps them to the space glyph while the layout would not have counted them.
 */
export function normalize(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ''); // eslint-disable-line no-control-regex
}

/** UTF-16BE hex for a `<…> Tj` string: JavaScript strings already hold surrogate pairs for non-BMP text. */
export function utf16Hex(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length; index++) {
    hex += text.charCodeAt(index).toString(16).toUpperCase().padStart(4, '0');
  }
  return hex;
}

/** Single-byte hex for Courier (WinAnsiEncoding); only ASCII reaches it. */
export const asciiHex = (text: string): string => Buffer.from(text, 'latin1').toString('hex').toUpperCase();

/** Splits monospace text into Courier runs (ASCII) and CJK-font runs (the rest, which Courier lacks). */
export function fontRuns(text: string, monospace: boolean): TextRun[] {
  const runs: TextRun[] = [];
  for (const char of text) {
    const font: FontKey = monospace && isAsciiPrintable(char.codePointAt(0) ?? 0) ? 'mono' : 'cjk';
    const last = runs.at(-1);
    const ems = charEms(char, monospace);
    if (last?.font === font) {
      last.text += char;
      last.ems += ems;
    } else {
      runs.push({ font, text: char, ems });
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
