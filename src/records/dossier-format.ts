import { localTime } from '../common/format-time.js';
import type { Dossier, DossierDisclosure, DossierMeeting, DossierTraceRow } from './dossier.js';

/**
 * What a dossier prints, worked out once for both renderers: headings, facts, table rows and the sentences
 * between them. The HTML page and the PDF only lay this out, so they cannot say different things.
 */

export interface DossierTable {
  headers: string[];
  rows: string[][];
}

/** A label and its value; a hash, when there is one, goes on its own line in a fixed-width face. */
export interface DossierFact {
  label: string;
  value: string;
  hash?: string;
}

export interface MeetingView {
  heading: string;
  facts: DossierFact[];
  attendance: DossierTable;
  observers: string;
  /** Null for a secret ballot: only the counts are shown, never who chose what. */
  ballots: DossierTable | null;
  counts: string;
  checks: string[];
}

export interface DisclosureView {
  heading: string;
  facts: DossierFact[];
  body: string;
  attachments: DossierTable;
  objections: DossierTable;
}

/** One trace row in words; the three hashes stay whole, as the chain holds them. */
export interface TraceEntry {
  seq: string;
  at: string;
  by: string;
  role: string;
  act: string;
  result: string;
  stateChange: string;
  payloadDigest: string;
  prevHash: string;
  hash: string;
}

export interface DossierView {
  title: string;
  basics: DossierFact[];
  inputs: DossierFact[];
  steps: DossierTable;
  meetings: MeetingView[];
  disclosures: DisclosureView[];
  opinions: DossierTable;
  documentRequests: DossierTable;
  trace: TraceEntry[];
  chain: DossierFact[];
  footer: string;
}

/** What an empty section or list says. */
export const NONE = '无';
/** Stands for a single value not (yet) known, e.g. a meeting's place. */
const UNKNOWN = '—';
export const SECRET_BALLOT_NOTE = '无记名投票：只公布计票结果，不公布个人表决意见。';

/** The sections, in the order both renderers print them. */
export const SECTION_TITLES = [
  '基本情况',
  '办理步骤',
  '会议',
  '公开',
  '监督意见',
  '调阅资料',
  '全程留痕',
  '链校验',
] as const;
export type SectionTitle = (typeof SECTION_TITLES)[number];

const NUMERALS = '一二三四五六七八九十';
/** 一, 二, … as Chinese documents number their parts; plain digits past ten. */
const numeral = (index: number) => NUMERALS[index] ?? String(index + 1);

/** 一、基本情况: a section heading numbered by the section's place in the order. */
export const sectionHeading = (title: SectionTitle) => `${numeral(SECTION_TITLES.indexOf(title))}、${title}`;

const yesNo = (value: boolean) => (value ? '是' : '否');
const orUnknown = (text: string | null) => (text === null || text === '' ? UNKNOWN : text);

/** The dossier as it is printed, with every time shown in the dossier's time zone. */
export function dossierView(dossier: Dossier): DossierView {
  const at = (iso: string | null) => localTime(iso, dossier.timeZone);
  const { matter } = dossier;
  return {
    title: `${matter.title} 档案`,
    basics: [
      { label: '村', value: dossier.village.name },
      { label: '事项', value: matter.title },
      { label: '办理程序', value: `${matter.procedure.title}（第 ${matter.procedure.version} 版）` },
      { label: '状态', value: matter.status },
      { label: '办理结果', value: orUnknown(matter.outcome) },
      { label: '发起人', value: matter.createdBy },
      { label: '发起时间', value: at(matter.createdAt) },
    ],
    inputs: matter.inputs.map(([label, value]) => ({ label, value: orUnknown(value) })),
    steps: {
      headers: ['时间', '步骤', '操作', '办理人', '身份'],
      rows: dossier.steps.map((step) => [at(step.at), step.step, step.act, step.by, step.role]),
    },
    meetings: dossier.meetings.map((meeting, index) => meetingView(meeting, index)),
    disclosures: dossier.disclosures.map((disclosure, index) => disclosureView(disclosure, index, at)),
    opinions: {
      headers: ['时间', '办理人', '身份', '操作', '意见'],
      rows: dossier.opinions.map((opinion) => [
        at(opinion.at),
        opinion.by,
        opinion.role,
        opinion.act,
        opinion.text,
      ]),
    },
    documentRequests: {
      headers: ['提出时间', '提出人', '调阅内容', '答复时间', '答复人', '答复'],
      rows: dossier.documentRequests.map((request) => [
        at(request.requestedAt),
        request.requestedBy,
        request.request,
        at(request.answeredAt),
        request.answeredBy ?? '',
        request.answer ?? '未答复',
      ]),
    },
    trace: dossier.trace.map((row) => traceEntry(row, at)),
    chain: chainFacts(dossier.chain),
    footer: `生成时间 ${at(dossier.generatedAt)}；村务监督留痕，哈希可在公开栏核对`,
  };
}

