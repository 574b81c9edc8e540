import { compose } from '../compose/compose.js';
import { object, oneOf, text } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import {
  deliberation,
  filing,
  proposal,
  publicNotice,
  resolution,
  townshipDecision,
} from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD } from './shared-parameters.js';

const { machine, events, outcomes } = compose({
  machineId: 'villageRules',
  steps: [
    { key: 'proposal', step: proposal('起草村规民约（自治章程）', '村民委员会组织起草，广泛征求村民意见') },
    { key: 'deliberation', step: deliberation() },
    { key: 'draftNotice', step: publicNotice('草案公示征求意见', 'draft', param('draftPublicPeriod')) },
    {
      key: 'adoption',
      step: resolution({ title: '村民会议讨论通过', body: 'villagers', ruleSet: 'villager-meeting' }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('表决结果公布', 'resolution', param('resultPublicPeriod')),
    },
    {
      key: 'townshipReview',
      step: townshipDecision('报乡镇备案审查', '乡镇对违反法律法规或侵犯村民权利的内容责令改正', 'proposal'),
    },
    { key: 'filing', step: filing('乡镇备案', '备案登记') },
    { key: 'publication', step: publicNotice('备案后公布施行', 'result', param('publicationPeriod')) },
  ],
});

export const villageRulesProcedure: ProcedureDefinition = {
  id: 'A4',
  version: 5,
  title: '制定和修改村规民约、村民自治章程',
  category: 'A',
  description: '村规民约和自治章程由村民会议制定和修改，报乡镇备案；违法内容由乡镇责令改正。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第二十七条' }],
  catalog: {
    responsible: '村民委员会',
    responsibleRole: 'secretary',
    riskPoints: ['村规民约含有违反法律法规、侵犯村民人身权利的内容', '未经村民会议通过或未报乡镇备案'],
  },
  statutoryClass: 'villageRules',
  startRoles: ['secretary'],
  inputSchema: object(
    { title: text(100, 2), summary: text(5000), document: oneOf(['villageRules', 'charter']) },
    ['title', 'document'],
  ),
  parameters: {
    draftPublicPeriod: PUBLIC_PERIOD.sevenDays,
    resultPublicPeriod: PUBLIC_PERIOD.threeDays,
    publicationPeriod: PUBLIC_PERIOD.sevenDays,
  },
  outcomes,
  events,
  machine,
};
