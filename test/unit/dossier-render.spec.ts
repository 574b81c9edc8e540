import { createHash } from 'node:crypto';
import type { Dossier, DossierMeeting, DossierTraceRow } from '../../src/records/dossier.js';
import { renderDossierHtml } from '../../src/records/dossier-html.js';
import { renderDossierPdf } from '../../src/records/dossier-pdf.js';
import { textByPage, type TextItem } from '../support/pdf-text.js';

// Below the 56 pt bottom margin is the page footer, which repeats the title on every page.
const MARGIN = 56;
const SECTIONS = ['基本情况', '办理步骤', '会议', '公开', '监督意见', '调阅资料', '全程留痕', '链校验'];
const CHOICE_WORDS = new Set(['赞成', '反对', '弃权']);

/** Wrapping drops the space at a line's end, so long texts are compared without their spaces. */
const squash = (text: string) => text.replace(/\s/g, '');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** `count` names; the first ones of the given list, then 村民代表1, 2, … so each is distinct. */
const names = (count: number, known: string[] = []) =>
  Array.from({ length: count }, (_, index) => known[index] ?? `村民代表${index + 1}`);

/** A meeting whose roster, ballots and counts agree with each other. */
function meeting(
  body: string,
  stage: string,
  options: {
    heldOn: string;
    roster: string[];
    absent?: string[];
    recused?: string[];
    noVote?: string[];
    against?: string[];
    secret?: boolean;
    ruleSet: string;
    checks: string[];
  },
): DossierMeeting {
  const { roster, absent = [], recused = [], noVote = [], against = [] } = options;
  const voters = roster.filter(
    (name) => !absent.includes(name) && !recused.includes(name) && !noVote.includes(name),
  );
  const ballots = voters.map((name) => ({ name, choice: against.includes(name) ? '反对' : '赞成' }));
  return {
    body,
    stage,
    heldOn: options.heldOn,
    place: '东庄村村委会会议室',
    agenda: '关于硬化村北主干道（1.2 公里）的方案',
    ruleSet: options.ruleSet,
    ballotMode: options.secret ? '无记名投票' : '公开表决',
    outcome: '通过',
    attendance: roster.map((name) => ({
      name,
      present: !absent.includes(name),
      voted: voters.includes(name),
      recused: recused.includes(name),
      entitled: !noVote.includes(name),
    })),
    observers: [{ name: '赵淑芬', role: '村务监督委员会主任' }],
    ballots: options.secret ? null : ballots,
    tally: {
      counts: [
        ['应到', roster.length - recused.length],
        ['实到', roster.length - recused.length - absent.length],
        ['赞成', ballots.length - against.length],
        ['反对', against.length],
        ['弃权', 0],
      ],
      checks: options.checks,
    },
  };
}

type TraceStep = [
  by: string,
  role: string,
  act: string,
  before: string | null,
  after: string,
  refusal?: string,
];

