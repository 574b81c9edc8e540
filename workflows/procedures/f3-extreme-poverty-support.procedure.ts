import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import type { ProcedureDefinition } from '../types.js';
import { assistanceSteps } from './f-assistance-helpers.js';
import { PUBLIC_PERIOD, TIME_LIMIT, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'extremePovertySupport',
  steps: assistanceSteps({ investigators: 2, appraisal: false, decisionTitle: '乡镇审核确认' }),
});

export const extremePovertySupportProcedure: ProcedureDefinition = {
  id: 'F3',
  version: 3,
  title: '特困人员认定申请（协助）',
  category: 'F',
  description: '村民委员会协助调查和公示，乡镇人民政府审核确认。',
  legalBasis: [{ law: '特困人员认定办法', version: '2021', note: '公示期按 7 天设定，待核' }],
  catalog: {
    responsible: '乡镇人民政府（村民委员会协助）',
    responsibleRole: 'committee_member',
    riskPoints: ['不符合条件人员纳入供养', '应保未保'],
  },
  statutoryClass: 'extremePovertySupport',
  startRoles: ['villager', 'committee_member'],
  inputSchema: matterInputs({ person: text(50) }, ['person']),
  parameters: { noticePeriod: PUBLIC_PERIOD.sevenDays, decisionPeriod: TIME_LIMIT.tenWorkingDays },
  outcomes,
  events,
  machine,
};
