import { escapeMarkup } from '../common/escape-markup.js';
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

/** Text as HTML that shows it as typed (kept under this name for the dossier's tests and callers). */
export const escapeHtml = escapeMarkup;

/** Markup made by `html` from escaped parts: the only thing `html` interpolates as it is. */
class Markup {
  constructor(readonly source: string) {}
}
type Part = Markup | string | number | Part[];

const source = (part: Part): string => {
  if (part instanceof Markup) return part.source;
  if (Array.isArray(part)) return part.map(source).join('');
  return escapeHtml(String(part));
};

/**
 * Builds markup from a template, escaping every interpolated string, so no typed text can become markup.
 * Prettier lays out `html` templates as HTML; the whitespace it adds between elements does not show.
 */
function html(strings: TemplateStringsArray, ...parts: Part[]): Markup {
  return new Markup(strings.reduce((markup, text, index) => markup + source(parts[index - 1]) + text));
}

// Printed on A4 first: the screen view is the same page, centred.
const STYLE = new Markup(`
@page { size: A4; margin: 18mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 174mm; padding: 8mm 0; color: #111; font: 10.5pt/1.6 "Songti SC", "SimSun", "Noto Serif CJK SC", serif; }
h1 { font-size: 18pt; text-align: center; margin: 0 0 1em; }
h2 { font-size: 14pt; margin: 1.6em 0 .5em; padding-bottom: .2em; border-bottom: 1px solid #333; break-after: avoid; page-break-after: avoid; }
h3 { font-size: 12pt; margin: 1.2em 0 .4em; break-after: avoid; page-break-after: avoid; }
h4 { font-size: 10.5pt; margin: .8em 0 .3em; break-after: avoid; page-break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: .3em 0 .8em; font-size: 9pt; line-height: 1.45; }
th, td { border: 1px solid #666; padding: 2px 5px; text-align: left; vertical-align: top; }
thead th { background: #eee; white-space: nowrap; }
.timed td:first-child, .trace .act td:nth-child(-n + 4) { white-space: nowrap; }
thead { display: table-header-group; }
tr, .trace tbody { break-inside: avoid; page-break-inside: avoid; }
.facts th { width: 9em; font-weight: normal; color: #444; background: #f6f6f6; }
.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8pt; word-break: break-all; }
.hashes { display: grid; grid-template-columns: max-content 1fr; gap: 0 .8em; margin: 0; }
.hashes dt { color: #444; }
.hashes dd { margin: 0; }
.meeting, .disclosure { break-inside: avoid; page-break-inside: avoid; }
.check { margin: .2em 0; }
.note, .none { color: #444; }
footer { margin-top: 2em; padding-top: .5em; border-top: 1px solid #999; font-size: 9pt; color: #444; }
`);

const none = html`<p class="none">${NONE}</p>`;

const facts = (rows: DossierFact[]) =>
  rows.length === 0
    ? none
    : html`<table class="facts">
        <tbody>
          ${rows.map(
            (fact) =>
              html`<tr>
                <th scope="row">${fact.label}</th>
                <td>
                  ${fact.value}${
                    fact.hash === undefined ? '' : html`<br /><span class="hash">${fact.hash}</span>`
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>`;

/** `timed` tables start with a time, kept on one line; `hashColumn` holds hashes, broken anywhere. */
const table = ({ headers, rows }: DossierTable, options: { timed?: boolean; hashColumn?: number } = {}) =>
  rows.length === 0
    ? none
    : html`<table class="${options.timed ? 'timed' : 'plain'}">
        <thead>
          <tr>
            ${headers.map((header) => html`<th>${header}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr>
                ${row.map((cell, index) =>
                  index === options.hashColumn ? html`<td class="hash">${cell}</td>` : html`<td>${cell}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>`;

function meeting(view: MeetingView): Markup {
  return html`<section class="meeting">
    <h3>${view.heading}</h3>
    ${facts(view.facts)}
    <h4>出席情况</h4>
    ${table(view.attendance)}
    <h4>列席</h4>
    <p>${view.observers}</p>
    <h4>表决</h4>
    ${view.ballots ? table(view.ballots) : html`<p class="note">${SECRET_BALLOT_NOTE}</p>`}
    <h4>计票</h4>
    <p>${view.counts}</p>
    ${view.checks.map((check) => html`<p class="check">${check}</p>`)}
  </section>`;
}

function disclosure(view: DisclosureView): Markup {
  return html`<section class="disclosure">
    <h3>${view.heading}</h3>
    ${facts(view.facts)}
    <h4>公开内容</h4>
    <p>${view.body || NONE}</p>
    <h4>附件</h4>
    ${table(view.attachments, { hashColumn: 1 })}
    <h4>异议</h4>
    ${table(view.objections, { timed: true })}
  </section>`;
}

/** Two rows per entry: what happened, then its hashes whole beneath it, so the table fits the A4 width. */
function trace(entries: TraceEntry[]): Markup {
  if (entries.length === 0) return none;
  const headers = ['序号', '时间', '办理人', '身份', '操作', '结果', '状态变化'];
  return html`<table class="trace">
    <thead>
      <tr>
        ${headers.map((header) => html`<th>${header}</th>`)}
      </tr>
    </thead>
    ${entries.map(
      (entry) =>
        html`<tbody>
          <tr class="act">
            ${[entry.seq, entry.at, entry.by, entry.role, entry.act, entry.result, entry.stateChange].map(
              (cell) => html`<td>${cell}</td>`,
            )}
          </tr>
          <tr>
            <td></td>
            <td colspan="6">
              <dl class="hashes">
                <dt>载荷摘要</dt>
                <dd class="hash">${entry.payloadDigest}</dd>
                <dt>前一哈希</dt>
                <dd class="hash">${entry.prevHash}</dd>
                <dt>哈希</dt>
                <dd class="hash">${entry.hash}</dd>
              </dl>
            </td>
          </tr>
        </tbody>`,
    )}
  </table>`;
}

const listOr = (items: Markup[]) => (items.length === 0 ? none : items);

/** The dossier as a standalone page to read or print on A4: no scripts, nothing fetched from elsewhere. */
export function renderDossierHtml(dossier: Dossier): string {
  const view = dossierView(dossier);
  const sections: [SectionTitle, Part][] = [
    ['基本情况', [facts(view.basics), html`<h3>事项内容</h3>`, facts(view.inputs)]],
    ['办理步骤', table(view.steps, { timed: true })],
    ['会议', listOr(view.meetings.map(meeting))],
    ['公开', listOr(view.disclosures.map(disclosure))],
    ['监督意见', table(view.opinions, { timed: true })],
    ['调阅资料', table(view.documentRequests, { timed: true })],
    ['全程留痕', trace(view.trace)],
    ['链校验', facts(view.chain)],
  ];
  return source(
    html`<!doctype html>
      <html lang="zh-CN">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>${view.title}</title>
          <style>
            ${STYLE}
          </style>
        </head>
        <body>
          <h1>${view.title}</h1>
          ${sections.map(
            ([title, body]) =>
              html`<section>
                <h2>${sectionHeading(title)}</h2>
                ${body}
              </section> `,
          )}
          <footer>${view.footer}</footer>
        </body>
      </html> `,
  );
}
