import type { LegalBasis } from '../types.js';

/**
 * Disclosures every village owes on a schedule (domain.md §3.1 art. 30; the district plan 二(二)、二(四)),
 * and the catalog item whose publication fulfils each. A period is labelled `YYYY-MM` or `YYYY-Qn`; the
 * obligation falls due at the end of `dueDay` of the month after the period.
 */
export interface ObligationRule {
  kind: string;
  title: string;
  frequency: 'monthly' | 'quarterly';
  dueDay: number;
  fulfilledBy: { procedureId: string; periodInput: string; when?: { input: string; equals: string } };
  legalBasis: LegalBasis[];
}

const organicLaw = { law: '中华人民共和国村民委员会组织法', version: '2018-12-29' };

export const DISCLOSURE_OBLIGATIONS: ObligationRule[] = [
  {
    kind: 'finance-monthly',
    title: '财务收支月度公开',
    frequency: 'monthly',
    dueDay: 10,
    fulfilledBy: { procedureId: 'C3', periodInput: 'period' },
    legalBasis: [
      { ...organicLaw, article: '第三十条', note: '集体财务往来较多的，财务收支情况应当每月公布一次' },
    ],
  },
  {
    kind: 'affairs-quarterly',
    title: '村务季度公开',
    frequency: 'quarterly',
    dueDay: 20,
    fulfilledBy: { procedureId: 'H7', periodInput: 'period' },
    legalBasis: [{ ...organicLaw, article: '第三十条', note: '一般事项至少每季度公布一次' }],
  },
  {
    kind: 'report-party-quarterly',
    title: '“两委”向党员大会季度报告工作',
    frequency: 'quarterly',
    dueDay: 31,
    fulfilledBy: {
      procedureId: 'H8',
      periodInput: 'period',
      when: { input: 'audience', equals: 'partyMembers' },
    },
    legalBasis: [
      {
        law: '清廉村居建设工作方案',
        version: '长上民字〔2023〕19号',
        article: '二（四）',
        localPractice: true,
      },
    ],
  },
  {
    kind: 'report-representatives-quarterly',
    title: '“两委”向村民代表会议季度报告工作',
    frequency: 'quarterly',
    dueDay: 31,
    fulfilledBy: {
      procedureId: 'H8',
      periodInput: 'period',
      when: { input: 'audience', equals: 'representatives' },
    },
    legalBasis: [
      {
        law: '清廉村居建设工作方案',
        version: '长上民字〔2023〕19号',
        article: '二（四）',
        localPractice: true,
      },
    ],
  },
];
