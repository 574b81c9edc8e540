import { compose } from '../compose/compose.js';
import { oneOf } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  deliberation,
  filing,
  proposal,
  publicNotice,
  resolution,
  supervisorReview,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'budget',
  steps: [
    { key: 'proposal', step: proposal('编制预算（决算）草案', '村民委员会或集体经济组织理事会编制') },
    { key: 'deliberation', step: deliberation() },
    { key: 'supervisorReview', step: supervisorReview('监委会审核草案', '民主理财小组审核草案') },
    {
      key: 'draftNotice',
      step: publicNotice(
        '报告提前公布',
        'draft',
        param('draftPublicPeriod'),
        '会议召开十日前将报告置备供成员查阅',
      ),
    },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: '成员（代表）大会或村民（代表）会议审议批准',
        body: { fromInput: 'decidingBody' },
        ruleSet: { fromInputs: ['decidingBody'], table: param('ruleSets') },
      }),
    },
    { key: 'filing', step: filing('报乡镇“三资”服务中心备案', '预算（决算）报乡镇备案') },
    {
      key: 'resultDisclosure',
      step: publicNotice('预算（决算）公开', 'result', param('resultPublicPeriod')),
    },
  ],
});

export const budgetProcedure: ProcedureDefinition = {
  id: 'C2',
  version: 5,
  title: '年度财务预算和决算',
  category: 'C',
  description:
    '年度预算、决算由村民委员会或集体经济组织编制，经成员（代表）大会或村民（代表）会议批准后备案公开。',
  legalBasis: [
    { law: '中华人民共和国农村集体经济组织法', version: '2024-06-28', article: '第二十六条、第四十六条' },
    { law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十四条' },
  ],
  catalog: {
    responsible: '村民委员会（集体经济组织）',
    responsibleRole: 'secretary',
    riskPoints: ['预算外支出', '决算不实、隐瞒收入', '未经批准调整预算'],
  },
  statutoryClass: 'budgetAndAccounts',
  startRoles: ['secretary'],
  inputSchema: matterInputs(
    {
      year: { type: 'integer', minimum: 2000, maximum: 2100 },
      decidingBody: oneOf(['collectiveMembers', 'representatives', 'villagers']),
    },
    ['year', 'decidingBody'],
  ),
  parameters: {
    ruleSets: {
      collectiveMembers: 'collective-assembly',
      representatives: 'collective-representative-assembly',
      villagers: 'collective-assembly',
    },
    draftPublicPeriod: { days: 10, unit: 'calendar' },
    resultPublicPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
