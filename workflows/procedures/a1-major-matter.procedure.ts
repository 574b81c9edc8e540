import { DISCLOSURE_EVENTS } from '../events/disclosure-events.js';
import { MEETING_EVENTS } from '../events/meeting-events.js';
import { flag, object, oneOf, text } from '../events/schema.js';
import { objectionEvent } from '../events/supervision-events.js';
import { disclosureStage } from '../fragments/disclosure-stage.js';
import { meetingStage } from '../fragments/meeting-stage.js';
import { objectionTransitions } from '../fragments/objection.js';
import { allOf, factEquals, not, param, payloadEquals, remember, stateId } from '../fragments/refs.js';
import type { ProcedureDefinition, StateNodeData } from '../types.js';

/**
 * A1 村级重大事项决策：“四议两公开”. Party branch proposal → two-committee deliberation → party member
 * meeting → villager (representative) meeting resolution → resolution disclosure → implementation →
 * result disclosure. Where the secretary is also the villagers' committee chair (一肩挑), the proposal
 * and the deliberation may be one joint meeting.
 */
const ID = 'majorMatter';
const at = (stage: string) => stateId(ID, stage);

/** The stages in procedure order; an objection may send the matter back to any earlier one. */
const STAGES = [
  'topicIntake',
  'branchProposal',
  'twoCommitteeDeliberation',
  'partyMemberMeeting',
  'resolutionMeeting',
  'resolutionDisclosure',
  'implementation',
  'resultDisclosure',
] as const;
type Stage = (typeof STAGES)[number];

const stages: Record<Stage, StateNodeData> = {
  topicIntake: {
    description: '动议：登记议题及其来源，党组织书记提出初步方案',
    meta: { title: '议题登记与方案拟定' },
    on: {
      PROPOSE_PLAN: [
        {
          guard: allOf(payloadEquals('mergeWithDeliberation', true), factEquals('actorIsVcChair', true)),
          target: 'twoCommitteeDeliberation',
          actions: [remember('proposal')],
          description: '书记兼任村委会主任时，党组织提议与“两委”商议可合并召开',
        },
        {
          guard: not(payloadEquals('mergeWithDeliberation', true)),
          target: 'branchProposal',
          actions: [remember('proposal')],
        },
      ],
      DROP_TOPIC: [{ target: 'dropped', actions: [remember('dropped')] }],
    },
  },
  branchProposal: meetingStage({
    title: '党组织提议',
    description: '村党组织在广泛征求意见基础上研究提出方案',
    body: 'branchCommittee',
    ruleSet: 'two-committee-majority',
    onPassed: at('twoCommitteeDeliberation'),
    onRevise: at('topicIntake'),
    onAbandon: at('dropped'),
  }),
  twoCommitteeDeliberation: meetingStage({
    title: '“两委”商议',
    description: '村党组织和村民委员会联席会议商议',
    body: 'twoCommittees',
    ruleSet: 'two-committee-majority',
    onPassed: at('partyMemberMeeting'),
    onRevise: at('topicIntake'),
    onAbandon: at('dropped'),
  }),
  partyMemberMeeting: meetingStage({
    title: '党员大会审议',
    description: '党员大会审议方案，通过后党员向群众宣传解释',
    body: 'partyMembers',
    ruleSet: param('partyMeetingRuleSet'),
    onPassed: at('resolutionMeeting'),
    onRevise: at('topicIntake'),
    onAbandon: at('rejected'),
  }),
  resolutionMeeting: meetingStage({
    title: '村民（代表）会议决议',
    description: '村民委员会在村党组织领导下召集村民会议或村民代表会议表决',
    body: { fromInput: 'decidingBody' },
    ruleSet: { fromInputs: ['decidingBody', 'concern'], table: param('resolutionRuleSets') },
    onPassed: at('resolutionDisclosure'),
    onRevise: at('topicIntake'),
    onAbandon: at('rejected'),
  }),
  resolutionDisclosure: disclosureStage({
    title: '决议公开',
    description: '决议经监督委员会审核后公开，公示期满后组织实施',
    kind: 'resolution',
    period: param('resolutionPublicPeriod'),
    onEnded: at('implementation'),
  }),
  implementation: {
    description: '村民委员会组织实施，监督委员会全程监督',
    meta: { title: '组织实施' },
    on: {
      REPORT_PROGRESS: [{ actions: [remember('lastProgress')] }],
      COMPLETE_IMPLEMENTATION: [{ target: 'resultDisclosure', actions: [remember('implementation')] }],
    },
  },
  resultDisclosure: disclosureStage({
    title: '实施结果公开',
    description: '实施结果经监督委员会审核后公开，公示期满后办结',
    kind: 'result',
    period: param('resultPublicPeriod'),
    onEnded: at('closed'),
  }),
};

