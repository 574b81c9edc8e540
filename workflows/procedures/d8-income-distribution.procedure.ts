import { compose } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { deliberation, payment, proposal, publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, amount, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'incomeDistribution',
  steps: [
    { key: 'proposal', step: proposal('拟定收益分配方案', '先提取公积公益金，再按量化份额分配') },
    { key: 'deliberation', step: deliberation() },
    {
      key: 'reportNotice',
      step: publicNotice(
        '分配方案提前公布',
        'draft',
        param('reportPublicPeriod'),
        '会议召开十日前置备供成员查阅',
      ),
    },
    {
      key: 'resolutionMeeting',
      step: resolution({ title: '成员大会表决', body: 'collectiveMembers', ruleSet: param('voteRuleSet') }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('分配方案公示', 'resolution', param('resolutionPublicPeriod')),
    },
    { key: 'distribution', step: payment('按方案分配') },
    { key: 'resultDisclosure', step: publicNotice('分配结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const incomeDistributionProcedure: ProcedureDefinition = {
  id: 'D8',
  version: 6,
  title: '集体经营收益分配',
  category: 'D',
  description:
    '收益分配方案由理事会拟定，会议十日前公布，成员大会三分之二以上同意，先提公积公益金再按份额分配。',
  legalBasis: [
    {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第二十六条、第二十七条、第四十二条、第四十五条、第四十六条',
    },
  ],
  catalog: {
    responsible: '村集体经济组织理事会',
    responsibleRole: 'secretary',
    riskPoints: ['未提取公积公益金即分配', '分配方案未提前公布', '少数人决定分配'],
  },
  statutoryClass: 'incomeDistribution',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ year: { type: 'integer', minimum: 2000, maximum: 2100 }, total: amount() }, [
    'year',
  ]),
  parameters: {
    voteRuleSet: 'collective-assembly',
    reportPublicPeriod: { days: 10, unit: 'calendar' },
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
