import type { Dossier, DossierDisclosure, DossierMeeting } from './dossier.js';
import { dossierTables, localTime, yesNo } from './dossier-format.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]);

const STYLE = `
@page { size: A4; margin: 18mm; }
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; font-size: 11pt; line-height: 1.6; color: #111; max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { text-align: center; font-size: 18pt; } h2 { font-size: 14pt; border-bottom: 1px solid #333; margin-top: 1.6em; } h3 { font-size: 12pt; }
table { border-collapse: collapse; width: 100%; margin: .4em 0 1em; } th, td { border: 1px solid #555; padding: 3px 6px; text-align: left; vertical-align: top; }
th { background: #eee; } .hash { font-family: "DejaVu Sans Mono", monospace; font-size: 8pt; word-break: break-all; }
.meeting, .disclosure { page-break-inside: avoid; break-inside: avoid; } .muted { color: #444; } footer { margin-top: 2em; font-size: 9pt; color: #444; }
`;

const table = (headers: string[], rows: string[][], hashColumns: number[] = []) =>
  rows.length === 0
    ? '<p>无</p>'
    : `<table><thead><tr>${headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('')}</tr></thead><tbody>${rows
        .map(
          (row) =>
            `<tr>${row
              .map(
                (cell, index) =>
                  `<td${hashColumns.includes(index) ? ' class="hash"' : ''}>${escapeHtml(cell)}</td>`,
              )
              .join('')}</tr>`,
        )
        .join('')}</tbody></table>`;

const pairs = (rows: [string, string][]) =>
  `<table>${rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>`;

function meetingHtml(meeting: DossierMeeting): string {
  return `<section class="meeting"><h3>${escapeHtml(meeting.body)}（${escapeHtml(meeting.stage)}）</h3>${pairs(
    [
      ['日期', meeting.heldOn ?? ''],
      ['地点', meeting.place ?? ''],
      ['议题', meeting.agenda ?? ''],
      ['表决规则', meeting.ruleSet],
      ['表决方式', meeting.ballotMode],
      ['结果', meeting.outcome],
    ],
  )}<h4>出席情况</h4>${table(
    ['姓名', '出席', '已投票', '回避'],
    meeting.attendance.map((person) => [
      person.name,
      yesNo(person.present),
      yesNo(person.voted),
      yesNo(person.recused),
    ]),
  )}<h4>列席</h4>${table(
    ['姓名', '身份'],
    meeting.observers.map((observer) => [observer.name, observer.role]),
  )}${
    meeting.ballots
      ? `<h4>表决</h4>${table(
          ['姓名', '表决意见'],
          meeting.ballots.map((ballot) => [ballot.name, ballot.choice]),
        )}`
      : '<p class="muted">无记名投票：只公布计票结果，不公布个人表决意见。</p>'
  }<h4>计票</h4>${
    meeting.tally
      ? `${table(
          meeting.tally.counts.map(([label]) => label),
          [meeting.tally.counts.map(([, count]) => String(count))],
        )}<ul>${meeting.tally.checks.map((check) => `<li>${escapeHtml(check)}</li>`).join('')}</ul>`
      : '<p>无</p>'
  }</section>`;
}

function disclosureHtml(disclosure: DossierDisclosure, timeZone: string): string {
  const at = (iso: string | null) => localTime(iso, timeZone);
  return `<section class="disclosure"><h3>${escapeHtml(disclosure.title)}</h3>${pairs([
    ['类别', disclosure.kind],
    ['公开渠道', disclosure.channels.join('、')],
    ['发布时间', at(disclosure.publishedAt)],
    ['公示期至', at(disclosure.periodEndsAt)],
    ['监督委员会意见', disclosure.supervisorOpinion ?? ''],
  ])}<p>${escapeHtml(disclosure.body)}</p><h4>附件</h4>${table(
    ['文件', 'SHA-256'],
    disclosure.attachments.map((file) => [file.name, file.sha256]),
    [1],
  )}<h4>异议</h4>${table(
    ['提出时间', '内容', '处理', '答复'],
    disclosure.objections.map((objection) => [
      at(objection.filedAt),
      objection.content,
      objection.status,
      objection.answer ?? '',
    ]),
  )}</section>`;
}

/** The dossier as a standalone page to read or print (A4): no scripts, no outside resources. */
export function renderDossierHtml(dossier: Dossier): string {
  const tables = dossierTables(dossier);
  const sections = [
    ['基本情况', pairs(tables.basics)],
    ['办理步骤', table(tables.steps.headers, tables.steps.rows)],
    ['会议', dossier.meetings.length ? dossier.meetings.map(meetingHtml).join('') : '<p>无</p>'],
    [
      '公开',
      dossier.disclosures.length
        ? dossier.disclosures.map((disclosure) => disclosureHtml(disclosure, dossier.timeZone)).join('')
        : '<p>无</p>',
    ],
    ['监督意见', table(tables.opinions.headers, tables.opinions.rows)],
    ['调阅资料', table(tables.documentRequests.headers, tables.documentRequests.rows)],
    [
      '全程留痕',
      `${table(tables.trace.headers, tables.trace.rows)}<h3>哈希</h3>${table(tables.hashes.headers, tables.hashes.rows, [1, 2, 3])}`,
    ],
    ['链校验', pairs(tables.chain)],
  ];
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(dossier.matter.title)} 档案</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(dossier.matter.title)} 档案</h1>
${sections.map(([heading, body]) => `<h2>${heading}</h2>${body}`).join('\n')}
<footer>${escapeHtml(tables.footer)}</footer></body></html>
`;
}
