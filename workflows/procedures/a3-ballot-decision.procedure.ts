import { compose } from '../compose/compose.js';
import { object, oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { deliberation, implementation, proposal, publicNotice, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD } from './shared-parameters.js';

/**
 * What the representatives may decide by a majority ballot: the classes the villager meeting may delegate
 * to them under the ordinary rule. Collective property, land and membership need two thirds (A2, D).
 */
const BALLOT_CLASSES = [
  'lostWorkSubsidy',
  'publicWelfareProject',
  'otherVillagerMeetingMatter',
  'generalMajorMatter',
];

/** 票决制: topics go to the representatives 7 days ahead and are decided by secret ballot. */
const { machine, events, outcomes } = compose({
  machineId: 'ballotDecision',
  steps: [
    { key: 'proposal', step: proposal('拟定票决事项', '村“两委”拟定提交票决的方案') },
    { key: 'deliberation', step: deliberation() },
    {
      key: 'ballot',
      step: resolution({
        title: '村民代表会议无记名投票表决',
        description: '议题提前送达代表，会议讨论后无记名投票，当场计票、宣布结果',
        body: 'representatives',
        ruleSet: param('ballotRuleSet'),
        ballot: 'secret',
      }),
    },
    {
      key: 'resultDisclosure',
      step: publicNotice('票决结果公布', 'resolution', param('resultPublicPeriod')),
    },
    { key: 'implementation', step: implementation('组织执行') },
    {
      key: 'executionDisclosure',
      step: publicNotice('执行情况公开', 'result', param('executionPublicPeriod')),
    },
  ],
});

export const ballotDecisionProcedure: ProcedureDefinition = {
  id: 'A3',
  version: 5,
  title: '重大事项票决',
  category: 'A',
  description: '重大村务实行村民代表会议无记名投票表决，结果当场宣布并于当日或次日张榜公布。',
  legalBasis: [
    { law: '村重大村务票决制度', localPractice: true, note: '议题提前 7 日送达代表' },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十六条' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['议题未提前送达代表', '以举手表决代替无记名投票', '计票不公开或结果未及时公布'],
  },
  startRoles: ['secretary'],
  statutoryClass: { fromInput: 'matterClass' },
  inputSchema: object({ title: text(100, 2), summary: text(5000), matterClass: oneOf(BALLOT_CLASSES) }, [
    'title',
    'matterClass',
  ]),
  parameters: {
    ballotRuleSet: 'representative-ballot',
    resultPublicPeriod: PUBLIC_PERIOD.threeDays,
    executionPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