const restartChild = (node: StateNodeData): string | null => node.initial ?? null;

const withObjections = Object.fromEntries(
  STAGES.map((stage, index) => {
    const node = stages[stage];
    const on = {
      ...node.on,
      OBJECT: objectionTransitions(ID, stage, STAGES.slice(0, index), restartChild(node)),
    };
    return [stage, { ...node, on }];
  }),
);

export const majorMatterProcedure: ProcedureDefinition = {
  id: 'A1',
  version: 1,
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
  startRoles: ['secretary'],
  inputSchema: object(
    {
      title: text(100, 2),
      summary: text(5000),
      topicSource: oneOf([
        'party_member_suggestion',
        'public_suggestion',
        'cadre_proposal',
        'higher_assignment',
      ]),
      decidingBody: oneOf(['representatives', 'villagers']),
      concern: { ...oneOf(['general', 'collectiveProperty', 'land']), default: 'general' },
    },
    ['title', 'topicSource', 'decidingBody'],
  ),
  parameters: {
    partyMeetingRuleSet: 'party-member-meeting',
    resolutionRuleSets: {
      'representatives/general': 'representative-meeting',
      'representatives/collectiveProperty': 'collective-representative-assembly',
      'representatives/land': 'land-two-thirds',
      'villagers/general': 'villager-meeting',
      'villagers/collectiveProperty': 'collective-assembly',
      'villagers/land': 'land-two-thirds',
    },
    resolutionPublicPeriod: { days: 7, unit: 'calendar' },
    resultPublicPeriod: { days: 7, unit: 'calendar' },
  },
  outcomes: { closed: 'carriedOut', dropped: 'dropped', rejected: 'rejected' },
  events: {
    PROPOSE_PLAN: {
      title: '提出方案',
      roles: ['secretary'],
      payload: object({ plan: text(20000), mergeWithDeliberation: flag() }, ['plan']),
      facts: ['actorIsVcChair'],
    },
    DROP_TOPIC: {
      title: '议题不予采纳',
      roles: ['secretary'],
      payload: object({ reason: text(2000) }, ['reason']),
    },
    ...MEETING_EVENTS,
    ...DISCLOSURE_EVENTS,
    REPORT_PROGRESS: {
      title: '登记实施进展',
      roles: ['secretary', 'committee_member'],
      payload: object({ note: text(5000) }, ['note']),
    },
    COMPLETE_IMPLEMENTATION: {
      title: '实施完毕',
      roles: ['secretary', 'committee_member'],
      payload: object({ summary: text(5000) }, ['summary']),
    },
    OBJECT: objectionEvent(STAGES),
  },
  machine: {
    id: ID,
    initial: 'topicIntake',
    context: {},
    states: {
      ...withObjections,
      closed: { type: 'final', meta: { title: '办结' } },
      dropped: { type: 'final', meta: { title: '议题未采纳' } },
      rejected: { type: 'final', meta: { title: '未通过，终止' } },
    },
  },
};
