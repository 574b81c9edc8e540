import { deflateSync } from 'node:zlib';
import { addArchivalParts } from './pdf-archival.js';
import { PageCanvas, type TextStyle } from './pdf-canvas.js';
import { addEmbeddedFonts } from './pdf-embedded-fonts.js';
import {
  LEFT,
  MARGIN,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  PageFlow,
  RIGHT,
  TEXT_WIDTH,
  type Cell,
  type RowLayout,
} from './pdf-layout.js';
import { num, pdfDate, PdfObjects, ref, textString } from './pdf-objects.js';
import { measure, normalize, wrap } from './pdf-text.js';
import { UsedGlyphs } from './pdf-used-glyphs.js';

export interface PdfOptions {
  title: string;
  author?: string;
  subject?: string;
  /** Defaults to now; pass it to get the same bytes for the same document. */
  createdAt?: Date;
}

export interface TableColumn {
  header: string;
  /** Relative weight: columns share the text width in proportion to it. */
  width: number;
}

/** 五号, the usual body size of Chinese documents; CJK text needs more leading than Latin. */
const BODY_SIZE = 10.5;
const BODY_LEADING = 1.6;
const TABLE_SIZE = 9;
const TABLE_LEADING = 1.4;
const CELL_PADDING_X = 4;
const CELL_PADDING_Y = 3;
const FOOTER_SIZE = 8;
const HEADING_LEADING = 1.4;
const HEADINGS = {
  1: { size: 18, before: 18, after: 10 },
  2: { size: 14, before: 14, after: 6 },
  3: { size: 12, before: 10, after: 4 },
} as const;

