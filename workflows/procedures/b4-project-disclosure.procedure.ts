import { compose } from '../compose/compose.js';
import { object, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, record } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD } from './shared-parameters.js';

/** 一码一工程: each stage of a project is published before the next may start. */
const stage = (key: string, title: string) => ({
  key,
  step: publicNotice(title, key, param('stagePublicPeriod')),
});

const { machine, events, outcomes } = compose({
  machineId: 'projectDisclosure',
  steps: [
    {
      key: 'registration',
      step: record('项目登记赋码', '登记项目基本信息，生成项目公示码', {
        event: 'REGISTER_PROJECT',
        title: '登记项目信息',
        roles: ['secretary', 'committee_member'],
        fields: { projectCode: text(50), decisionMatterId: { type: 'string', format: 'uuid' } },
        required: ['projectCode'],
      }),
    },
    stage('approvalStage', '立项信息公示'),
    stage('constructionStage', '施工信息公示'),
    stage('acceptanceStage', '验收和决算信息公示'),
  ],
});

export const projectDisclosureProcedure: ProcedureDefinition = {
  id: 'B4',
  version: 1,
  title: '项目全过程公开（一码一工程）',
  category: 'B',
  description: '村级项目各阶段信息按顺序录入并公开，前一阶段公开后方可进入下一阶段。',
  legalBasis: [{ law: '村（居）小微权力智慧监督平台“一码一工程”', localPractice: true }],
  exemptions: [
    { requirement: 'vote', reason: '信息公开事项，项目决策按 B1 村级工程项目办理' },
    { requirement: 'tender', reason: '信息公开事项，招标按 B1 村级工程项目办理' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['阶段信息补录、倒签', '公开信息与实际不符'],
  },
  startRoles: ['secretary', 'committee_member'],
  inputSchema: object({ title: text(100, 2), summary: text(5000) }, ['title']),
  parameters: { stagePublicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
