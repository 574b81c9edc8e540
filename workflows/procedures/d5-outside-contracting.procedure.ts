import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { contract, publicNotice, record, townshipDecision } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { collectiveDecisionSteps } from './d-collective-helpers.js';
import {
  DECIDING_BODY,
  LAND_RULE_SETS,
  LAND_VOTE,
  PUBLIC_PERIOD,
  matterInputs,
} from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'outsideContracting',
  steps: [
    ...collectiveDecisionSteps({
      planTitle: '拟定对外发包方案',
      planDescription: '发包给本集体经济组织以外的单位或个人',
      voteTitle: '村民会议三分之二以上成员或三分之二以上代表同意',
      ruleSet: LAND_VOTE,
    }),
    { key: 'townshipApproval', step: townshipDecision('报乡镇人民政府批准', '乡镇审核对外发包') },
    {
      key: 'creditCheck',
      step: record('审查承包方资信和经营能力', '对承包方的资信情况和经营能力进行审查', {
        event: 'RECORD_CREDIT_CHECK',
        title: '登记资信审查结果',
        roles: ['secretary', 'committee_member'],
        fields: { contractor: text(200), result: text(2000) },
        required: ['contractor', 'result'],
      }),
    },
    { key: 'contract', step: contract() },
    { key: 'resultDisclosure', step: publicNotice('发包结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const outsideContractingProcedure: ProcedureDefinition = {
  id: 'D5',
  version: 6,
  title: '农村土地发包给本集体以外的单位或个人',
  category: 'D',
  description: '发包给本集体以外的单位或个人，经三分之二以上同意，报乡镇批准，审查承包方资信后签订合同。',
  legalBasis: [{ law: '中华人民共和国农村土地承包法', version: '2018-12-29', article: '第五十二条' }],
  catalog: {
    responsible: '村集体经济组织（村民委员会）',
    responsibleRole: 'secretary',
    riskPoints: ['本集体成员同等条件下未享有优先权', '对承包方资信审查走过场'],
  },
  statutoryClass: 'outsideContracting',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ contractor: text(200), decidingBody: oneOf(DECIDING_BODY) }, ['decidingBody']),
  parameters: {
    voteRuleSets: LAND_RULE_SETS,
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
