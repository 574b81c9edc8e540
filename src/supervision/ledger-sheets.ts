import type { Cell, SheetData } from '../export/xlsx-workbook.js';
import type { Ledger } from './ledger.service.js';

export const LEDGER_SHEETS = ['records', 'matters', 'problems'] as const;
export type LedgerSheet = (typeof LEDGER_SHEETS)[number];

const yesNo = (value: boolean) => (value ? '是' : '否');

/** The ledger as the three tables a supervision committee keeps: acts, matters, problems. */
export function ledgerSheets(ledger: Ledger): Record<LedgerSheet, SheetData> {
  return {
    records: {
      name: '监督记录',
      columns: [
        { header: '时间' },
        { header: '事项' },
        { header: '清单事项' },
        { header: '所处步骤' },
        { header: '监督行为' },
        { header: '意见或内容', width: 50 },
        { header: '办理人' },
        { header: '身份' },
        { header: '结果' },
        { header: '留痕序号' },
      ],
      rows: ledger.records.map((record): Cell[] => [
        record.at,
        record.matter,
        record.procedure,
        record.step,
        record.act,
        record.text,
        record.by,
        record.role,
        record.result,
        record.seq,
      ]),
    },
    matters: {
      name: '监督事项',
      columns: [
        { header: '事项' },
        { header: '清单事项' },
        { header: '发起时间' },
        { header: '状态' },
        { header: '当前步骤或结果' },
        { header: '本季度监督记录数' },
        { header: '本季度异议数' },
      ],
      rows: ledger.matters.map((matter): Cell[] => [
        matter.title,
        matter.procedure,
        matter.createdAt,
        matter.status,
        matter.step,
        matter.records,
        matter.objections,
      ]),
    },
    problems: {
      name: '问题台账',
      columns: [
        { header: '发现问题', width: 40 },
        { header: '类别' },
        { header: '严重程度' },
        { header: '责任人' },
        { header: '整改期限' },
        { header: '是否逾期' },
        { header: '发现时间' },
        { header: '整改状态' },
        { header: '整改措施', width: 40 },
        { header: '核实与复查意见', width: 40 },
        { header: '销号时间' },
      ],
      rows: ledger.problems.map((problem): Cell[] => [
        problem.finding,
        problem.category,
        problem.severity,
        problem.responsible,
        problem.deadline,
        yesNo(problem.overdue),
        problem.foundAt,
        problem.status,
        problem.measures,
        problem.verification,
        problem.closedAt,
      ]),
    },
  };
}
