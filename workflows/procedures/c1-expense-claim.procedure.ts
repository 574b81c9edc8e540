import { compose } from '../compose/compose.js';
import { text, uuid } from '../events/schema.js';
import { param, ref } from '../fragments/refs.js';
import { actStep } from '../steps/act.step.js';
import { approval, filing, record, townshipDecision } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { amount, matterInputs } from './shared-parameters.js';

/** 三签一章: secretary, committee chair and supervision chair sign; the supervision committee's seal. */
const { machine, events, outcomes } = compose({
  machineId: 'expenseClaim',
  routingTitle: '按金额确定是否需乡镇领导审签',
  routes: [
    {
      name: 'township',
      title: '超过限额，乡镇领导审签',
      when: ref('inputAtLeast', { input: 'amount', value: param('townshipSignFrom') }),
    },
    { name: 'village', title: '限额以内' },
  ],
  steps: [
    {
      key: 'witness',
      step: record('经手人、证明人签字', '经手人取得合法票据、注明用途，证明人签字', {
        event: 'WITNESS_SIGN',
        title: '证明人签字',
        roles: ['committee_member', 'secretary', 'villager'],
        fields: { note: text(500) },
        distinctFrom: ['START'],
      }),
    },
    {
      key: 'financeApproval',
      step: approval(
        '财务负责人审核',
        '审核票据的真实性、合法性',
        {
          event: 'FINANCE_APPROVE',
          title: '财务负责人审核同意',
          roles: ['committee_member', 'secretary'],
          fields: { opinion: text(2000) },
        },
        'rejected',
      ),
    },
    {
      key: 'supervisorSeal',
      step: actStep({
        title: '监委会集体审核盖章',
        description: '村务监督委员会集体审核，主任签字并加盖监委会印章',
        act: {
          event: 'SUPERVISOR_SEAL',
          title: '监委会主任签字盖章',
          roles: ['supervisor_chair'],
          fields: { opinion: text(2000) },
          required: ['opinion'],
          marks: ['supervisorSignOff'],
        },
      }),
    },
    {
      key: 'secretarySign',
      step: record('党组织书记签字', '村党组织书记审签', {
        event: 'SECRETARY_SIGN',
        title: '书记签字',
        roles: ['secretary'],
        fields: { note: text(500) },
      }),
    },
    {
      key: 'chairSign',
      step: record('村委会主任签字', '村民委员会主任审签', {
        event: 'VC_CHAIR_SIGN',
        title: '主任签字',
        roles: ['vc_chair'],
        fields: { note: text(500) },
      }),
    },
    {
      key: 'townshipSign',
      step: townshipDecision('乡镇领导审签', '超过限额的支出由乡镇领导审签'),
      onRoutes: ['township'],
    },
    {
      key: 'bookkeeping',
      step: filing('乡镇“三资”服务中心入账', '村账乡代管：报乡镇“三资”服务中心审核入账'),
    },
  ],
});

export const expenseClaimProcedure: ProcedureDefinition = {
  id: 'C1',
  version: 3,
  title: '财务报账（三签一章）',
  category: 'C',
  description:
    '经手人、证明人签字，财务负责人审核，监委会集体审核盖章，书记、主任签字，超过限额的乡镇领导审签，报乡镇入账。',
  legalBasis: [
    { law: '村级财务报账“三签一章”制度', localPractice: true, note: '城固县、曲江乡等地村级财务管理规定' },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十二条' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['虚开、重复报销票据', '白条入账', '自己审批自己经手的支出', '坐收坐支、超限额持有现金'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs(
    // The payee, when a person: the negative list forbids approving a payment to oneself.
    { amount: amount(), voucherNo: text(100), purpose: text(1000), payeePersonId: uuid() },
    ['amount', 'voucherNo', 'purpose'],
  ),
  parameters: { townshipSignFrom: 5000 },
  outcomes,
  events,
  machine,
};