/** Cuts text to fit a width, marking the cut, for single-line places such as the footer. */
function fitLine(text: string, size: number, width: number): string {
  const chars = Array.from(normalize(text).replace(/\n/g, ' '));
  if (measure(chars.join(''), size) <= width) return chars.join('');
  while (chars.length > 0 && measure(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('')}…`;
}

/** Names the file's producer in the document information and its XMP copy. */
const CREATOR = 'micropower';

/**
 * A printable record on A4 pages, meant to be kept: the fonts it draws with travel inside it (subsets of
 * the faces in pdf-font-faces.ts) and it carries what PDF/A-2b asks for (pdf-archival.ts). Blocks are laid
 * out as they are added; the footers, which need the page count, are drawn when the file is written.
 */
export class PdfDocument {
  /** Shared by every page, so that each face is embedded once with the glyphs of all pages. */
  private readonly glyphs = new UsedGlyphs();
  private readonly flow = new PageFlow(this.glyphs);

  /** Read once, so that the Info dictionary and the XMP packet name the same instant. */
  private readonly createdAt: Date;

  constructor(private readonly options: PdfOptions) {
    this.createdAt = options.createdAt ?? new Date();
  }

  /** Level 1 is the document's title, centred as Chinese official documents set it. */
  heading(text: string, level: 1 | 2 | 3 = 1): this {
    const { size, before, after } = HEADINGS[level];
    this.flow.hold({
      lines: wrap(text, size, TEXT_WIDTH),
      style: { size, bold: true },
      leading: size * HEADING_LEADING,
      before,
      after,
      centred: level === 1,
    });
    return this;
  }

  paragraph(text: string, options: { size?: number; muted?: boolean } = {}): this {
    const style: TextStyle = { size: options.size ?? BODY_SIZE, muted: options.muted };
    const leading = style.size * BODY_LEADING;
    const lines = wrap(text, style.size, TEXT_WIDTH);
    // Two lines at least before a page break, so a paragraph never starts with one line at a page's foot.
    this.flow.ensureRoom(Math.min(lines.length, 2) * leading);
    for (const line of lines) {
      this.flow.ensureRoom(leading);
      this.flow.drawLine(LEFT, line, style, leading);
    }
    this.flow.gap(style.size * 0.6);
    return this;
  }

  /** Label and value pairs; labels share one column, as wide as the longest (up to a third of the line). */
  keyValues(rows: [string, string][]): this {
    const style: TextStyle = { size: BODY_SIZE };
    const labelWidth = Math.max(...rows.map(([label]) => measure(label, BODY_SIZE)), 4 * BODY_SIZE);
    const labelColumn = Math.min(labelWidth + 1.5 * BODY_SIZE, TEXT_WIDTH / 3);
    const layout: RowLayout = {
      leading: BODY_SIZE * BODY_LEADING,
      paddingY: 1.5,
      pageHeader: 0,
      onNewPage: () => undefined,
    };
    rows.forEach(([label, value], index) => {
      const cells: Cell[] = [
        { x: LEFT, lines: wrap(label, BODY_SIZE, labelColumn - BODY_SIZE), style: { ...style, muted: true } },
        { x: LEFT + labelColumn, lines: wrap(value, BODY_SIZE, TEXT_WIDTH - labelColumn), style },
      ];
      if (index === 0) this.flow.ensureRoom(this.flow.firstRowHeight(cells, layout));
      this.flow.placeRow(cells, layout);
    });
    this.flow.gap(BODY_SIZE * 0.6);
    return this;
  }

  /** Rows never split across pages unless taller than a page; the header row starts every page again. */
  table(
    columns: TableColumn[],
    rows: string[][],
    options: { size?: number; monospace?: boolean } = {},
  ): this {
    if (columns.length === 0 || columns.some((column) => !(column.width > 0))) {
      throw new RangeError('A table needs columns, each with a positive width');
    }
    const size = options.size ?? TABLE_SIZE;
    const leading = size * TABLE_LEADING;
    const cellsOf = this.tableCells(columns, size);
    const header = cellsOf(
      columns.map((column) => column.header),
      { size, bold: true },
    );
    const headerHeight = Math.max(...header.map((cell) => cell.lines.length)) * leading + 2 * CELL_PADDING_Y;
    const drawHeader = () => this.drawTableHeader(header, leading, headerHeight);
    const layout: RowLayout = {
      leading,
      paddingY: CELL_PADDING_Y,
      pageHeader: headerHeight,
      onNewPage: drawHeader,
      ruleBelow: true,
    };
    const body = rows.map((row) => {
      if (row.length > columns.length) {
        throw new RangeError(`A row has ${row.length} cells for ${columns.length} columns`);
      }
      return cellsOf(row, { size, monospace: options.monospace });
    });
    this.flow.ensureRoom(headerHeight + (body.length > 0 ? this.flow.firstRowHeight(body[0], layout) : 0));
    drawHeader();
    body.forEach((cells) => this.flow.placeRow(cells, layout));
    this.flow.page.line(LEFT, this.flow.cursor, RIGHT, this.flow.cursor, 0.8);
    this.flow.gap(size);
    return this;
  }

  rule(): this {
    this.flow.gap(6);
    this.flow.ensureRoom(0);
    this.flow.page.line(LEFT, this.flow.cursor, RIGHT, this.flow.cursor, 0.5);
    this.flow.gap(6);
    return this;
  }

  /** Vertical space, 12 pt by default; none at the top of a page. */
  spacer(points = 12): this {
    this.flow.addSpace(points);
    return this;
  }

  toBuffer(): Buffer {
    if (this.flow.hasHeld) this.flow.ensureRoom(0); // a heading at the very end has nothing to wait for
    const objects = new PdfObjects();
    const catalog = objects.reserve();
    const pageTree = objects.reserve();
    const info = objects.add(this.infoDictionary());
    // Footers first: their glyphs must be in the subsets embedded below.
    const sources = this.flow.pages.map((page, index) => `${page.source}\n${this.footer(index).source}`);
    const resources = objects.add(`<< /Font << ${addEmbeddedFonts(objects, this.glyphs)} >> >>`);
    const pageIds = sources.map((source) => {
      const contents = objects.add({
        entries: '/Filter /FlateDecode',
        data: deflateSync(Buffer.from(source, 'latin1')),
      });
      return objects.add(
        `<< /Type /Page /Parent ${ref(pageTree)} /MediaBox [0 0 ${num(PAGE_WIDTH)} ${num(PAGE_HEIGHT)}]` +
          ` /Resources ${ref(resources)} /Contents ${ref(contents)} >>`,
      );
    });
    objects.set(
      pageTree,
      `<< /Type /Pages /Kids [${pageIds.map(ref).join(' ')}] /Count ${pageIds.length} >>`,
    );
    const archival = addArchivalParts(objects, {
      ...this.options,
      creator: CREATOR,
      createdAt: this.createdAt,
    });
    objects.set(
      catalog,
      `<< /Type /Catalog /Pages ${ref(pageTree)} /Lang ${textString('zh-CN')} ${archival}` +
        ' /ViewerPreferences << /DisplayDocTitle true >> >>',
    );
    return objects.toBuffer(catalog, info);
  }

  /** Turns cell texts into cells laid out on the columns' share of the text width. */
  private tableCells(columns: TableColumn[], size: number): (texts: string[], style: TextStyle) => Cell[] {
    const totalWeight = columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => (column.width / totalWeight) * TEXT_WIDTH);
    const starts = widths.map(
      (_, index) => LEFT + widths.slice(0, index).reduce((sum, width) => sum + width, 0),
    );
    return (texts, style) =>
      widths.map((width, index) => ({
        x: starts[index] + CELL_PADDING_X,
        lines: wrap(texts[index] ?? '', size, width - 2 * CELL_PADDING_X, style.monospace),
        style,
      }));
  }

  private drawTableHeader(header: Cell[], leading: number, height: number): void {
    const { page, cursor } = this.flow;
    page.fillRect(LEFT, cursor - height, TEXT_WIDTH, height, 0.92);
    page.line(LEFT, cursor, RIGHT, cursor, 0.8);
    this.flow.drawSlice(header, 0, Infinity, leading, CELL_PADDING_Y);
    page.line(LEFT, this.flow.cursor, RIGHT, this.flow.cursor, 0.5);
  }

  private infoDictionary(): string {
    const { title, author, subject } = this.options;
    const date = pdfDate(this.createdAt);
    const entries = [`/Title ${textString(title)}`];
    if (author !== undefined) entries.push(`/Author ${textString(author)}`);
    if (subject !== undefined) entries.push(`/Subject ${textString(subject)}`);
    entries.push(`/Creator ${textString(CREATOR)}`, `/CreationDate ${date}`, `/ModDate ${date}`);
    return `<< ${entries.join(' ')} >>`;
  }

  /** Drawn at write time, when the page count is known; kept apart so writing twice gives the same file. */
  private footer(index: number): PageCanvas {
    const footer = new PageCanvas(this.glyphs);
    const style: TextStyle = { size: FOOTER_SIZE, muted: true };
    const label = `第 ${index + 1} 页 / 共 ${this.flow.pages.length} 页`;
    const labelWidth = measure(label, FOOTER_SIZE);
    const baseline = MARGIN / 2;
    footer.line(LEFT, MARGIN - 12, RIGHT, MARGIN - 12, 0.4, 0.6);
    footer.text(
      LEFT,
      baseline,
      fitLine(this.options.title, FOOTER_SIZE, TEXT_WIDTH - labelWidth - 24),
      style,
    );
    footer.text(RIGHT - labelWidth, baseline, label, style);
    return footer;
  }
}
