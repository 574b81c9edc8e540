import { compose } from '../compose/compose.js';
import { object, oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { disclosureStep } from '../steps/disclosure.step.js';
import { meetingStep } from '../steps/meeting.step.js';
import { proposalStep } from '../steps/proposal.step.js';
import { workStep } from '../steps/work.step.js';
import type { ProcedureDefinition } from '../types.js';
import { MAJOR_MATTER_CLASSES } from '../catalog/statutory-classes.js';
import {
  DECIDING_BODY,
  PUBLIC_PERIOD,
  TOPIC_SOURCE,
  bodiesAllowedByClass,
  classRuleSetTable,
} from './shared-parameters.js';

/**
 * A1 村级重大事项决策：“四议两公开”. Party branch proposal → two-committee deliberation → party member
 * meeting → villager (representative) meeting resolution → resolution disclosure → implementation →
 * result disclosure. Where the secretary is also the villagers' committee chair (一肩挑), the proposal
 * and the deliberation may be one joint meeting.
 */
const { machine, events, outcomes } = compose({
  machineId: 'majorMatter',
  steps: [
    {
      key: 'topicIntake',
      step: proposalStep({
        title: '议题登记与方案拟定',
        description: '动议：登记议题及其来源，党组织书记提出初步方案',
        mergeInto: 'twoCommitteeDeliberation',
      }),
    },
    {
      key: 'branchProposal',
      step: meetingStep({
        title: '党组织提议',
        description: '村党组织在广泛征求意见基础上研究提出方案',
        body: 'branchCommittee',
        ruleSet: 'two-committee-majority',
        reviseTo: 'topicIntake',
        abandonTo: 'dropped',
      }),
    },
    {
      key: 'twoCommitteeDeliberation',
      step: meetingStep({
        title: '“两委”商议',
        description: '村党组织和村民委员会联席会议商议',
        body: 'twoCommittees',
        ruleSet: 'two-committee-majority',
        reviseTo: 'topicIntake',
        abandonTo: 'dropped',
      }),
    },
    {
      key: 'partyMemberMeeting',
      step: meetingStep({
        title: '党员大会审议',
        description: '党员大会审议方案，通过后党员向群众宣传解释',
        body: 'partyMembers',
        ruleSet: param('partyMeetingRuleSet'),
        reviseTo: 'topicIntake',
        abandonTo: 'rejected',
      }),
    },
    {
      key: 'resolutionMeeting',
      step: meetingStep({
        title: '村民（代表）会议决议',
        description: '村民委员会在村党组织领导下召集村民会议或村民代表会议表决',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody', 'matterClass'], table: param('resolutionRuleSets') },
        reviseTo: 'topicIntake',
        abandonTo: 'rejected',
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: disclosureStep({
        title: '决议公开',
        description: '决议经监督委员会审核后公开，公示期满后组织实施',
        kind: 'resolution',
        period: param('resolutionPublicPeriod'),
      }),
    },
    {
      key: 'implementation',
      step: workStep({ title: '组织实施', description: '村民委员会组织实施，监督委员会全程监督' }),
    },
    {
      key: 'resultDisclosure',
      step: disclosureStep({
        title: '实施结果公开',
        description: '实施结果经监督委员会审核后公开，公示期满后办结',
        kind: 'result',
        period: param('resultPublicPeriod'),
      }),
    },
  ],
});

export const majorMatterProcedure: ProcedureDefinition = {
  id: 'A1',
  version: 5,
  title: '村级重大事项决策（四议两公开）',
  category: 'A',
  description:
    '村级重大事项经党组织提议、“两委”商议、党员大会审议、村民（代表）会议决议，决议和实施结果公开。',
  legalBasis: [
    {
      law: '中华人民共和国村民委员会组织法',
      version: '2018-12-29',
      article: '第二十一条至第二十六条、第三十条',
    },
    { law: '中国共产党支部工作条例（试行）', version: '2018', article: '第十一条' },
    { law: '中国共产党农村基层组织工作条例', version: '2019-01', note: '“四议两公开”；条文序号待核' },
  ],
  catalog: {
    responsible: '村党组织、村民委员会',
    responsibleRole: 'secretary',
    riskPoints: [
      '以“两委”会议或少数人意见代替党员大会、村民（代表）会议决策',
      '会议到会人数不足或表决结果不符合法定比例仍执行',
      '决议、实施结果未按期公开或公开内容不实',
      '实施内容与决议不一致',
    ],
  },
  startRoles: ['secretary'],
  statutoryClass: { fromInput: 'matterClass' },
  inputSchema: {
    ...object(
      {
        title: text(100, 2),
        summary: text(5000),
        topicSource: oneOf(TOPIC_SOURCE),
        matterClass: oneOf(MAJOR_MATTER_CLASSES),
        decidingBody: oneOf(DECIDING_BODY),
      },
      ['title', 'topicSource', 'matterClass', 'decidingBody'],
    ),
    allOf: bodiesAllowedByClass('matterClass', 'decidingBody', MAJOR_MATTER_CLASSES),
  },
  parameters: {
    partyMeetingRuleSet: 'party-member-meeting',
    resolutionRuleSets: classRuleSetTable(MAJOR_MATTER_CLASSES),
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
