import { compose } from '../compose/compose.js';
import { text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { approval, publicNotice } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PERIOD_LABEL, PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'partyAffairsDisclosure',
  steps: [
    {
      key: 'branchReview',
      step: approval('支部审核公开内容', '支部书记审核党务公开内容', {
        event: 'APPROVE_CONTENT',
        title: '审核同意',
        roles: ['secretary'],
        fields: { opinion: text(1000) },
      }),
    },
    { key: 'disclosure', step: publicNotice('党务公开', 'result', param('publicPeriod')) },
  ],
});

export const partyAffairsDisclosureProcedure: ProcedureDefinition = {
  id: 'H2',
  version: 1,
  title: '党务公开',
  category: 'H',
  description: '党组织工作、党费收缴使用、发展党员等党务按规定公开。',
  legalBasis: [{ law: '中国共产党党务公开条例（试行）', version: '2017' }],
  catalog: {
    responsible: '村党组织',
    responsibleRole: 'secretary',
    riskPoints: ['党费收缴使用不公开', '公开流于形式'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs({ period: PERIOD_LABEL }, ['period']),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
