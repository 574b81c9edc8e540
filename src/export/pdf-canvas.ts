import { num } from './pdf-objects.js';
import { asciiHex, fontRuns, utf16Hex, type FontKey } from './pdf-text.js';

/** Resource names the page dictionaries give the two fonts. */
export const FONT_NAMES: Record<FontKey, string> = { cjk: 'F1', mono: 'F2' };

export interface TextStyle {
  size: number;
  bold?: boolean;
  muted?: boolean;
  monospace?: boolean;
}

/** Dark enough to photocopy, light enough to read as secondary. */
const MUTED_GRAY = 0.35;

/** Glyphs are positioned on the baseline; CJK glyphs fill the em from -0.12 to 0.88 (Descent/Ascent). */
export const ASCENT = 0.88;

/** One page's drawing operators, in PDF content-stream syntax (ASCII only: text goes as hex). */
export class PageCanvas {
  private readonly ops: string[] = [];

  text(x: number, baseline: number, text: string, style: TextStyle): void {
    if (text === '') return;
    const gray = style.muted ? `${MUTED_GRAY} g ${MUTED_GRAY} G ` : '';
    // The predefined font has no bold face everywhere: fill and stroke the outlines instead (render mode 2).
    const bold = style.bold ? `2 Tr ${num(style.size * 0.03)} w ` : '';
    let offset = 0;
    const shows = fontRuns(text, style.monospace ?? false).map((run) => {
      const hex = run.font === 'cjk' ? utf16Hex(run.text) : asciiHex(run.text);
      const position = `1 0 0 1 ${num(x + offset)} ${num(baseline)} Tm`;
      offset += run.ems * style.size;
      return `/${FONT_NAMES[run.font]} ${num(style.size)} Tf ${position} <${hex}> Tj`;
    });
    // q/Q: colour and render mode are graphics state and would otherwise leak into the next text.
    this.ops.push(`q ${gray}BT ${bold}${shows.join(' ')} ET Q`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, gray = 0): void {
    this.ops.push(`q ${num(width)} w ${num(gray)} G ${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S Q`);
  }

  fillRect(x: number, y: number, width: number, height: number, gray: number): void {
    this.ops.push(`q ${num(gray)} g ${num(x)} ${num(y)} ${num(width)} ${num(height)} re f Q`);
  }

  get source(): string {
    return this.ops.join('\n');
  }
}
