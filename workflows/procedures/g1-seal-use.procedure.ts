import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param, ref } from '../fragments/refs.js';
import { approval, record, resolution } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { DECIDING_BODY, matterInputs } from './shared-parameters.js';

/**
 * Seal uses that bind the collective (借款、担保、重大发包合同) are its decisions first: by the member assembly
 * or the member representative assembly, two thirds of all (农村集体经济组织法 第二十六条至第二十八条).
 */
const VOTED_KINDS = {
  loan: 'collectiveBorrowing',
  guarantee: 'guarantee',
  majorContract: 'collectivePropertyDisposal',
};

const { machine, events, outcomes } = compose({
  machineId: 'sealUse',
  routingTitle: '是否须先经村民代表会议表决',
  routes: [
    {
      name: 'vote',
      title: '借款、担保、重大发包合同：先经村民（代表）会议表决',
      when: ref('inputIn', { input: 'kind', values: Object.keys(VOTED_KINDS) }),
    },
    { name: 'ordinary', title: '一般用印' },
  ],
  steps: [
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '集体经济组织成员（代表）大会表决',
        description: '借款、担保和重大发包合同按农村集体经济组织法由成员大会或成员代表大会决定',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('voteRuleSets') },
        reviseTo: 'resolutionMeeting',
        abandonTo: 'rejected',
      }),
      onRoutes: ['vote'],
    },
    {
      key: 'approval',
      step: approval(
        '审批用印',
        '审批人与印章保管人分离；合同、申请等须主任签字',
        {
          event: 'APPROVE_SEAL_USE',
          title: '批准用印',
          roles: ['vc_chair', 'secretary'],
          fields: { opinion: text(1000) },
        },
        'rejected',
      ),
    },
    {
      key: 'sealing',
      step: record('盖章并登记', '保管人核对文件后盖章，逐次登记用印台账，严禁在空白纸张上盖章', {
        event: 'RECORD_SEAL_USE',
        title: '盖章并登记台账',
        roles: ['committee_member'],
        fields: {
          copies: { type: 'integer', minimum: 1, maximum: 100 },
          documentChecked: { type: 'boolean', const: true },
        },
        required: ['copies', 'documentChecked'],
        distinctFrom: ['APPROVE_SEAL_USE'],
        marks: ['sealUse'],
      }),
    },
  ],
});

export const sealUseProcedure: ProcedureDefinition = {
  id: 'G1',
  version: 5,
  title: '村级印章使用',
  category: 'G',
  description:
    '印章专人保管、审批与保管分离、逐次登记；严禁空白盖章；借款、担保和重大发包合同须先经村民（代表）会议表决。',
  legalBasis: [
    { law: '村级印章管理制度', localPractice: true },
    {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第二十六条至第二十八条、第三十五条',
      note: '借款、担保、重大发包合同',
    },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'vc_chair',
    riskPoints: ['在空白纸张、空白介绍信上盖章', '未经审批擅自用印或带出印章', '以村名义违规借款、担保'],
  },
  statutoryClass: { fromInput: 'kind', table: VOTED_KINDS },
  startRoles: ['committee_member', 'secretary', 'villager'],
  inputSchema: {
    ...matterInputs(
      {
        kind: oneOf(['certificate', 'contract', 'application', ...Object.keys(VOTED_KINDS)]),
        documentRef: text(200, 2),
        purpose: text(1000),
        decidingBody: oneOf(DECIDING_BODY),
        guaranteeBeneficiary: oneOf(['member', 'outsider']),
      },
      ['kind', 'documentRef', 'purpose'],
    ),
    allOf: [
      {
        if: { properties: { kind: { enum: Object.keys(VOTED_KINDS) } }, required: ['kind'] },
        then: { required: ['decidingBody'] },
      },
      {
        if: { properties: { kind: { const: 'guarantee' } }, required: ['kind'] },
        then: { required: ['guaranteeBeneficiary'] },
      },
    ],
  },
  parameters: {
    voteRuleSets: { villagers: 'collective-assembly', representatives: 'collective-representative-assembly' },
  },
  outcomes,
  events,
  machine,
};
