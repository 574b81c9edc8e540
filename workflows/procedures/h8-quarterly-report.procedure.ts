import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PERIOD_LABEL, PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'quarterlyReport',
  steps: [
    {
      key: 'reportMeeting',
      step: resolution({
        title: '报告工作并接受评议',
        description: '“两委”向党员大会或村民代表会议报告本季度工作，与会人员评议',
        body: { fromInput: 'audience' },
        ruleSet: { fromInputs: ['audience'], table: param('ruleSets') },
        reviseTo: 'reportMeeting',
        abandonTo: 'rejected',
      }),
    },
    { key: 'resultDisclosure', step: publicNotice('报告和评议情况公开', 'result', param('publicPeriod')) },
  ],
});

export const quarterlyReportProcedure: ProcedureDefinition = {
  id: 'H8',
  version: 4,
  title: '“两委”季度工作报告',
  category: 'H',
  description: '村“两委”每季度向党员大会和村民代表会议报告工作，报告和评议情况公开。',
  legalBasis: [
    {
      law: '清廉村居建设工作方案',
      version: '长上民字〔2023〕19号',
      article: '二（四）',
      localPractice: true,
    },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十三条、第二十六条' },
  ],
  catalog: {
    responsible: '村党组织、村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['以书面材料代替会议报告', '报告内容回避群众关心的问题'],
  },
  startRoles: ['secretary'],
  inputSchema: matterInputs({ period: PERIOD_LABEL, audience: oneOf(['partyMembers', 'representatives']) }, [
    'period',
    'audience',
  ]),
  parameters: {
    ruleSets: { partyMembers: 'party-member-meeting', representatives: 'representative-meeting' },
    publicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
