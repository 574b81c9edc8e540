import type { StepEntry } from '../compose/compose.js';
import { param } from '../fragments/refs.js';
import { withDeadline } from '../steps/deadline.js';
import { acceptApplication, publicNotice, resolution, survey, townshipDecision } from '../steps/presets.js';

/**
 * Assistance the township decides and the village assists: accept, survey, appraise, post, decide within
 * the item's `decisionPeriod`.
 */
export function assistanceSteps(options: {
  investigators: number;
  appraisal: boolean;
  decisionTitle: string;
}): StepEntry[] {
  return [
    { key: 'acceptance', step: acceptApplication('受理申请', '村民委员会协助受理申请，也可直接向乡镇申请') },
    { key: 'survey', step: survey('入户调查', options.investigators) },
    ...(options.appraisal
      ? [
          {
            key: 'appraisal',
            step: resolution({
              title: '民主评议',
              description: '村民代表会议民主评议',
              body: 'representatives',
              ruleSet: 'representative-meeting',
              reviseTo: 'survey',
              abandonTo: 'rejected',
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
