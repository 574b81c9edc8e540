import type { FaceKey } from './pdf-font-faces.js';
import { num } from './pdf-objects.js';
import { fontRuns, utf16Hex, type TextRun } from './pdf-text.js';
import type { UsedGlyphs } from './pdf-used-glyphs.js';

/** Resource names the page dictionaries give the faces, fixed so that a page can be drawn before it is written. */
export const FONT_NAMES: Record<FaceKey, string> = { hans: 'F1', hant: 'F2' };

export interface TextStyle {
  size: number;
  bold?: boolean;
  muted?: boolean;
  monospace?: boolean;
}

/** Dark enough to photocopy, light enough to read as secondary. */
const MUTED_GRAY = 0.35;

/** Glyphs are positioned on the baseline; Noto's CJK glyphs fill the em from -0.12 to 0.88 (Descent/Ascent). */
export const ASCENT = 0.88;

/** One page's drawing operators, in PDF content-stream syntax (ASCII only: text goes as hex). */
export class PageCanvas {
  private readonly ops: string[] = [];

  constructor(private readonly glyphs: UsedGlyphs) {}

  text(x: number, baseline: number, text: string, style: TextStyle): void {
    if (text === '') return;
    const gray = style.muted ? `${MUTED_GRAY} g ${MUTED_GRAY} G ` : '';
    // Only the regular face is embedded: bold fills and strokes its outlines instead (render mode 2).
    const bold = style.bold ? `2 Tr ${num(style.size * 0.03)} w ` : '';
    let offset = 0;
    const shows = fontRuns(text, style.monospace ?? false).map((run) => {
      const position = `1 0 0 1 ${num(x + offset)} ${num(baseline)} Tm`;
      offset += run.ems * style.size;
      return this.show(run, `/${FONT_NAMES[run.face]} ${num(style.size)} Tf ${position}`);
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

  /** Glyph numbers as the subset numbers them (Identity-H: two bytes each). */
  private show(run: TextRun, setup: string): string {
    const hex = run.glyphs.map((glyph) =>
      this.glyphs.cidOf(glyph).toString(16).toUpperCase().padStart(4, '0'),
    );
    const shown = `${setup} <${hex.join('')}> Tj`;
    // The stand-in mark reads as the character it stands for when the text is copied or searched.
    if (run.standsFor === undefined) return shown;
    return `/Span << /ActualText <FEFF${utf16Hex(run.standsFor)}> >> BDC ${shown} EMC`;
  }
}
