import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { contract, publicNotice, townshipDecision } from '../steps/presets.js';
import { tenderStep } from '../steps/tender.step.js';
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
  machineId: 'constructionLand',
  steps: [
    ...collectiveDecisionSteps({
      planTitle: '拟定出让（出租）方案',
      planDescription: '方案载明地块、用途、年限、价格和收益分配',
      voteTitle: '村民会议三分之二以上成员或三分之二以上村民代表同意',
      ruleSet: LAND_VOTE,
    }),
    {
      key: 'townshipApproval',
      step: townshipDecision('报乡镇和县级部门审核', '按规定报批，符合国土空间规划'),
    },
    { key: 'tender', step: tenderStep({ title: '公开交易', description: '通过公开交易平台出让或出租' }) },
    { key: 'contract', step: contract() },
    {
      key: 'resultDisclosure',
      step: publicNotice('交易结果和收益公开', 'result', param('resultPublicPeriod')),
    },
  ],
});

export const constructionLandProcedure: ProcedureDefinition = {
  id: 'D2',
  version: 6,
  title: '集体经营性建设用地出让、出租',
  category: 'D',
  description:
    '集体经营性建设用地出让、出租应经本集体经济组织成员的村民会议三分之二以上成员或三分之二以上村民代表同意，签订书面合同。',
  legalBasis: [{ law: '中华人民共和国土地管理法', version: '2019-08-26', article: '第六十三条' }],
  catalog: {
    responsible: '村集体经济组织',
    responsibleRole: 'secretary',
    riskPoints: ['未经三分之二同意擅自出让', '改变规划用途', '收益分配不公开'],
  },
  statutoryClass: 'constructionLand',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ parcel: text(200), decidingBody: oneOf(DECIDING_BODY) }, [
    'parcel',
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
