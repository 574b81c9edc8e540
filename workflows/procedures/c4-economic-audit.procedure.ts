import { compose } from '../compose/compose.js';
import { oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { publicNotice, record, supervisorReview } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'economicAudit',
  steps: [
    {
      key: 'audit',
      step: record('组织审计', '县级农业农村（财政）部门或乡镇组织审计', {
        event: 'RECORD_AUDIT',
        title: '登记审计报告',
        roles: ['township_officer'],
        fields: { reportNo: text(100), findings: text(20000) },
        required: ['reportNo', 'findings'],
      }),
    },
    {
      key: 'supervisorReview',
      step: supervisorReview('监委会参与审计并审核', '村务监督委员会参与审计，审核审计结果'),
    },
    {
      key: 'resultDisclosure',
      step: publicNotice(
        '审计结果公布',
        'result',
        param('publicPeriod'),
        '离任审计结果须在村民委员会换届选举前公布',
      ),
    },
  ],
});

export const economicAuditProcedure: ProcedureDefinition = {
  id: 'C4',
  version: 1,
  title: '任期和离任经济责任审计',
  category: 'C',
  description: '村民委员会成员任期和离任经济责任审计，审计结果公布；离任审计在换届选举前公布。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十五条' }],
  catalog: {
    responsible: '乡镇人民政府',
    responsibleRole: 'township_officer',
    riskPoints: ['审计范围不全，回避土地补偿、工程招标等事项', '审计结果不公布或换届后才公布'],
  },
  startRoles: ['township_officer'],
  inputSchema: matterInputs({ auditKind: oneOf(['term', 'departure']), subject: text(100) }, ['auditKind']),
  parameters: { publicPeriod: PUBLIC_PERIOD.sevenDays },
  outcomes,
  events,
  machine,
};
