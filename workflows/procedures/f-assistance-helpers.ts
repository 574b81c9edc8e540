import type { StepEntry } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { withDeadline } from '../steps/deadline.js';
import { assistApplication, publicNotice, resolution, survey, townshipDecision } from '../steps/presets.js';

/**
 * Assistance the township decides and the village assists: accept (asking for missing materials, never
 * refusing), survey, appraise (advisory: the result goes up either way), post, and the township decides
 * within the item's `decisionPeriod`.
 */
export function assistanceSteps(options: {
  investigators: number;
  appraisal: boolean;
  decisionTitle: string;
}): StepEntry[] {
  return [
    {
      key: 'acceptance',
      step: assistApplication(
        '受理申请',
        '村民委员会协助受理申请，材料不全的一次性告知补齐；也可直接向乡镇申请',
      ),
    },
    { key: 'survey', step: survey('入户调查', options.investigators) },
    ...(options.appraisal
      ? [
          {
            key: 'appraisal',
            step: resolution({
              title: '民主评议',
              description: '村民代表会议民主评议，评议结果随材料报乡镇',
              body: 'representatives',
              ruleSet: 'representative-meeting',
              reviseTo: 'survey',
              abandonTo: 'rejected',
              advisory: true,
            }),
          },
        ]
      : []),
    { key: 'villageNotice', step: publicNotice('在申请人所在村公示', 'resolution', param('noticePeriod')) },
    {
      key: 'townshipDecision',
      step: withDeadline(
        townshipDecision(options.decisionTitle, '乡镇人民政府审核确认；不予确认的书面告知理由'),
        { title: `${options.decisionTitle}（办理时限）`, period: param('decisionPeriod') },
      ),
    },
  ];
}
