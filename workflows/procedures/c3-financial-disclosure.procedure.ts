import { compose } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { publicNotice, supervisorReview } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PERIOD_LABEL, PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'financialDisclosure',
  steps: [
    {
      key: 'financialReview',
      step: supervisorReview('民主理财审核', '村务监督委员会（民主理财小组）逐笔审核收支凭证'),
    },
    { key: 'disclosure', step: publicNotice('财务收支公开', 'result', param('publicPeriod')) },
  ],
});

export const financialDisclosureProcedure: ProcedureDefinition = {
  id: 'C3',
  version: 1,
  title: '财务公开和民主理财',
  category: 'C',
  description: '财务收支经民主理财审核后按月（至少按季）公开。',
  legalBasis: [
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十条、第三十二条' },
    { law: '关于健全和完善村务公开和民主管理制度的意见', version: '中办发〔2004〕17号' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['公开内容不全、不细，只公开总数', '未经民主理财审核即公开', '逾期不公开'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs({ period: PERIOD_LABEL }, ['period']),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
