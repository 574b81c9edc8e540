import type { TallyCount } from '../../workflows/index.js';
import { COUNT_LABELS } from '../meetings/tally.js';

/** Words for the codes a dossier shows; each map falls back to the code itself. Fields' words: `common/field-words`. */
export const BALLOT_MODES: Record<string, string> = { open: '公开表决', secret: '无记名投票' };
export const MEETING_OUTCOMES: Record<string, string> = {
  passed: '通过',
  lost: '未通过',
  noQuorum: '未达到法定人数',
  counted: '测评有效，已计算满意率',
};
export const CHOICES: Record<string, string> = { yes: '赞成', no: '反对', abstain: '弃权' };
export const DISCLOSURE_KINDS: Record<string, string> = { resolution: '决议公开', result: '结果公开' };
export const DISCLOSURE_STATUSES: Record<string, string> = {
  awaiting_opinion: '待监督委员会审核',
  published: '公示中',
  ended: '公示期满',
  withdrawn: '已撤回',
};
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
