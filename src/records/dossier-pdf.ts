import { PdfDocument } from '../export/pdf-document.js';
import type { Dossier } from './dossier.js';
import { dossierTables, localTime, yesNo } from './dossier-format.js';

const widths = (headers: string[], weights: number[]) =>
  headers.map((header, index) => ({ header, width: weights[index] ?? 1 }));

/** The dossier as a PDF in the same sections as the page; the same dossier gives the same bytes. */
export function renderDossierPdf(dossier: Dossier, options: { createdAt?: Date } = {}): Buffer {
  const tables = dossierTables(dossier);
  const at = (iso: string | null) => localTime(iso, dossier.timeZone);
  const pdf = new PdfDocument({
    title: `${dossier.matter.title} 档案`,
    subject: `${dossier.village.name} ${dossier.matter.procedure.title}`,
    createdAt: options.createdAt ?? new Date(dossier.generatedAt),
  });
  const none = () => pdf.paragraph('无', { muted: true });
  pdf.heading(`${dossier.matter.title} 档案`, 1);

  pdf.heading('基本情况', 2).keyValues(tables.basics);

  pdf.heading('办理步骤', 2);
  if (tables.steps.rows.length)
    pdf.table(widths(tables.steps.headers, [2, 2, 2, 1.2, 1.5]), tables.steps.rows);
  else none();

  pdf.heading('会议', 2);
  if (dossier.meetings.length === 0) none();
  for (const meeting of dossier.meetings) {
    pdf.heading(`${meeting.body}（${meeting.stage}）`, 3).keyValues([
      ['日期', meeting.heldOn ?? ''],
      ['地点', meeting.place ?? ''],
      ['议题', meeting.agenda ?? ''],
      ['表决规则', meeting.ruleSet],
      ['表决方式', meeting.ballotMode],
      ['结果', meeting.outcome],
    ]);
    if (meeting.attendance.length) {
      pdf.table(
        widths(['姓名', '出席', '已投票', '回避'], [2, 1, 1, 1]),
        meeting.attendance.map((person) => [
          person.name,
          yesNo(person.present),
          yesNo(person.voted),
          yesNo(person.recused),
        ]),
      );
    }
    if (meeting.observers.length) {
      pdf.paragraph(
        `列席：${meeting.observers.map((observer) => `${observer.name}（${observer.role}）`).join('、')}`,
      );
    }
    if (meeting.ballots?.length) {
      pdf.table(
        widths(['姓名', '表决意见'], [2, 1]),
        meeting.ballots.map((ballot) => [ballot.name, ballot.choice]),
      );
    } else if (!meeting.ballots) {
      pdf.paragraph('无记名投票：只公布计票结果，不公布个人表决意见。', { muted: true });
    }
    if (meeting.tally) {
      pdf.paragraph(`计票：${meeting.tally.counts.map(([label, count]) => `${label} ${count}`).join('，')}`);
      for (const check of meeting.tally.checks) pdf.paragraph(check);
    }
  }

  pdf.heading('公开', 2);
  if (dossier.disclosures.length === 0) none();
  for (const disclosure of dossier.disclosures) {
    pdf.heading(disclosure.title, 3).keyValues([
      ['类别', disclosure.kind],
      ['公开渠道', disclosure.channels.join('、')],
      ['发布时间', at(disclosure.publishedAt)],
      ['公示期至', at(disclosure.periodEndsAt)],
      ['监督委员会意见', disclosure.supervisorOpinion ?? ''],
    ]);
    pdf.paragraph(disclosure.body);
    if (disclosure.attachments.length) {
      pdf.table(
        widths(['文件', 'SHA-256'], [1, 2]),
        disclosure.attachments.map((file) => [file.name, file.sha256]),
        { monospace: true },
      );
    }
    for (const objection of disclosure.objections) {
      pdf.paragraph(
        `异议（${at(objection.filedAt)}，${objection.status}）：${objection.content}${objection.answer ? `；答复：${objection.answer}` : ''}`,
      );
    }
  }

  pdf.heading('监督意见', 2);
  if (tables.opinions.rows.length)
    pdf.table(widths(tables.opinions.headers, [2, 2, 4, 1.2, 1.5]), tables.opinions.rows);
  else none();

  pdf.heading('调阅资料', 2);
  if (tables.documentRequests.rows.length) {
    pdf.table(widths(tables.documentRequests.headers, [2, 1.2, 3, 2, 1.2, 3]), tables.documentRequests.rows);
  } else none();

  pdf.heading('全程留痕', 2);
  if (tables.trace.rows.length) {
    pdf.table(widths(tables.trace.headers, [0.7, 2, 1.2, 1.5, 2, 1.5, 3]), tables.trace.rows);
    pdf.heading('哈希', 3).table(widths(tables.hashes.headers, [0.6, 3, 3, 3]), tables.hashes.rows, {
      monospace: true,
      size: 7,
    });
  } else none();

  pdf.heading('链校验', 2).keyValues(tables.chain);
  pdf.rule().paragraph(tables.footer, { muted: true, size: 8 });
  return pdf.toBuffer();
}
