import { compose } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { publicNotice, supervisorReview } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PERIOD_LABEL, PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'villageAffairsDisclosure',
  steps: [
    {
      key: 'review',
      step: supervisorReview('监委会审核公开内容', '村务监督委员会审核公开内容是否全面、真实'),
    },
    { key: 'disclosure', step: publicNotice('村务季度公开', 'result', param('publicPeriod')) },
  ],
});

export const villageAffairsDisclosureProcedure: ProcedureDefinition = {
  id: 'H7',
  version: 1,
  title: '村务定期公开',
  category: 'H',
  description: '一般村务事项至少每季度公开一次，经监委会审核后在公开栏和平台公布。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十条' }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['选择性公开、避重就轻', '逾期不公开'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs({ period: PERIOD_LABEL }, ['period']),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
