import { localTime } from '../common/format-time.js';
import type { Dossier } from './dossier.js';

export { localTime };

export const yesNo = (value: boolean) => (value ? '是' : '否');

/** The rows of each table both renderers print, so the page and the PDF cannot disagree. */
export function dossierTables(dossier: Dossier) {
  const at = (iso: string | null) => localTime(iso, dossier.timeZone);
  const { matter, chain } = dossier;
  return {
    basics: [
      ['村', dossier.village.name],
      ['事项', matter.title],
      ['清单事项', `${matter.procedure.id} ${matter.procedure.title}（第 ${matter.procedure.version} 版）`],
      ['状态', matter.outcome ? `${matter.status}：${matter.outcome}` : matter.status],
      ['发起', `${matter.createdBy} ${at(matter.createdAt)}`],
      ...matter.inputs,
    ] as [string, string][],
    steps: {
      headers: ['时间', '步骤', '操作', '办理人', '身份'],
      rows: dossier.steps.map((step) => [at(step.at), step.step, step.act, step.by, step.role]),
    },
    opinions: {
      headers: ['时间', '操作', '意见', '办理人', '身份'],
      rows: dossier.opinions.map((opinion) => [
        at(opinion.at),
        opinion.act,
        opinion.text,
        opinion.by,
        opinion.role,
      ]),
    },
    documentRequests: {
      headers: ['要求时间', '要求人', '调阅内容', '答复时间', '答复人', '答复'],
      rows: dossier.documentRequests.map((request) => [
        at(request.requestedAt),
        request.requestedBy,
        request.request,
        at(request.answeredAt),
        request.answeredBy ?? '',
        request.answer ?? '未答复',
      ]),
    },
    trace: {
      headers: ['序号', '时间', '办理人', '身份', '操作', '结果', '状态变化'],
      rows: dossier.trace.map((row) => [
        String(row.seq),
        at(row.at),
        row.by,
        row.role,
        row.act,
        row.accepted ? '受理' : `拒绝：${row.refusal ?? ''}`,
        row.stateBefore === row.stateAfter
          ? (row.stateAfter ?? '')
          : `${row.stateBefore ?? '—'} → ${row.stateAfter ?? '—'}`,
      ]),
    },
    hashes: {
      headers: ['序号', '载荷摘要', '前一哈希', '哈希'],
      rows: dossier.trace.map((row) => [String(row.seq), row.payloadDigest, row.prevHash, row.hash]),
    },
    chain: [
      ['校验结果', chain.ok ? '通过：全链哈希连续、一致' : `未通过：${chain.problem ?? ''}`],
      ['链头', `第 ${chain.headSeq} 条 ${chain.headHash}`],
      [
        '已公布的日终哈希',
        chain.checkpoint
          ? `${chain.checkpoint.day} 第 ${chain.checkpoint.seq} 条 ${chain.checkpoint.hash}`
          : '无已公布的日终哈希（次日公布后可在公开栏核对）',
      ],
    ] as [string, string][],
    footer: `生成时间 ${at(dossier.generatedAt)}；村务监督留痕，哈希可在公开栏核对`,
  };
}
