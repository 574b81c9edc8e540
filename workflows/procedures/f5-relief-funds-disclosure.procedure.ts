import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, supervisorReview } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, amount, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'reliefFundsDisclosure',
  steps: [
    {
      key: 'review',
      step: supervisorReview('监委会审核发放明细', '核对救灾救济、捐赠款物的来源、数量和发放对象'),
    },
    { key: 'disclosure', step: publicNotice('款物管理使用情况公开', 'result', param('publicPeriod')) },
  ],
});

export const reliefFundsDisclosureProcedure: ProcedureDefinition = {
  id: 'F5',
  version: 2,
  title: '救灾救济、社会捐赠款物管理使用公开',
  category: 'F',
  description: '政府拨付和接受社会捐赠的救灾救助、补贴补助等款物的管理使用情况，经监委会审核后公开。',
  legalBasis: [
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十条第一款第三项' },
  ],
  exemptions: [{ requirement: 'townshipApproval', reason: '村级公开事项，款物分配由上级或捐赠方确定' }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['截留、挪用救灾捐赠款物', '发放对象不公开'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs({ kind: oneOf(['disasterRelief', 'donation', 'subsidy']), total: amount() }, [
    'kind',
  ]),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
