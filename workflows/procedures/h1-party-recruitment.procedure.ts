import { compose } from '../compose/compose.js';
import { isoDate, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { filing, publicNotice, record, resolution, townshipDecision } from '../steps/presets.js';
import { meetingStep } from '../steps/meeting.step.js';
import { withDeadline } from '../steps/deadline.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, TIME_LIMIT, matterInputs } from './shared-parameters.js';

const BRANCH = ['secretary'];

const { machine, events, outcomes } = compose({
  machineId: 'partyRecruitment',
  steps: [
    {
      key: 'talk',
      step: record('谈话', '收到入党申请一个月内派人谈话', {
        event: 'RECORD_TALK',
        title: '登记谈话',
        roles: BRANCH,
        fields: { talkedOn: isoDate(), by: text(100) },
        required: ['talkedOn'],
      }),
    },
    {
      key: 'activist',
      step: meetingStep({
        title: '确定入党积极分子',
        description: '支部委员会研究确定，报上级党委备案',
        body: 'branchCommittee',
        ruleSet: 'two-committee-majority',
        reviseTo: 'talk',
        abandonTo: 'dropped',
      }),
    },
    { key: 'activistFiling', step: filing('报上级党委备案', '积极分子报乡镇党委备案') },
    {
      key: 'training',
      step: record('培养教育考察', '培养教育考察一年以上', {
        event: 'RECORD_TRAINING',
        title: '登记培养考察结论',
        roles: BRANCH,
        fields: { from: isoDate(), to: isoDate(), conclusion: text(5000) },
        required: ['from', 'to', 'conclusion'],
      }),
    },
    { key: 'preReview', step: townshipDecision('确定发展对象并报上级预审', '上级党委预审', 'training') },
    { key: 'candidateNotice', step: publicNotice('发展对象公示', 'resolution', param('noticePeriod')) },
    {
      key: 'branchMeeting',
      step: resolution({
        title: '支部党员大会讨论表决',
        description: '有表决权的正式党员过半数到会，赞成人数超过应到会有表决权正式党员的半数',
        body: 'partyMembers',
        ruleSet: 'party-member-meeting',
        reviseTo: 'training',
        abandonTo: 'rejected',
      }),
    },
    {
      key: 'higherApproval',
      step: withDeadline(
        townshipDecision('上级党委审批', '乡镇党委派人谈话后审批，一般三个月内，最长六个月'),
        { title: '上级党委审批（一般三个月内）', period: param('approvalPeriod') },
      ),
    },
    { key: 'resultDisclosure', step: publicNotice('接收预备党员公开', 'result', param('resultPeriod')) },
  ],
});

export const partyRecruitmentProcedure: ProcedureDefinition = {
  id: 'H1',
  version: 5,
  title: '发展党员',
  category: 'H',
  description: '入党申请、积极分子确定和培养、发展对象预审和公示、支部大会表决、上级党委审批。',
  legalBasis: [{ law: '中国共产党发展党员工作细则', version: '2014' }],
  catalog: {
    responsible: '村党组织',
    responsibleRole: 'secretary',
    riskPoints: ['培养考察期不足即发展', '未经公示或未经支部大会表决', '突击发展、优亲厚友'],
  },
  startRoles: ['secretary'],
  inputSchema: matterInputs({ applicant: text(50), appliedOn: isoDate() }, ['applicant', 'appliedOn']),
  parameters: {
    noticePeriod: PUBLIC_PERIOD.fiveWorkingDays,
    resultPeriod: PUBLIC_PERIOD.sevenDays,
    approvalPeriod: TIME_LIMIT.threeMonths,
  },
  outcomes,
  events,
  machine,
};
