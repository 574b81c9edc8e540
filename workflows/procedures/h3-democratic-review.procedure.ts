import { INCOMPETENT_PERCENT_DEFAULT } from '../catalog/appraisal-rules.js';
import { compose } from '../compose/compose.js';
import { isoDate } from '../events/schema.js';
import { param } from '../fragments/refs.js';
import { appraisalStep } from '../steps/appraisal.step.js';
import { publicNotice } from '../steps/presets.js';
import type { ProcedureDefinition } from '../types.js';
import { PUBLIC_PERIOD, matterInputs } from './shared-parameters.js';

/**
 * 三述一评: the cadres' 述职、述廉、述责 reports are published first; then party members and the villagers'
 * representatives rate each cadre and the three disclosures on paper ballots (民主测评); the rates the
 * server counts, and who is rated 不称职, are published.
 */
const { machine, events, outcomes } = compose({
  machineId: 'democraticReview',
  steps: [
    {
      key: 'reports',
      step: publicNotice(
        '述职述廉述责报告公开',
        'draft',
        param('reportPeriod'),
        '村“两委”成员的述职、述廉、述责报告公开，供村民在测评前阅读',
      ),
    },
    {
      key: 'appraisal',
      step: appraisalStep({
        title: '民主测评',
        description:
          '村务监督委员会主持，党员和村民代表对村“两委”成员逐人测评，并对党务、村务、财务公开测评（满意、基本满意、不满意）',
        body: 'appraisalAssembly',
        ruleSet: 'democratic-appraisal',
        incompetentPercent: param('incompetentPercent'),
      }),
    },
    {
      key: 'resultDisclosure',
      step: publicNotice('测评结果公布', 'result', param('publicPeriod'), '连续两次评议不称职的，其职务终止'),
    },
  ],
});

export const democraticReviewProcedure: ProcedureDefinition = {
  id: 'H3',
  version: 5,
  title: '民主评议村干部',
  category: 'H',
  description:
    '每年至少一次，由村务监督委员会主持：先公开述职述廉述责报告，再由党员和村民代表无记名测评，服务器计算满意率并公布；连续两次不称职的职务终止。',
  legalBasis: [{ law: '中华人民共和国村民委员会组织法', version: '2018-12-29', article: '第三十三条' }],
  catalog: {
    responsible: '村务监督委员会',
    responsibleRole: 'supervisor_chair',
    riskPoints: ['评议走过场、结果不公布', '不称职结果不处理', '测评票记名或计票不公开'],
  },
  startRoles: ['supervisor_chair'],
  inputSchema: matterInputs({ reviewDate: isoDate() }, []),
  parameters: {
    reportPeriod: PUBLIC_PERIOD.threeDays,
    publicPeriod: PUBLIC_PERIOD.sevenDays,
    incompetentPercent: INCOMPETENT_PERCENT_DEFAULT,
  },
  outcomes,
  events,
  machine,
};
