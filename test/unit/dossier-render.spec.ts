import { renderDossierHtml } from '../../src/records/dossier-html.js';
import { renderDossierPdf } from '../../src/records/dossier-pdf.js';
import type { Dossier } from '../../src/records/dossier.js';
import { textByPage } from '../support/pdf-text.js';

const hash = (seed: number) => seed.toString(16).padStart(2, '0').repeat(32);

/** A finished major matter as the dossier service hands it over. */
function dossier(overrides: Partial<Dossier> = {}): Dossier {
  const meeting = (body: string, secret: boolean) => ({
    body,
    stage: `${body}审议`,
    heldOn: '2026-03-02',
    place: '村委会会议室',
    agenda: '硬化村北主干道',
    ruleSet: '过半数通过',
    ballotMode: secret ? '无记名投票' : '公开表决',
    outcome: '通过',
    attendance: [
      { name: '王建国', present: true, voted: true, recused: false, entitled: true },
      { name: '李秀英', present: false, voted: false, recused: false, entitled: true },
    ],
    observers: [{ name: '赵淑芬', role: '村务监督委员会成员' }],
    ballots: secret ? null : [{ name: '王建国', choice: '赞成' }],
    tally: {
      counts: [['实到', 1] as [string, number]],
      checks: [`${body}：实到 1，应到 2，须过半数：不满足`],
    },
  });
  return {
    generatedAt: '2026-03-20T02:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    village: { id: 'v', name: '东庄村' },
    matter: {
      id: 'm',
      title: '硬化村北主干道',
      procedure: { id: 'A1', version: 1, title: '村级重大事项决策' },
      status: '已办结',
      outcome: '办结',
      createdAt: '2026-03-02T01:00:00.000Z',
      createdBy: '王建国',
      inputs: [['事项概要', '硬化 1.2 公里']],
    },
    steps: [
      {
        at: '2026-03-02T01:00:00.000Z',
        step: '提出方案',
        act: '发起事项',
        by: '王建国',
        role: '村党组织书记',
      },
    ],
    meetings: [meeting('村“两委”联席会议', false), meeting('村民代表会议', true)],
    disclosures: [
      {
        kind: '决议公开',
        title: '关于硬化村北主干道的决议',
        body: '同意硬化。',
        channels: ['村务公开栏'],
        publishedAt: '2026-03-03T01:00:00.000Z',
        periodEndsAt: '2026-03-10T16:00:00.000Z',
        supervisorOpinion: '同意公开',
        attachments: [{ name: '预算.pdf', sha256: hash(200) }],
        objections: [
          { filedAt: '2026-03-04T01:00:00.000Z', content: '金额不清', status: '不成立', answer: '见附件' },
        ],
      },
    ],
    opinions: [],
    documentRequests: [],
    trace: Array.from({ length: 15 }, (_, index) => ({
      seq: index + 1,
      at: '2026-03-02T01:00:00.000Z',
      by: '王建国',
      role: '村党组织书记',
      act: '提出方案',
      accepted: index !== 3,
      stateBefore: '提出方案',
      stateAfter: '“两委”商议',
      refusal: index === 3 ? '当前步骤不允许此操作' : null,
      payloadDigest: hash(index + 100),
      prevHash: hash(index),
      hash: hash(index + 1),
    })),
    chain: { ok: true, headSeq: 15, headHash: hash(15), checkpoint: null, problem: null },
    ...overrides,
  };
}

const pdfText = (pdf: Buffer) =>
  textByPage(pdf)
    .flat()
    .map((item) => item.text)
    .join('');

describe('the dossier as a page and as PDF', () => {
  const sut = dossier();
  const html = renderDossierHtml(sut);
  const pdf = renderDossierPdf(sut);
  const text = pdfText(pdf);

  it('shows every meeting and every tally sentence in both', () => {
    for (const meeting of sut.meetings) {
      expect(html).toContain(meeting.body);
      expect(text).toContain(meeting.body);
      for (const check of meeting.tally!.checks) {
        expect(html).toContain(check);
        expect(text).toContain(check);
      }
    }
  });

  it('prints every trace hash whole in both', () => {
    for (const row of sut.trace) {
      expect(html).toContain(row.hash);
      expect(text).toContain(row.hash);
    }
  });

  it('shows no one’s choice in a secret ballot', () => {
    const secretSection = html.slice(html.indexOf('村民代表会议（'));
    expect(secretSection.slice(0, secretSection.indexOf('</section>'))).not.toContain('赞成</td>');
    expect(html).toContain('无记名投票：只公布计票结果');
  });

  it('escapes what people typed', () => {
    const page = renderDossierHtml(
      dossier({ matter: { ...sut.matter, title: '<script>alert(1)</script>' } }),
    );
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('says 无 for empty sections and gives the same bytes for the same dossier', () => {
    expect(html).toMatch(/<h2>监督意见<\/h2><p>无<\/p>/);
    expect(renderDossierPdf(sut).equals(pdf)).toBe(true);
  });
});
