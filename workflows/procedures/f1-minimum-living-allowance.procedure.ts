import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import type { ProcedureDefinition } from '../types.js';
import { assistanceSteps } from './f-assistance-helpers.js';
import { PUBLIC_PERIOD, TIME_LIMIT, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'minimumLivingAllowance',
  steps: assistanceSteps({ investigators: 2, appraisal: true, decisionTitle: '乡镇审核确认' }),
});

export const minimumLivingAllowanceProcedure: ProcedureDefinition = {
  id: 'F1',
  version: 6,
  title: '最低生活保障申请（协助）',
  category: 'F',
  description:
    '村民委员会协助入户调查、民主评议和公示，乡镇人民政府审核确认；全程 25 个工作日（最长 40 个）。',
  legalBasis: [{ law: '最低生活保障审核确认办法', version: '民发〔2021〕57号' }],
  catalog: {
    responsible: '乡镇人民政府（村民委员会协助）',
    responsibleRole: 'committee_member',
    riskPoints: ['人情保、关系保', '村干部近亲属享受低保未备案', '公示不到位'],
  },
  statutoryClass: 'minimumLivingAllowance',
  startRoles: ['villager', 'committee_member'],
  inputSchema: matterInputs({ household: text(50), members: { type: 'integer', minimum: 1, maximum: 30 } }, [
    'household',
  ]),
  parameters: { noticePeriod: PUBLIC_PERIOD.sevenDays, decisionPeriod: TIME_LIMIT.tenWorkingDays },
  outcomes,
  events,
  machine,
};
