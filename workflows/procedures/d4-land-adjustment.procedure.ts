import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { implementation, publicNotice, townshipDecision } from '../steps/presets.js';
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
  machineId: 'landAdjustment',
  steps: [
    ...collectiveDecisionSteps({
      planTitle: '拟定个别调整方案',
      planDescription: '承包期内因自然灾害严重毁损等特殊情形需个别调整的，拟定方案',
      voteTitle: '村民会议三分之二以上成员或三分之二以上代表同意',
      ruleSet: LAND_VOTE,
    }),
    { key: 'townshipApproval', step: townshipDecision('报乡镇人民政府批准', '乡镇审核调整方案') },
    {
      key: 'countyApproval',
      step: townshipDecision('报县级农业农村部门批准', '县级部门批准后由乡镇登记批复'),
    },
    { key: 'implementation', step: implementation('组织调整') },
    { key: 'resultDisclosure', step: publicNotice('调整结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const landAdjustmentProcedure: ProcedureDefinition = {
  id: 'D4',
  version: 5,
  title: '承包地个别调整',
  category: 'D',
  description:
    '承包期内不得调整承包地；特殊情形需个别调整的，经三分之二以上同意并报乡镇和县级农业农村部门批准。',
  legalBasis: [{ law: '中华人民共和国农村土地承包法', version: '2018-12-29', article: '第二十八条' }],
  catalog: {
    responsible: '村集体经济组织（村民委员会）',
    responsibleRole: 'secretary',
    riskPoints: ['以调整为名收回承包地', '未经批准擅自调整'],
  },
  statutoryClass: 'contractedLandAdjustment',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ reason: text(2000), decidingBody: oneOf(DECIDING_BODY) }, [
    'reason',
    'decidingBody',
  ]),
  parameters: {
    voteRuleSets: LAND_RULE_SETS,
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
