import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { contract, publicNotice } from '../steps/presets.js';
import { tenderStep } from '../steps/tender.step.js';
import type { ProcedureDefinition } from '../types.js';
import { collectiveDecisionSteps } from './d-collective-helpers.js';
import { PUBLIC_PERIOD, amount, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'assetLease',
  steps: [
    ...collectiveDecisionSteps({
      planTitle: '拟定发包（出租、处置）方案',
      planDescription: '方案载明名称、面积、位置、用途、期限、底价',
      voteTitle: '成员代表（村民代表）会议三分之二以上同意',
      body: 'representatives',
    }),
    {
      key: 'tender',
      step: tenderStep({
        title: '进入“三资”交易中心交易',
        description: '交易中心审核方案和竞买人资格，发布公告，组织竞价',
      }),
    },
    { key: 'contract', step: contract() },
    { key: 'resultDisclosure', step: publicNotice('交易结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const assetLeaseProcedure: ProcedureDefinition = {
  id: 'D1',
  version: 6,
  title: '集体资产资源发包、出租和处置',
  category: 'D',
  description:
    '集体资产资源的发包、出租、处置经三分之二以上代表同意，进入乡镇“三资”交易中心公开交易，合同和结果公开。',
  legalBasis: [
    { law: '中华人民共和国农村集体经济组织法', version: '2024-06-28', article: '第二十六条、第二十八条' },
    { law: '厦门市翔安区农村集体“三资”交易规定', localPractice: true },
  ],
  catalog: {
    responsible: '村集体经济组织（村民委员会）',
    responsibleRole: 'secretary',
    riskPoints: ['低价发包、出租或处置', '暗箱操作、场外交易', '合同期限过长或擅自变更'],
  },
  statutoryClass: 'collectivePropertyDisposal',
  startRoles: ['secretary'],
  inputSchema: matterInputs(
    { asset: text(200), reservePrice: amount(), kind: oneOf(['contract', 'lease', 'disposal']) },
    ['asset', 'kind'],
  ),
  parameters: {
    voteRuleSet: 'collective-representative-assembly',
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
