import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, record, resolution, townshipDecision } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'relapseMonitoring',
  steps: [
    {
      key: 'identification',
      step: record('排查识别', '农户申报、干部排查、部门预警', {
        event: 'RECORD_IDENTIFICATION',
        title: '登记排查结果',
        roles: ['secretary', 'committee_member'],
        fields: { findings: text(5000), plan: text(5000) },
        required: ['findings'],
      }),
    },
    {
      key: 'appraisal',
      step: resolution({
        title: '民主评议',
        body: 'representatives',
        ruleSet: 'representative-meeting',
        reviseTo: 'identification',
        abandonTo: 'rejected',
      }),
    },
    {
      key: 'villageNotice',
      step: publicNotice('监测对象和帮扶措施公示', 'resolution', param('noticePeriod')),
    },
    { key: 'townshipDecision', step: townshipDecision('乡镇审核确认', '乡镇审核确认监测对象') },
  ],
});

export const relapseMonitoringProcedure: ProcedureDefinition = {
  id: 'F6',
  version: 4,
  title: '防止返贫监测对象认定',
  category: 'F',
  description: '排查识别、民主评议、公示后由乡镇确认监测对象，公开帮扶措施。',
  legalBasis: [{ law: '防止返贫动态监测和帮扶工作规定', localPractice: true }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['应纳未纳、优亲厚友', '帮扶措施不落实'],
  },
  startRoles: ['secretary', 'committee_member'],
  inputSchema: matterInputs({ household: text(50) }, ['household']),
  parameters: { noticePeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
