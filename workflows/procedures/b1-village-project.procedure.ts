import { compose } from '../compose/compose.js';
import { object, oneOf, text, yuan } from '../events/schema.js';
import { param, ref } from '../fragments/refs.js';
import {
  contract,
  deliberation,
  implementation,
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

/**
 * Village construction projects, routed by amount at start: the two committees decide small works and
 * inform the supervisors; from ¥50,000 the villagers (representatives) vote and quotes are compared; from
 * ¥100,000 the township trading centre runs a public tender.
 */
const { machine, events, outcomes } = compose({
  machineId: 'villageProject',
  routingTitle: '按投资额确定审批路径',
  routes: [
    { name: 'tender', title: '公开招标（10万元以上）', when: amountAtLeast('publicTenderFrom') },
    {
      name: 'vote',
      title: '村民（代表）会议表决、邀请比选（5万元至10万元）',
      when: amountAtLeast('villagerVoteFrom'),
    },
    {
      name: 'informAll',
      title: '“两委”决定并告知全体监委会成员（1万元至5万元）',
      when: amountAtLeast('supervisorsInformedFrom'),
    },
    { name: 'small', title: '“两委”决定并告知片区监委会成员（1万元以下）' },
  ],
  steps: [
    { key: 'proposal', step: proposal('项目提议', '根据村庄规划和群众意愿提出项目方案（名称、内容、预算）') },
    { key: 'deliberation', step: deliberation({ title: '“两委”研究决定立项' }) },
    {
      key: 'supervisorNotice',
      step: supervisorReview('告知村务监督委员会', '“两委”决定后告知监督委员会成员，监委会签署意见'),
      onRoutes: ['small', 'informAll'],
    },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '村民（代表）会议表决立项',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('ruleSets') },
      }),
      onRoutes: ['vote', 'tender'],
    },
    { key: 'projectNotice', step: publicNotice('立项公示', 'resolution', param('projectPublicPeriod')) },
    {
      key: 'quotes',
      step: record('邀请比选', '邀请不少于三家报价，比选确定施工单位', {
        event: 'RECORD_QUOTES',
        title: '登记比选结果',
        roles: ['secretary', 'committee_member'],
        fields: { quotes: { type: 'integer', minimum: 3 }, chosen: text(200) },
        required: ['quotes', 'chosen'],
      }),
      onRoutes: ['vote'],
    },
    {
      key: 'tender',
      step: tenderStep({ title: '公开招标', description: '进入乡镇“三资”交易中心公开招标' }),
      onRoutes: ['tender'],
    },
    { key: 'contract', step: contract() },
    { key: 'construction', step: implementation('组织施工') },
    {
      key: 'acceptance',
      step: record('竣工验收', '组织竣工验收，监督委员会成员参加', {
        event: 'RECORD_ACCEPTANCE',
        title: '登记验收结果',
        roles: ['secretary', 'committee_member'],
        fields: { acceptedOn: { type: 'string', format: 'date' }, result: text(2000) },
        required: ['acceptedOn', 'result'],
      }),
    },
    {
      key: 'acceptanceReview',
      step: supervisorReview('监委会验收签字', '监督委员会审核验收和结算资料并签字'),
    },
    { key: 'settlement', step: payment('工程结算付款', ['secretary', 'committee_member']) },
    { key: 'resultDisclosure', step: publicNotice('项目决算公开', 'result', param('resultPublicPeriod')) },
  ],
});

export const villageProjectProcedure: ProcedureDefinition = {
  id: 'B1',
  version: 6,
  title: '村级工程项目（立项、招标、施工、验收）',
  category: 'B',
  description:
    '村级工程项目按投资额分级决策：小额由“两委”决定并告知监委会，达到限额经村民（代表）会议表决，较大项目公开招标；验收和决算公开。',
  legalBasis: [
    {
      law: '村级小微权力清单（工程项目分级决策）',
      localPractice: true,
      note: '1万、5万、10万元三级限额为某县村规示例',
    },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十四条、第三十五条' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: [
      '拆分项目规避表决或招标',
      '围标串标、指定施工单位',
      '擅自变更设计、增加工程量',
      '验收走过场、虚报结算',
    ],
  },
  startRoles: ['secretary'],
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
    ...PROJECT_TIERS,
    ruleSets: { representatives: 'representative-meeting', villagers: 'villager-meeting' },
    projectPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
