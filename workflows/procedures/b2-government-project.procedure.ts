import { compose } from '../compose/compose.js';
import { object, text, yuan } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  contract,
  implementation,
  proposal,
  publicNotice,
  record,
  supervisorReview,
  townshipDecision,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'governmentProject',
  steps: [
    { key: 'proposal', step: proposal('申报项目', '村民委员会按县级规定申报财政资金项目') },
    { key: 'projectNotice', step: publicNotice('项目申报公示', 'resolution', param('projectPublicPeriod')) },
    { key: 'townshipReview', step: townshipDecision('乡镇审核', '乡镇审核申报材料') },
    { key: 'countyApproval', step: townshipDecision('县级主管部门批复', '县级部门批复后由乡镇登记批复文号') },
    { key: 'contract', step: contract() },
    { key: 'construction', step: implementation('组织实施') },
    {
      key: 'acceptance',
      step: record('竣工验收', '县乡组织验收，村监委会参加', {
        event: 'RECORD_ACCEPTANCE',
        title: '登记验收结果',
        roles: ['secretary', 'committee_member'],
        fields: { acceptedOn: { type: 'string', format: 'date' }, result: text(2000) },
        required: ['acceptedOn', 'result'],
      }),
    },
    { key: 'acceptanceReview', step: supervisorReview('监委会验收签字', '监督委员会参与验收并签字') },
    {
      key: 'resultDisclosure',
      step: publicNotice('项目建设和资金使用公开', 'result', param('resultPublicPeriod')),
    },
  ],
});

export const governmentProjectProcedure: ProcedureDefinition = {
  id: 'B2',
  version: 3,
  title: '财政投资村级项目',
  category: 'B',
  description: '财政资金投资的村级项目按县级规定申报、审批和招标，村级负责申报、配合实施和公开。',
  legalBasis: [
    { law: '县级财政投资村级项目管理办法', localPractice: true, note: '如长沙县 2019 年村级项目规定' },
  ],
  exemptions: [
    { requirement: 'vote', reason: '财政投资项目由县级部门审批，村级不作投资决策' },
    { requirement: 'tender', reason: '财政投资项目由县级部门按政府采购和招标投标规定组织招标' },
  ],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['虚报项目套取财政资金', '项目资金挪用', '验收不实'],
  },
  startRoles: ['secretary'],
  inputSchema: object({ title: text(100, 2), summary: text(5000), amount: yuan() }, ['title']),
  parameters: { projectPublicPeriod: PUBLIC_PERIOD.sevenDays, resultPublicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