function meetingView(meeting: DossierMeeting, index: number): MeetingView {
  return {
    heading: `（${numeral(index)}）${meeting.body}`,
    facts: [
      { label: '办理步骤', value: meeting.stage },
      { label: '会议日期', value: orUnknown(meeting.heldOn) },
      { label: '地点', value: orUnknown(meeting.place) },
      { label: '议题', value: orUnknown(meeting.agenda) },
      { label: '表决规则', value: meeting.ruleSet },
      { label: '表决方式', value: meeting.ballotMode },
      { label: '结果', value: meeting.outcome },
    ],
    attendance: {
      headers: ['姓名', '出席', '已投票', '回避'],
      rows: meeting.attendance.map((person) => [
        person.entitled ? person.name : `${person.name}（无表决权）`,
        yesNo(person.present),
        yesNo(person.voted),
        yesNo(person.recused),
      ]),
    },
    observers: meeting.observers.map((observer) => `${observer.name}（${observer.role}）`).join('、') || NONE,
    ballots: meeting.ballots
      ? { headers: ['姓名', '表决意见'], rows: meeting.ballots.map((ballot) => [ballot.name, ballot.choice]) }
      : null,
    counts: meeting.tally
      ? meeting.tally.counts.map(([label, count]) => `${label} ${count}`).join('，')
      : '尚未计票',
    checks: meeting.tally?.checks ?? [],
  };
}

function disclosureView(
  disclosure: DossierDisclosure,
  index: number,
  at: (iso: string | null) => string,
): DisclosureView {
  return {
    heading: `（${numeral(index)}）${disclosure.title}`,
    facts: [
      { label: '类别', value: disclosure.kind },
      { label: '公开渠道', value: disclosure.channels.join('、') || UNKNOWN },
      { label: '发布时间', value: at(disclosure.publishedAt) || '未发布' },
      { label: '公示期至', value: orUnknown(at(disclosure.periodEndsAt)) },
      { label: '监督委员会意见', value: disclosure.supervisorOpinion ?? NONE },
    ],
    body: disclosure.body,
    attachments: {
      headers: ['附件', 'SHA-256'],
      rows: disclosure.attachments.map((file) => [file.name, file.sha256]),
    },
    objections: {
      headers: ['异议提出时间', '异议内容', '处理情况', '答复'],
      rows: disclosure.objections.map((objection) => [
        at(objection.filedAt),
        objection.content,
        objection.status,
        objection.answer ?? '未答复',
      ]),
    },
  };
}

function traceEntry(row: DossierTraceRow, at: (iso: string | null) => string): TraceEntry {
  const moved = row.stateBefore !== row.stateAfter;
  return {
    seq: String(row.seq),
    at: at(row.at),
    by: row.by,
    role: row.role,
    act: row.act,
    result: row.accepted ? '受理' : `拒绝：${row.refusal ?? '未说明理由'}`,
    stateChange: moved
      ? `${row.stateBefore ?? UNKNOWN} → ${row.stateAfter ?? UNKNOWN}`
      : `${row.stateAfter ?? UNKNOWN}（未变）`,
    payloadDigest: row.payloadDigest,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

function chainFacts(chain: Dossier['chain']): DossierFact[] {
  const { checkpoint } = chain;
  return [
    {
      label: '校验结果',
      value: chain.ok
        ? '通过：每条记录的哈希与内容相符，前后相接'
        : `未通过：${chain.problem ?? '原因未说明'}`,
    },
    { label: '链头', value: `第 ${chain.headSeq} 条`, hash: chain.headHash },
    checkpoint
      ? {
          label: '已公布的日终哈希',
          value: `${checkpoint.day}，截至第 ${checkpoint.seq} 条`,
          hash: checkpoint.hash,
        }
      : { label: '已公布的日终哈希', value: '无已公布的日终哈希' },
  ];
}
