import { compose } from '../compose/compose.js';
import { object, oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  deliberation,
  implementation,
  partyReview,
  proposal,
  publicNotice,
  resolution,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { ARTICLE_24_CLASSES } from '../catalog/statutory-classes.js';
import {
  DECIDING_BODY,
  PUBLIC_PERIOD,
  bodiesAllowedByClass,
  classRuleSetTable,
} from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'villagerMeetingMatter',
  steps: [
    { key: 'proposal', step: proposal('拟定方案', '村“两委”就第二十四条所列事项拟定方案') },
    { key: 'deliberation', step: deliberation() },
    { key: 'partyReview', step: partyReview() },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民会议（或授权的村民代表会议）讨论决定',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody', 'matterClass'], table: param('resolutionRuleSets') },
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('决定事项公开', 'resolution', param('resolutionPublicPeriod')),
    },
    { key: 'implementation', step: implementation() },
    { key: 'resultDisclosure', step: publicNotice('实施情况公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const villagerMeetingMatterProcedure: ProcedureDefinition = {
  id: 'A2',
  version: 5,
  title: '村民会议决定事项（第二十四条事项）',
  category: 'A',
  description:
    '涉及村民利益的九类事项须经村民会议讨论决定，村民会议可授权村民代表会议；决定及其实施情况公开。',
  legalBasis: [
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十四条、第三十条' },
    {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第二十六条、第二十七条',
      note: '集体财产和成员权益事项从其规定',
    },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: [
      '应由村民会议决定的事项由“两委”或少数干部决定',
      '授权村民代表会议超出授权范围',
      '决定事项及实施情况未公开',
    ],
  },
  startRoles: ['secretary'],
  statutoryClass: { fromInput: 'matterClass' },
  inputSchema: {
    ...object(
      {
        title: text(100, 2),
        summary: text(5000),
        matterClass: oneOf(ARTICLE_24_CLASSES),
        decidingBody: oneOf(DECIDING_BODY),
      },
      ['title', 'matterClass', 'decidingBody'],
    ),
    allOf: bodiesAllowedByClass('matterClass', 'decidingBody', ARTICLE_24_CLASSES),
  },
  parameters: {
    partyMeetingRuleSet: 'party-member-meeting',
    resolutionRuleSets: classRuleSetTable(ARTICLE_24_CLASSES),
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
