import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { param, ref } from '../fragments/refs.js';
import {
  assistApplication,
  archive,
  payment,
  publicNotice,
  resolution,
  survey,
  townshipDecision,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'temporaryAssistance',
  routingTitle: '是否紧急救助',
  routes: [
    {
      name: 'emergency',
      title: '紧急程序：先行救助，事后补办',
      when: ref('inputEquals', { input: 'emergency', value: true }),
    },
    { name: 'ordinary', title: '一般程序' },
  ],
  steps: [
    {
      key: 'acceptance',
      step: assistApplication('受理申请', '村民委员会受理或主动发现，材料不全的告知补齐'),
    },
    {
      key: 'emergencyApproval',
      step: townshipDecision('乡镇先行审批救助', '紧急情况下先行救助'),
      onRoutes: ['emergency'],
    },
    { key: 'emergencyPayment', step: payment('先行发放救助'), onRoutes: ['emergency'] },
    { key: 'survey', step: survey('入户调查（紧急程序事后补办）', 3) },
    {
      key: 'appraisal',
      step: resolution({
        title: '民主评议',
        description: '民主评议结果随材料报乡镇审批',
        body: 'representatives',
        ruleSet: 'representative-meeting',
        reviseTo: 'survey',
        abandonTo: 'rejected',
        advisory: true,
      }),
      onRoutes: ['ordinary'],
    },
    {
      key: 'townshipApproval',
      step: townshipDecision('乡镇审批', '乡镇人民政府审批'),
      onRoutes: ['ordinary'],
    },
    {
      key: 'villageNotice',
      step: publicNotice('救助结果公示', 'result', param('noticePeriod'), '公示不少于 7 天，留存照片或视频'),
    },
    { key: 'payment', step: payment('发放救助'), onRoutes: ['ordinary'] },
    { key: 'archive', step: archive() },
  ],
});

export const temporaryAssistanceProcedure: ProcedureDefinition = {
  id: 'F2',
  version: 6,
  title: '临时救助申请（协助）',
  category: 'F',
  description: '三名以上调查人员入户调查，民主评议，乡镇审批后公示发放；紧急情况先行救助、事后补办。',
  legalBasis: [
    { law: '柳林县临时救助实施办法', localPractice: true, note: '山西省示例；一般 15 个工作日内办结' },
  ],
  catalog: {
    responsible: '乡镇人民政府（村民委员会协助）',
    responsibleRole: 'committee_member',
    riskPoints: ['同一事由重复救助', '虚报灾情或困难', '救助金未足额发放到户'],
  },
  statutoryClass: 'temporaryAssistance',
  startRoles: ['villager', 'committee_member'],
  inputSchema: matterInputs(
    { household: text(50), cause: text(500), emergency: { type: 'boolean', default: false } },
    ['household', 'cause'],
  ),
  parameters: { noticePeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