/** Rows chained as the trace chains them: each hash covers the previous hash and the row's payload. */
function chained(steps: TraceStep[]): DossierTraceRow[] {
  let prevHash = '0'.repeat(64);
  return steps.map(([by, role, act, before, after, refusal], index) => {
    const payloadDigest = sha256(`${act}:${index}`);
    const hash = sha256(prevHash + payloadDigest);
    const row: DossierTraceRow = {
      seq: 101 + index,
      at: new Date(Date.UTC(2026, 2, 2 + index, 1, 30)).toISOString(),
      by,
      role,
      act,
      accepted: refusal === undefined,
      stateBefore: before,
      stateAfter: after,
      refusal: refusal ?? null,
      payloadDigest,
      prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
}

const SECRETARY = ['王建国', '村党组织书记'] as const;
const DIRECTOR = ['李秀英', '村民委员会主任'] as const;
const COMMITTEE = ['王建国', '李秀英', '陈志强', '周红梅', '孙立新'];

/** A major matter decided by 四议两公开 and finished, as the dossier service hands it over. */
function finishedMajorMatter(): Dossier {
  const trace = chained([
    [...SECRETARY, '发起事项', null, '村党组织提议'],
    [...SECRETARY, '记录会议结果', '村党组织提议', '村“两委”商议'],
    [...DIRECTOR, '记录会议结果', '村“两委”商议', '村“两委”商议', '只有会议召集人可以记录会议结果'],
    [...SECRETARY, '记录会议结果', '村“两委”商议', '党员大会审议'],
    [...SECRETARY, '记录会议结果', '党员大会审议', '村民代表会议决议'],
    [...DIRECTOR, '记录会议结果', '村民代表会议决议', '决议公开'],
    ['赵淑芬', '村务监督委员会主任', '签署监督意见', '决议公开', '决议公开'],
    [...DIRECTOR, '发布公开', '决议公开', '决议公开'],
    ['刘德明', '村民', '提出异议', '决议公开', '决议公开'],
    [...DIRECTOR, '答复异议', '决议公开', '决议公开'],
    ['张桂兰', '村民代表', '要求调阅资料', '决议公开', '决议公开'],
    [...DIRECTOR, '答复调阅', '决议公开', '决议公开'],
    [...DIRECTOR, '公示期满', '决议公开', '组织实施'],
    [...DIRECTOR, '发布结果公开', '组织实施', '结果公开'],
    [...DIRECTOR, '办结', '结果公开', '决议通过'],
  ]);
  const last = trace[trace.length - 1];
  return {
    generatedAt: '2026-03-20T02:15:00.000Z',
    timeZone: 'Asia/Shanghai',
    village: { id: '6f1c0a52-4b1e-4c1a-9d1e-0b7c3f2a9e11', name: '东庄村' },
    matter: {
      id: '1d2b7c9e-3f4a-4b5c-8d6e-7f8091a2b3c4',
      title: '关于硬化村北主干道的决议',
      procedure: { id: 'A1', version: 2, title: '村级重大事项决策' },
      status: '已办结',
      outcome: '决议通过',
      createdAt: trace[0].at,
      createdBy: '王建国',
      inputs: [
        ['事项名称', '硬化村北主干道'],
        ['事项概要', '村北主干道 1.2 公里水泥硬化，预算 36 万元，由上级补助与村集体资金共同承担'],
        ['金额（元）', '360000'],
      ],
    },
    steps: trace
      .filter((row) => row.accepted && row.stateBefore !== row.stateAfter)
      .map((row) => ({ at: row.at, step: row.stateAfter ?? '', act: row.act, by: row.by, role: row.role })),
    meetings: [
      meeting('村党组织会议', '村党组织提议', {
        heldOn: '2026-03-03',
        roster: COMMITTEE,
        ruleSet: '过半数通过',
        checks: ['实到 5，应到 5，须超过 1/2：满足', '赞成 5，实到 5，须超过 1/2：满足'],
      }),
      meeting('村“两委”联席会议', '村“两委”商议', {
        heldOn: '2026-03-05',
        roster: [...COMMITTEE, '吴海涛', '郑小燕'],
        absent: ['郑小燕'],
        recused: ['吴海涛'],
        ruleSet: '过半数通过',
        checks: ['实到 5，应到 6，须超过 1/2：满足', '赞成 5，实到 5，须超过 1/2：满足'],
      }),
      meeting('党员大会', '党员大会审议', {
        heldOn: '2026-03-06',
        roster: names(12, [
          ...COMMITTEE,
          '马永福',
          '杨春花',
          '何金山',
          '高玉兰',
          '罗志刚',
          '林晓梅',
          '郭大勇',
        ]),
        absent: ['林晓梅'],
        noVote: ['郭大勇'],
        against: ['何金山'],
        ruleSet: '到会党员过半数通过',
        checks: [
          '实到有表决权 10，应到会有表决权 11，须超过 1/2：满足',
          '赞成 9，实到有表决权 10，须超过 1/2：满足',
        ],
      }),
      meeting('村民代表会议', '村民代表会议决议', {
        heldOn: '2026-03-07',
        roster: names(15, ['张桂兰', '刘德明']),
        absent: ['村民代表14', '村民代表15'],
        against: ['刘德明'],
        secret: true,
        ruleSet: '村民代表会议 2/3 以上到会、到会过半数通过',
        checks: ['实到 13，应到 15，须达到 2/3 以上：满足', '赞成 12，实到 13，须超过 1/2：满足'],
      }),
    ],
    disclosures: [
      {
        kind: '决议公开',
        title: '关于硬化村北主干道的决议公告',
        body: '经村民代表会议决议，同意硬化村北主干道 1.2 公里，预算 36 万元。',
        channels: ['村务公开栏', '村务微信群'],
        publishedAt: trace[7].at,
        periodEndsAt: '2026-03-16T16:00:00.000Z',
        supervisorOpinion: '程序完备，同意公开',
        attachments: [
          { name: '施工预算表.pdf', sha256: sha256('施工预算表') },
          { name: '村民代表会议记录.pdf', sha256: sha256('村民代表会议记录') },
        ],
        objections: [
          {
            filedAt: trace[8].at,
            content: '预算中土方费用偏高，请说明依据',
            status: '不成立',
            answer: '土方单价按县交通局 2026 年指导价计算，明细见施工预算表',
          },
        ],
      },
      {
        kind: '结果公开',
        title: '村北主干道硬化工程结果公告',
        body: '工程已完工验收，实际支出 35.2 万元。',
        channels: ['村务公开栏'],
        publishedAt: trace[13].at,
        periodEndsAt: null,
        supervisorOpinion: null,
        attachments: [],
        objections: [],
      },
    ],
    opinions: [
      {
        at: trace[6].at,
        by: '赵淑芬',
        role: '村务监督委员会主任',
        act: '签署监督意见',
        text: '会议程序、表决结果经核对无误，同意公开',
      },
    ],
    documentRequests: [
      {
        requestedAt: trace[10].at,
        requestedBy: '张桂兰',
        request: '调阅施工预算明细及报价单',
        answeredAt: trace[11].at,
        answeredBy: '李秀英',
        answer: '已在村委会提供原件查阅',
      },
    ],
    trace,
    chain: { ok: true, headSeq: last.seq + 3, headHash: sha256('head'), checkpoint: null, problem: null },
  };
}

/** A matter just started: nothing held, published, asked or said yet. */
function newMatter(): Dossier {
  const dossier = finishedMajorMatter();
  return {
    ...dossier,
    matter: { ...dossier.matter, status: '办理中', outcome: null },
    steps: [],
    meetings: [],
    disclosures: [],
    opinions: [],
    documentRequests: [],
    trace: [],
  };
}

const bodyOf = (page: TextItem[]) => page.filter((item) => item.y > MARGIN);
/** The PDF's text as drawn, pages in order, footers left out; items of one cell or paragraph follow each other. */
const pdfItems = (pdf: Buffer) => textByPage(pdf).flatMap(bodyOf);
const pdfText = (pdf: Buffer) =>
  pdfItems(pdf)
    .map((item) => item.text)
    .join('');
/** Items from a heading to the next heading of its size or larger. */
function pdfPart(items: TextItem[], heading: string): TextItem[] {
  const start = items.findIndex((item) => item.bold && item.text === heading);
  if (start === -1) throw new Error(`no heading ${heading}`);
  const level = items[start].size;
  const end = items.findIndex((item, index) => index > start && item.bold && item.size >= level);
  return items.slice(start + 1, end === -1 ? undefined : end);
}
/** The HTML from a section's heading to the next section's. */
function htmlSection(page: string, title: string): string {
  const part = page.split('<h2>').find((each) => each.includes(`、${title}</h2>`));
  if (part === undefined) throw new Error(`no section ${title}`);
  return part;
}
const sectionHeadings = SECTIONS.map((title, index) => `${'一二三四五六七八'[index]}、${title}`);

describe('the dossier as a page and as a PDF', () => {
  const dossier = finishedMajorMatter();
  const html = renderDossierHtml(dossier);
  const pdf = renderDossierPdf(dossier);
  const items = pdfItems(pdf);
  const text = pdfText(pdf);

  it('is a standalone zh-CN page titled after the matter, without scripts or anything fetched', () => {
    expect(html).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(html).toMatch(/<meta charset="utf-8"\s*\/?>/);
    expect(html).toContain('<title>关于硬化村北主干道的决议 档案</title>');
    expect(html).toContain('@page { size: A4; margin: 18mm; }');
    expect(html).not.toMatch(/<script|<link|<img|\bsrc=|\bhref=|url\(|@import/i);
  });

  it('has the same sections in the same order in both', () => {
    const inHtml = sectionHeadings.map((heading) => html.indexOf(`<h2>${heading}</h2>`));
    expect(inHtml.every((at) => at > 0)).toBe(true);
    expect([...inHtml].sort((a, b) => a - b)).toEqual(inHtml);
    const inPdf = items.filter((item) => item.bold && item.size === 14).map((item) => item.text);
    expect(inPdf).toEqual(sectionHeadings);
  });

  it('shows the matter, its procedure and its inputs', () => {
    for (const shown of [
      '东庄村',
      '村级重大事项决策（第 2 版）',
      '已办结',
      '决议通过',
      ...dossier.matter.inputs.flat(),
    ]) {
      expect(html).toContain(shown);
      expect(squash(text)).toContain(squash(shown));
    }
  });

  it('shows times in the dossier’s time zone', () => {
    // 2026-03-02T01:30Z is half past nine in Beijing.
    for (const output of [html, text]) {
      expect(output).toContain('2026-03-02 09:30');
      expect(output).toContain('生成时间 2026-03-20 10:15');
      expect(output).not.toContain('2026-03-02T01:30');
    }
  });

  it('shows every meeting and every tally check sentence in both', () => {
    for (const { body, tally } of dossier.meetings) {
      expect(html).toContain(body);
      expect(text).toContain(body);
      for (const check of tally!.checks) {
        expect(html).toContain(check);
        expect(text).toContain(check);
      }
    }
    expect(text).toContain('计票：应到 15，实到 13，赞成 12，反对 1，弃权 0');
    expect(html).toContain('郭大勇（无表决权）');
  });

  it('prints every hash of the trace whole in both, each on one line of the PDF', () => {
    const pdfLines = new Set(items.map((item) => item.text));
    for (const row of dossier.trace) {
      for (const hash of [row.hash, row.prevHash, row.payloadDigest]) {
        expect(html).toContain(`<dd class="hash">${hash}</dd>`);
        expect(pdfLines).toContain(hash);
      }
    }
    expect(html).toContain('拒绝：只有会议召集人可以记录会议结果');
    expect(html).toContain('村党组织提议 → 村“两委”商议');
  });

  it('prints attachment hashes and the chain head whole in both', () => {
    const hashes = [...dossier.disclosures[0].attachments.map((file) => file.sha256), dossier.chain.headHash];
    for (const hash of hashes) {
      expect(html).toContain(hash);
      expect(text).toContain(hash);
    }
    expect(html).toContain('无已公布的日终哈希');
    expect(text).toContain('无已公布的日终哈希');
  });

  it('shows who chose what in an open ballot, and no one’s choice in a secret ballot', () => {
    const choicesIn = (part: TextItem[]) => part.filter((item) => CHOICE_WORDS.has(item.text));

    expect(choicesIn(pdfPart(items, '（三）党员大会'))).toHaveLength(10);
    expect(choicesIn(pdfPart(items, '（四）村民代表会议'))).toEqual([]);
    expect(text).toContain('无记名投票：只公布计票结果，不公布个人表决意见。');

    const secret = html.slice(
      html.indexOf('<h3>（四）村民代表会议</h3>'),
      html.indexOf('</section>', html.indexOf('（四）')),
    );
    expect(secret).toContain('无记名投票：只公布计票结果');
    expect(secret).toContain('<td>刘德明</td>');
    expect(secret).not.toMatch(/<td>(赞成|反对|弃权)<\/td>|<th>表决意见<\/th>/);
  });

  it('shows both disclosures with their channels, the objection and its answer', () => {
    for (const output of [html, text]) {
      expect(output).toContain('村务公开栏、村务微信群');
      expect(output).toContain('预算中土方费用偏高，请说明依据');
      expect(output).toContain('不成立');
      expect(output).toContain('村北主干道硬化工程结果公告');
      expect(output).toContain('调阅施工预算明细及报价单');
      expect(output).toContain('会议程序、表决结果经核对无误，同意公开');
    }
  });

  it('escapes what people typed', () => {
    const typed = '<script>alert("档案")</script> & <b>';
    const page = renderDossierHtml({
      ...dossier,
      matter: { ...dossier.matter, title: typed },
      opinions: [{ ...dossier.opinions[0], text: typed }],
    });

    expect(page).not.toMatch(/<script|<b>/);
    expect(page).toContain(
      '<title>&lt;script&gt;alert(&quot;档案&quot;)&lt;/script&gt; &amp; &lt;b&gt; 档案</title>',
    );
    expect(page).toContain('<td>&lt;script&gt;alert(&quot;档案&quot;)&lt;/script&gt; &amp; &lt;b&gt;</td>');
  });

  it('gives the same bytes for the same dossier, dated when the dossier was made', () => {
    expect(renderDossierPdf(finishedMajorMatter()).equals(pdf)).toBe(true);
    expect(pdf.toString('latin1')).toContain('/CreationDate (D:20260320021500Z)');

    const later = renderDossierPdf(dossier, { createdAt: new Date('2026-04-01T00:00:00Z') });
    expect(later.toString('latin1')).toContain('/CreationDate (D:20260401000000Z)');
  });

  it('says what the chain check found and where the published daily hash is', () => {
    const broken: Dossier = {
      ...dossier,
      chain: {
        ...dossier.chain,
        ok: false,
        problem: '第 106 条记录校验不通过（prev-hash-mismatch）',
        checkpoint: { day: '2026-03-16', seq: 115, hash: sha256('checkpoint') },
      },
    };

    for (const output of [renderDossierHtml(broken), pdfText(renderDossierPdf(broken))]) {
      expect(output).toContain('未通过：第 106 条记录校验不通过（prev-hash-mismatch）');
      expect(output).toContain('2026-03-16，截至第 115 条');
      expect(output).toContain(sha256('checkpoint'));
      expect(output).not.toContain('无已公布的日终哈希');
    }
  });
});

describe('a dossier with nothing yet to show', () => {
  const dossier = newMatter();
  const html = renderDossierHtml(dossier);
  const items = pdfItems(renderDossierPdf(dossier));
  const empty = ['办理步骤', '会议', '公开', '监督意见', '调阅资料', '全程留痕'];

  it('says 无 in each empty section of the page', () => {
    for (const title of empty)
      expect(htmlSection(html, title)).toMatch(/<\/h2>\s*<p class="none">无<\/p>\s*<\/section>/);
    expect(htmlSection(html, '基本情况')).toContain('办理中');
  });

  it('says 无 in each empty section of the PDF', () => {
    for (const title of empty) {
      const heading = sectionHeadings[SECTIONS.indexOf(title)];
      expect(pdfPart(items, heading).map((item) => item.text)).toEqual(['无']);
    }
  });
});
