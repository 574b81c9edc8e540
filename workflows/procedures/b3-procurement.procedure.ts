import { compose } from '../compose/compose.js';
import { object, oneOf, text, yuan } from '../events/schema.js';
import { param, ref } from '../fragments/refs.js';
import {
  deliberation,
  payment,
  proposal,
  publicNotice,
  record,
  resolution,
  supervisorReview,
} from '../steps/presets.js';
import { tenderStep } from '../steps/tender.step.js';
import type { ProcedureDefinition } from '../types.js';
import { DECIDING_BODY, PROJECT_TIERS, PUBLIC_PERIOD } from './shared-parameters.js';

const amountAtLeast = (threshold: string) =>
  ref('inputAtLeast', { input: 'amount', value: param(threshold) });

const { machine, events, outcomes } = compose({
  machineId: 'procurement',
  routingTitle: '按采购金额确定审批路径',
  routes: [
    { name: 'tender', title: '公开招标（10万元以上）', when: amountAtLeast('publicTenderFrom') },
    { name: 'vote', title: '村民（代表）会议表决（5万元至10万元）', when: amountAtLeast('villagerVoteFrom') },
    { name: 'committees', title: '“两委”决定（5万元以下）' },
  ],
  steps: [
    {
      key: 'proposal',
      step: proposal('提出采购需求', '说明采购物品或服务、数量、预算', ['secretary', 'committee_member']),
    },
    { key: 'deliberation', step: deliberation({ title: '“两委”审批采购' }) },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民（代表）会议表决',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('ruleSets') },
      }),
      onRoutes: ['vote', 'tender'],
    },
    {
      key: 'quotes',
      step: record('询价比价', '不少于三家询价或比价', {
        event: 'RECORD_QUOTES',
        title: '登记比选结果',
        roles: ['secretary', 'committee_member'],
        fields: { quotes: { type: 'integer', minimum: 3 }, chosen: text(200) },
        required: ['quotes', 'chosen'],
      }),
      onRoutes: ['vote', 'committees'],
    },
    {
      key: 'tender',
      step: tenderStep({ title: '公开招标采购', description: '进入乡镇“三资”交易中心公开招标' }),
      onRoutes: ['tender'],
    },
    {
      key: 'acceptance',
      step: record('到货验收', '两人以上验收，其中一人为监委会成员', {
        event: 'RECORD_ACCEPTANCE',
        title: '登记验收结果',
        roles: ['secretary', 'committee_member'],
        fields: { acceptedOn: { type: 'string', format: 'date' }, result: text(2000) },
        required: ['acceptedOn', 'result'],
      }),
    },
    { key: 'acceptanceReview', step: supervisorReview('监委会验收签字', '监督委员会成员参与验收并签字') },
    { key: 'reimbursement', step: payment('报账付款') },
    { key: 'resultDisclosure', step: publicNotice('采购结果公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const procurementProcedure: ProcedureDefinition = {
  id: 'B3',
  version: 6,
  title: '物资和服务采购',
  category: 'B',
  description:
    '村级物资和服务采购按金额分级审批，询价比价或公开招标，两人以上（含监委会成员）验收后报账并公开。',
  legalBasis: [{ law: '村级小微权力清单（物资采购）', localPractice: true, note: '限额与工程项目相同' }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['化整为零规避审批', '虚开发票、以次充好', '采购人验收自己采购的物品'],
  },
  startRoles: ['secretary', 'committee_member'],
  inputSchema: object(
    {
      title: text(100, 2),
      summary: text(5000),
      amount: yuan(),
      decidingBody: { ...oneOf(DECIDING_BODY), default: 'representatives' },
    },
    ['title', 'amount'],
  ),
  parameters: {
    villagerVoteFrom: PROJECT_TIERS.villagerVoteFrom,
    publicTenderFrom: PROJECT_TIERS.publicTenderFrom,
    ruleSets: { representatives: 'representative-meeting', villagers: 'villager-meeting' },
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
