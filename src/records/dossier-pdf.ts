import { PdfDocument, type TableColumn } from '../export/pdf-document.js';
import type { Dossier } from './dossier.js';
import {
  dossierView,
  NONE,
  SECRET_BALLOT_NOTE,
  sectionHeading,
  type DisclosureView,
  type DossierFact,
  type DossierTable,
  type MeetingView,
  type SectionTitle,
  type TraceEntry,
} from './dossier-format.js';

/** Relative column widths, in the order of the table's headers. */
type Widths = number[];

const columns = (headers: string[], widths: Widths): TableColumn[] =>
  headers.map((header, index) => ({ header, width: widths[index] ?? 1 }));

const facts = (pdf: PdfDocument, rows: DossierFact[]) =>
  rows.length === 0
    ? pdf.paragraph(NONE)
    : pdf.keyValues(rows.map((fact) => [fact.label, fact.hash ? `${fact.value}\n${fact.hash}` : fact.value]));

const table = (
  pdf: PdfDocument,
  { headers, rows }: DossierTable,
  widths: Widths,
  { emptyLabel, ...options }: { size?: number; monospace?: boolean; emptyLabel?: string } = {},
) => {
  if (rows.length > 0) return pdf.table(columns(headers, widths), rows, options);
  return pdf.paragraph(emptyLabel ? `${emptyLabel}：${NONE}` : NONE);
};

function meeting(pdf: PdfDocument, view: MeetingView): void {
  pdf.heading(view.heading, 3);
  facts(pdf, view.facts);
  // The tables' headers say what they are; a caption above them could be left alone at a page's foot.
  table(pdf, view.attendance, [3, 1, 1, 1], { emptyLabel: '出席情况' });
  pdf.paragraph(`列席：${view.observers}`);
  if (view.ballots) table(pdf, view.ballots, [3, 2], { emptyLabel: '表决' });
  else pdf.paragraph(SECRET_BALLOT_NOTE, { muted: true });
  pdf.paragraph(`计票：${view.counts}`);
  for (const check of view.checks) pdf.paragraph(check);
}

function disclosure(pdf: PdfDocument, view: DisclosureView): void {
  pdf.heading(view.heading, 3);
  facts(pdf, view.facts);
  pdf.paragraph(view.body || `公开内容：${NONE}`);
  // At 8 pt a 64-character hash fits the wider column on one line.
  table(pdf, view.attachments, [1, 2], { monospace: true, size: 8, emptyLabel: '附件' });
  table(pdf, view.objections, [1.6, 3, 1.2, 3], { emptyLabel: '异议' });
}

/**
 * One row per entry, each cell's lines in the order its header names them, so a hash sits beside its act.
 * The widths are points of the 483-pt text width: at 7 pt in half-width figures a 64-character hash takes
 * 224 pt and a date 35 pt, which the hash and time columns hold inside their padding; the rest goes to the
 * names and acts, so that 村务监督委员会主任 fits on one line.
 */
function trace(pdf: PdfDocument, entries: TraceEntry[]): void {
  if (entries.length === 0) {
    pdf.paragraph(NONE);
    return;
  }
  const traceColumns: TableColumn[] = [
    { header: '序号', width: 22 },
    { header: '时间', width: 50 },
    { header: '办理人\n身份', width: 74 },
    { header: '操作\n结果\n状态变化', width: 101 },
    { header: '载荷摘要\n前一哈希\n哈希', width: 236 },
  ];
  const rows = entries.map((entry) => [
    entry.seq,
    entry.at,
    `${entry.by}\n${entry.role}`,
    `${entry.act}\n${entry.result}\n${entry.stateChange}`,
    `${entry.payloadDigest}\n${entry.prevHash}\n${entry.hash}`,
  ]);
  pdf.table(traceColumns, rows, { monospace: true, size: 7 });
}

/**
 * The dossier as a PDF, in the sections and order of the HTML page. The file's dates come from the dossier
 * (or `createdAt`), never the clock, so the same dossier gives the same bytes.
 */
export function renderDossierPdf(dossier: Dossier, options: { createdAt?: Date } = {}): Buffer {
  const view = dossierView(dossier);
  const pdf = new PdfDocument({
    title: view.title,
    author: dossier.village.name,
    subject: dossier.matter.procedure.title,
    createdAt: options.createdAt ?? new Date(dossier.generatedAt),
  });
  const sections: [SectionTitle, () => void][] = [
    [
      '基本情况',
      () => {
        facts(pdf, view.basics);
        pdf.heading('事项内容', 3);
        facts(pdf, view.inputs);
      },
    ],
    ['办理步骤', () => table(pdf, view.steps, [2.2, 2.4, 2.4, 1.4, 2])],
    ['会议', () => list(pdf, view.meetings, meeting)],
    ['公开', () => list(pdf, view.disclosures, disclosure)],
    ['监督意见', () => table(pdf, view.opinions, [2.2, 1.4, 2, 2, 4])],
    ['调阅资料', () => table(pdf, view.documentRequests, [2.2, 1.4, 3, 2.2, 1.4, 3])],
    ['全程留痕', () => trace(pdf, view.trace)],
    ['链校验', () => facts(pdf, view.chain)],
  ];
  pdf.heading(view.title, 1);
  for (const [title, write] of sections) {
    pdf.heading(sectionHeading(title), 2);
    write();
  }
  pdf.rule().paragraph(view.footer, { size: 8, muted: true });
  return pdf.toBuffer();
}

function list<T>(pdf: PdfDocument, items: T[], write: (pdf: PdfDocument, item: T) => void): void {
  if (items.length === 0) pdf.paragraph(NONE);
  for (const item of items) write(pdf, item);
}
