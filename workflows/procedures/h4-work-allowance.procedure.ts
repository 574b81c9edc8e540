import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { deliberation, proposal, publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { DECIDING_BODY, PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'workAllowance',
  steps: [
    { key: 'proposal', step: proposal('拟定误工补贴人员及标准', '拟定享受误工补贴的人员和补贴标准') },
    { key: 'deliberation', step: deliberation() },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民会议（或授权的代表会议）决定',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('ruleSets') },
      }),
    },
    { key: 'resultDisclosure', step: publicNotice('补贴人员和标准公开', 'result', param('publicPeriod')) },
  ],
});

export const workAllowanceProcedure: ProcedureDefinition = {
  id: 'H4',
  version: 5,
  title: '误工补贴人员及标准',
  category: 'H',
  description: '享受误工补贴的人员及补贴标准由村民会议讨论决定并公开。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十四条第一项' }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['自定补贴标准', '超范围发放补贴'],
  },
  statutoryClass: 'lostWorkSubsidy',
  startRoles: ['secretary'],
  inputSchema: matterInputs({ decidingBody: oneOf(DECIDING_BODY) }, ['decidingBody']),
  parameters: {
    ruleSets: { representatives: 'representative-meeting', villagers: 'villager-meeting' },
    publicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
