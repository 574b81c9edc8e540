import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, resolution, townshipDecision } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'recall',
  steps: [
    {
      key: 'verification',
      step: townshipDecision(
        '核实联名提议',
        '核实五分之一以上选民或三分之一以上代表联名，罢免要求须有理由',
        'dropped',
      ),
    },
    {
      key: 'vote',
      step: resolution({
        title: '村民会议投票表决',
        description: '登记选民过半数投票，投票人过半数赞成方可罢免；被提出罢免的成员有权申辩',
        body: 'villagers',
        ruleSet: 'recall',
        reviseTo: 'verification',
        abandonTo: 'rejected',
      }),
    },
    { key: 'resultDisclosure', step: publicNotice('罢免结果公布', 'result', param('publicPeriod')) },
  ],
});

export const recallProcedure: ProcedureDefinition = {
  id: 'H6',
  version: 5,
  title: '罢免村民委员会成员',
  category: 'H',
  description: '五分之一以上选民或三分之一以上村民代表联名提出，登记选民过半数投票、投票人过半数赞成即罢免。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第十六条' }],
  catalog: {
    responsible: '村民委员会（乡镇指导）',
    responsibleRole: 'villager',
    riskPoints: ['阻挠依法罢免', '以罢免打击报复'],
  },
  statutoryClass: 'recall',
  startRoles: ['villager', 'representative'],
  inputSchema: matterInputs(
    {
      member: text(50),
      proposers: { type: 'integer', minimum: 1 },
      basis: oneOf(['voters', 'representatives']),
      reason: text(5000),
    },
    ['member', 'proposers', 'basis', 'reason'],
  ),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
