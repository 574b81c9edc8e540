import { compose } from '../compose/compose.js';
import { isoDate } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'democraticReview',
  steps: [
    {
      key: 'review',
      step: resolution({
        title: '村民（代表）会议民主评议',
        description: '村务监督委员会主持，对村民委员会成员和由集体补贴的人员逐人评议',
        body: 'representatives',
        ruleSet: 'representative-meeting',
        reviseTo: 'review',
        abandonTo: 'dropped',
      }),
    },
    {
      key: 'resultDisclosure',
      step: publicNotice('评议结果公布', 'result', param('publicPeriod'), '连续两次评议不称职的，其职务终止'),
    },
  ],
});

export const democraticReviewProcedure: ProcedureDefinition = {
  id: 'H3',
  version: 3,
  title: '民主评议村干部',
  category: 'H',
  description: '每年至少一次，由村务监督委员会主持，村民会议或村民代表会议评议；连续两次不称职的职务终止。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十三条' }],
  catalog: {
    responsible: '村务监督委员会',
    responsibleRole: 'supervisor_chair',
    riskPoints: ['评议走过场、结果不公布', '不称职结果不处理'],
  },
  startRoles: ['supervisor_chair'],
  inputSchema: matterInputs({ reviewDate: isoDate() }, []),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
