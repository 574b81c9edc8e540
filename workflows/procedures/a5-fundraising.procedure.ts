import { compose } from '../compose/compose.js';
import { object, oneOf, text, yuan } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  deliberation,
  implementation,
  proposal,
  publicNotice,
  record,
  resolution,
  townshipDecision,
} from '../steps/presets.js';
import { withDeadline } from '../steps/deadline.js';
import type { ProcedureDefinition } from '../types.js';
import { DECIDING_BODY, PUBLIC_PERIOD, TIME_LIMIT } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'fundraising',
  steps: [
    {
      key: 'proposal',
      step: proposal('提出筹资筹劳方案', '村民委员会提出，或十分之一以上村民、五分之一以上代表联名提议'),
    },
    { key: 'deliberation', step: deliberation() },
    {
      key: 'canvass',
      step: record('入户征求意见', '村民代表逐户征求意见，农户签字', {
        event: 'RECORD_CANVASS',
        title: '登记入户征求意见结果',
        roles: ['secretary', 'committee_member'],
        fields: { households: { type: 'integer', minimum: 1 }, signed: { type: 'integer', minimum: 0 } },
        required: ['households', 'signed'],
      }),
    },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民（代表）会议表决',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('ruleSets') },
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('筹资筹劳方案公示', 'resolution', param('resolutionPublicPeriod')),
    },
    { key: 'townshipReview', step: townshipDecision('乡镇初审', '乡镇审核方案及农民负担') },
    {
      key: 'countyReview',
      step: withDeadline(
        townshipDecision('县农民负担监督管理部门复审', '7 个工作日内书面答复，乡镇登记复审意见'),
        { title: '县级复审书面答复', period: param('countyReplyPeriod') },
      ),
    },
    { key: 'implementation', step: implementation('筹资筹劳并组织建设') },
    {
      key: 'resultDisclosure',
      step: publicNotice('资金使用和项目建设情况公开', 'result', param('resultPublicPeriod')),
    },
  ],
});

export const fundraisingProcedure: ProcedureDefinition = {
  id: 'A5',
  version: 7,
  title: '一事一议筹资筹劳',
  category: 'A',
  description: '村内公益事业筹资筹劳经村民（代表）会议表决，乡镇初审、县级复审后实施，资金专账管理并公开。',
  legalBasis: [
    { law: '国务院办公厅转发农业部村民一事一议筹资筹劳管理办法', version: '国办发〔2007〕4号' },
    { law: '农业部关于规范村民一事一议筹资筹劳操作程序的意见', localPractice: false },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['超过限额标准筹资或强行以资代劳', '未经表决或审核即收取资金', '资金未专账管理、挪作他用'],
  },
  statutoryClass: 'publicWelfareProject',
  startRoles: ['secretary'],
  inputSchema: object(
    {
      title: text(100, 2),
      summary: text(5000),
      decidingBody: oneOf(DECIDING_BODY),
      perCapitaAmount: yuan(),
    },
    ['title', 'decidingBody'],
  ),
  parameters: {
    ruleSets: { representatives: 'representative-meeting', villagers: 'villager-meeting' },
    resolutionPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
    countyReplyPeriod: TIME_LIMIT.sevenWorkingDays,
  },
  outcomes,
  events,
  machine,
};
