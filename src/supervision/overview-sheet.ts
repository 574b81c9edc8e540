import { COMPLAINT_SUBJECTS, type ComplaintSubject } from '../../workflows/index.js';
import type { Cell, SheetData } from '../export/xlsx-workbook.js';
import { satisfactionOf, type VillageOverview } from './overview.service.js';

const percent = (ratio: number | null): Cell => (ratio === null ? null : Math.round(ratio * 1000) / 10);

/** Share of due disclosures made on time, as a percentage with one decimal; blank when none was due. */
const onTimeRate = ({ disclosures }: VillageOverview): Cell =>
  disclosures.due === 0 ? null : Math.round((disclosures.onTime / disclosures.due) * 1000) / 10;

/** The district's comparison table (五好 scoring input), one row per village. */
export function overviewSheet(villages: VillageOverview[]): SheetData {
  return {
    name: '村级小微权力运行情况',
    columns: [
      '乡镇',
      '村',
      '办理中事项',
      '已办结事项',
      '有办理时限的步骤',
      '超时限步骤',
      '当前逾期步骤',
      '应公开',
      '按时公开',
      '逾期公开',
      '当前逾期未公开',
      '按时公开率(%)',
      '监委会异议',
      '村民异议',
      '问题未销号',
      '问题已销号',
      '问题撤销',
      '投诉',
      '投诉类别',
      '已答复',
      '平均答复天数',
      '投诉逾期未办',
      '答复满意率(%)',
      '民主测评日期',
      '村干部满意率(%)',
      '三务公开满意率(%)',
      '测评不称职(人)',
      '需关注',
    ].map((header) => ({ header })),
    rows: villages.map((row): Cell[] => [
      row.township.name,
      row.village.name,
      row.matters.active,
      row.matters.done,
      row.steps.due,
      row.steps.late,
      row.steps.overdueNow,
      row.disclosures.due,
      row.disclosures.onTime,
      row.disclosures.late,
      row.disclosures.overdueNow,
      onTimeRate(row),
      row.objections.bySupervisors,
      row.objections.byVillagers,
      row.problems.open,
      row.problems.closed,
      row.problems.withdrawn,
      row.complaints.filed,
      Object.entries(row.complaintKinds)
        .map(([subject, filed]) => `${COMPLAINT_SUBJECTS[subject as ComplaintSubject]} ${filed}`)
        .join('；'),
      row.complaints.answered,
      row.complaints.answered === 0
        ? null
        : Math.round((row.complaints.answerDaysSum / row.complaints.answered) * 10) / 10,
      row.complaints.overdueNow,
      percent(satisfactionOf(row)),
      row.appraisal?.heldOn ?? null,
      row.appraisal?.cadres.percent ?? null,
      row.appraisal?.disclosure.percent ?? null,
      row.appraisal?.incompetent ?? null,
      row.flags.join('；'),
    ]),
  };
}
