import { ASCENT, PageCanvas, type TextStyle } from './pdf-canvas.js';
import { measure } from './pdf-text.js';
import type { UsedGlyphs } from './pdf-used-glyphs.js';

// A4 portrait, in points.
export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 56;
export const LEFT = MARGIN;
export const RIGHT = PAGE_WIDTH - MARGIN;
export const TEXT_WIDTH = RIGHT - LEFT;
const TOP = PAGE_HEIGHT - MARGIN;
const BOTTOM = MARGIN;
const EPSILON = 1e-6;

/** A heading waiting for the block after it. */
export interface HeldLines {
  lines: string[];
  style: TextStyle;
  leading: number;
  before: number;
  after: number;
  centred: boolean;
}

/** One column of a row: its wrapped lines, drawn from `x`. */
export interface Cell {
  x: number;
  lines: string[];
  style: TextStyle;
}

export interface RowLayout {
  leading: number;
  paddingY: number;
  /** Height a new page spends before this row (a repeated table header), to know whether the row fits there. */
  pageHeader: number;
  onNewPage: () => void;
  ruleBelow?: boolean;
}

/** Places text on the line box whose top is `top`, centring the glyphs' em box in the leading. */
const baselineOf = (top: number, size: number, leading: number) => top - (leading - size) / 2 - ASCENT * size;

const linesOf = (cells: Cell[]) => Math.max(...cells.map((cell) => cell.lines.length));

/**
 * The flow of blocks down A4 pages: where the next line goes, when a page is full, and which lines must not
 * be separated by a page break.
 */
export class PageFlow {
  readonly pages: PageCanvas[];
  /** Top of the free space on the last page. */
  cursor = TOP;
  /** Space owed before the next block; dropped at the top of a page, so pages start flush with the margin. */
  private pendingGap = 0;
  /** Headings wait until the block after them is placed, so that a page break takes them along. */
  private held: HeldLines[] = [];

  /** Every page draws with the document's glyphs, so that all pages share one subset per face. */
  constructor(private readonly glyphs: UsedGlyphs) {
    this.pages = [new PageCanvas(glyphs)];
  }

  get page(): PageCanvas {
    return this.pages[this.pages.length - 1];
  }

  get hasHeld(): boolean {
    return this.held.length > 0;
  }

  hold(heading: HeldLines): void {
    this.held.push(heading);
  }

  /** Space between blocks: adjacent gaps collapse into the larger, as margins do in CSS. */
  gap(points: number): void {
    this.pendingGap = Math.max(this.pendingGap, points);
  }

  /** Explicit space adds up, and follows a held heading rather than going before it. */
  addSpace(points: number): void {
    const lastHeld = this.held.at(-1);
    if (lastHeld) lastHeld.after += points;
    else this.pendingGap += points;
  }

  /** Makes room for `height` below the held headings (moving them to a new page if need be), then places them. */
  ensureRoom(height: number): void {
    if (this.cursor - this.heldHeight() - height < BOTTOM - EPSILON && !this.atTop()) this.newPage();
    const held = this.held;
    this.held = [];
    for (const heading of held) this.drawHeld(heading);
    this.applyGap();
  }

  drawLine(x: number, text: string, style: TextStyle, leading: number): void {
    this.page.text(x, baselineOf(this.cursor, style.size, leading), text, style);
    this.cursor -= leading;
  }

  /** Height the first row needs on this page: all of it if it could fit on one page, else two lines. */
  firstRowHeight(cells: Cell[], layout: RowLayout): number {
    const lines = linesOf(cells);
    return Math.min(lines, lines <= this.capacity(layout) ? lines : 2) * layout.leading + 2 * layout.paddingY;
  }

  /** A row stays on one page when it can; only a row taller than a page is split between its lines. */
  placeRow(cells: Cell[], layout: RowLayout): void {
    const total = linesOf(cells);
    const fitsOnePage = total <= this.capacity(layout);
    let from = 0;
    let fresh = false;
    while (from < total) {
      const room = Math.floor((this.cursor - BOTTOM - 2 * layout.paddingY + EPSILON) / layout.leading);
      const wait = from === 0 && fitsOnePage && room < total;
      // On a fresh page a line is drawn even if it overflows (an absurd font size), rather than loop forever.
      const take = fresh
        ? Math.max(1, Math.min(room, total - from))
        : wait
          ? 0
          : Math.min(room, total - from);
      fresh = false;
      if (take > 0) {
        this.drawSlice(cells, from, from + take, layout.leading, layout.paddingY);
        if (layout.ruleBelow) this.page.line(LEFT, this.cursor, RIGHT, this.cursor, 0.25, 0.55);
        from += take;
      }
      if (from < total) {
        this.newPage();
        layout.onNewPage();
        fresh = true;
      }
    }
  }

  /** Draws lines `from`..`to` of every cell side by side, with padding above and below. */
  drawSlice(cells: Cell[], from: number, to: number, leading: number, paddingY: number): void {
    const top = this.cursor - paddingY;
    const slices = cells.map((cell) => cell.lines.slice(from, to));
    slices.forEach((lines, column) => {
      const { x, style } = cells[column];
      lines.forEach((line, index) => {
        this.page.text(x, baselineOf(top - index * leading, style.size, leading), line, style);
      });
    });
    this.cursor = top - Math.max(...slices.map((lines) => lines.length)) * leading - paddingY;
  }

  private capacity(layout: RowLayout): number {
    return Math.floor((TOP - BOTTOM - layout.pageHeader - 2 * layout.paddingY) / layout.leading);
  }

  private atTop(): boolean {
    return this.cursor >= TOP - EPSILON;
  }

  private newPage(): void {
    this.pages.push(new PageCanvas(this.glyphs));
    this.cursor = TOP;
    this.pendingGap = 0;
  }

  /** The held headings with the gaps around them, collapsed as drawHeld will collapse them. */
  private heldHeight(): number {
    let gap = this.pendingGap;
    let height = 0;
    for (const { lines, leading, before, after } of this.held) {
      height += Math.max(gap, before) + lines.length * leading;
      gap = after;
    }
    return height + gap;
  }

  private applyGap(): void {
    if (!this.atTop()) this.cursor -= this.pendingGap;
    this.pendingGap = 0;
  }

  private drawHeld({ lines, style, leading, before, after, centred }: HeldLines): void {
    this.gap(before);
    this.applyGap();
    for (const line of lines) {
      const x = centred ? LEFT + (TEXT_WIDTH - measure(line, style.size)) / 2 : LEFT;
      this.drawLine(x, line, style, leading);
    }
    this.gap(after);
  }
}
