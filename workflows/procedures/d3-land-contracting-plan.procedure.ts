import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { deliberation, implementation, proposal, publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import {
  DECIDING_BODY,
  LAND_RULE_SETS,
  LAND_VOTE,
  PUBLIC_PERIOD,
  matterInputs,
} from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'landContractingPlan',
  steps: [
    {
      key: 'proposal',
      step: proposal('成立承包工作小组并拟订方案', '村民会议选举产生承包工作小组，依法拟订承包方案'),
    },
    { key: 'deliberation', step: deliberation() },
    { key: 'draftNotice', step: publicNotice('承包方案公布', 'draft', param('draftPublicPeriod')) },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民会议三分之二以上成员或三分之二以上代表同意',
        body: { fromInput: 'decidingBody' },
        ruleSet: LAND_VOTE,
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('承包方案表决结果公示', 'resolution', param('resolutionPublicPeriod')),
    },
    { key: 'implementation', step: implementation('公开组织实施承包并签订合同') },
    { key: 'resultDisclosure', step: publicNotice('承包结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const landContractingPlanProcedure: ProcedureDefinition = {
  id: 'D3',
  version: 5,
  title: '土地承包方案',
  category: 'D',
  description:
    '土地承包方案由承包工作小组拟订并公布，经村民会议三分之二以上成员或三分之二以上村民代表同意后公开组织实施。',
  legalBasis: [{ law: '中华人民共和国农村土地承包法', version: '2018-12-29', article: '第十九条、第二十条' }],
  catalog: {
    responsible: '村集体经济组织（村民委员会）',
    responsibleRole: 'secretary',
    riskPoints: ['方案未公布即表决', '优亲厚友、多占多分', '剥夺妇女、外嫁女承包权益'],
  },
  statutoryClass: 'landContractingPlan',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ decidingBody: oneOf(DECIDING_BODY) }, ['decidingBody']),
  parameters: {
    voteRuleSets: LAND_RULE_SETS,
    draftPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
