import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { archive, supervisorReview } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'villageArchives',
  steps: [
    { key: 'review', step: supervisorReview('监委会审核归档材料', '核对材料是否齐全、真实') },
    { key: 'archive', step: archive() },
  ],
});

export const villageArchivesProcedure: ProcedureDefinition = {
  id: 'H5',
  version: 1,
  title: '村务档案管理',
  category: 'H',
  description: '选举文件、会议记录、承包方案和合同、财务账目、资产登记等由村民委员会和监委会立卷归档。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十四条' }],
  exemptions: [{ requirement: 'disclosure', reason: '档案按规定供村民查阅，不另行公示' }],
  catalog: {
    responsible: '村民委员会、村务监督委员会',
    responsibleRole: 'committee_member',
    riskPoints: ['档案缺失、篡改、销毁'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs(
    {
      series: oneOf([
        'election',
        'minutes',
        'contracts',
        'accounts',
        'assets',
        'construction',
        'homestead',
        'compensation',
      ]),
    },
    ['series'],
  ),
  parameters: {},
  outcomes,
  events,
  machine,
};
