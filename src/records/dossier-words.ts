import type { TallyCount } from '../../workflows/index.js';
import { COUNT_LABELS } from '../meetings/tally.js';

/** Words for the codes a dossier shows; each map falls back to the code itself. */
export const INPUT_LABELS: Record<string, string> = {
  title: '事项名称',
  summary: '事项概要',
  topicSource: '议题来源',
  decidingBody: '决策主体',
  concern: '涉及事项',
  matterType: '事项类型',
  matterClass: '法定事项类别',
  guaranteeBeneficiary: '担保对象',
  missing: '需补齐的材料',
  document: '文件',
  perCapitaAmount: '人均金额（元）',
  amount: '金额（元）',
  voucherNo: '凭证号',
  purpose: '用途',
  year: '年度',
  period: '期间',
  auditKind: '审计类型',
  subject: '对象',
  asset: '资产',
  reservePrice: '底价（元）',
  kind: '类别',
  parcel: '地块',
  reason: '理由',
  contractor: '承包方',
  total: '总额（元）',
  project: '项目',
  people: '人员',
  household: '户',
  area: '面积',
  site: '地点',
  members: '成员',
  cause: '原因',
  emergency: '紧急情况',
  person: '当事人',
  households: '户数',
  documentRef: '文号',
  certificateType: '证明类型',
  applicant: '申请人',
  appliedOn: '申请日期',
  reviewDate: '评议日期',
  series: '类目',
  member: '成员',
  proposers: '提议人',
  basis: '依据',
  audience: '范围',
  finding: '发现问题',
  category: '问题类别',
  severity: '严重程度',
  responsiblePersonId: '责任人',
  deadline: '整改期限',
  sourceMatterId: '来源事项',
  grantsNonMemberRights: '涉及非成员权益',
};

export const BALLOT_MODES: Record<string, string> = { open: '公开表决', secret: '无记名投票' };
export const MEETING_OUTCOMES: Record<string, string> = {
  passed: '通过',
  lost: '未通过',
  noQuorum: '未达到法定人数',
};
export const CHOICES: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };
export const DISCLOSURE_KINDS: Record<string, string> = { resolution: '决议公开', result: '结果公开' };
export const OBJECTION_STATUSES: Record<string, string> = {
  open: '待答复',
  dismissed: '不成立',
  upheld: '成立',
  republished: '已更正并重新公示',
  superseded: '已随重新公示处理',
};
export const COUNTS: Record<string, string> = {
  ...COUNT_LABELS,
  no: '反对',
  abstain: '弃权',
} satisfies Record<TallyCount | 'no' | 'abstain', string>;

export const wordFor = (words: Record<string, string>, code: string | null | undefined): string =>
  code ? (words[code] ?? code) : '';

/** An input as a reader sees it: lists joined, objects in brief, nothing as [object Object]. */
export function inputText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(inputText).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}
