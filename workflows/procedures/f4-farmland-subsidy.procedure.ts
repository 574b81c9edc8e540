import { compose } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { filing, payment, publicNotice, townshipDecision } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, amount, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'farmlandSubsidy',
  steps: [
    {
      key: 'registerNotice',
      step: publicNotice(
        '补贴清册公示',
        'resolution',
        param('noticePeriod'),
        '村级编制清册（姓名、面积、金额、社保卡号）并公示',
      ),
    },
    {
      key: 'townshipVerification',
      step: townshipDecision('乡镇核实签字', '乡镇核实清册并签字', 'registerNotice'),
    },
    { key: 'countyAggregation', step: filing('县级汇总', '县级部门汇总审核') },
    { key: 'payment', step: payment('通过“一卡通”发放', ['township_officer']) },
  ],
});

export const farmlandSubsidyProcedure: ProcedureDefinition = {
  id: 'F4',
  version: 2,
  title: '耕地地力保护补贴',
  category: 'F',
  description: '村级编制补贴清册并公示不少于 5 个工作日，乡镇核实，县级汇总，通过“一卡通”发放到户。',
  legalBasis: [{ law: '耕地地力保护补贴实施方案', localPractice: true, note: '各地县级方案' }],
  catalog: {
    responsible: '村民委员会（协助）',
    responsibleRole: 'committee_member',
    riskPoints: ['虚报面积、冒领补贴', '清册未公示或公示期不足'],
  },
  startRoles: ['committee_member', 'secretary'],
  inputSchema: matterInputs(
    {
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      households: { type: 'integer', minimum: 1 },
      total: amount(),
    },
    ['year'],
  ),
  parameters: { noticePeriod: PUBLIC_PERIOD.fiveWorkingDays },
  outcomes,
  events,
  machine,
};
