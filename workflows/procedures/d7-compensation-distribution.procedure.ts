import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { payment, publicNotice } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { collectiveDecisionSteps } from './d-collective-helpers.js';
import { PUBLIC_PERIOD, amount, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'compensationDistribution',
  steps: [
    ...collectiveDecisionSteps({
      planTitle: '拟定征地补偿费分配方案',
      planDescription: '方案和分配名单',
      voteTitle: '成员大会表决（成员代表大会不得决定）',
      body: 'collectiveMembers',
    }),
    { key: 'distribution', step: payment('按方案发放补偿费') },
    {
      key: 'resultDisclosure',
      step: publicNotice('发放名单和金额公开', 'result', param('resultPublicPeriod')),
    },
  ],
});

export const compensationDistributionProcedure: ProcedureDefinition = {
  id: 'D7',
  version: 6,
  title: '土地征收补偿费分配',
  category: 'D',
  description: '征地补偿费的使用和分配方案由成员大会决定，成员代表大会不得决定；方案和发放名单公开。',
  legalBasis: [
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十四条第七项' },
    {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第二十六条第十项、第二十七条、第二十八条',
    },
  ],
  catalog: {
    responsible: '村集体经济组织',
    responsibleRole: 'secretary',
    riskPoints: ['截留、挪用补偿费', '分配名单优亲厚友', '以代表会议代替成员大会'],
  },
  statutoryClass: 'landCompensation',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ total: amount(), project: text(200) }, ['total']),
  parameters: {
    voteRuleSet: 'collective-assembly',
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
