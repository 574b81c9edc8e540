import type { JsonObject, StateNodeData } from '../types.js';
import { factEquals, ref } from './refs.js';
import { convening, type BodySource, type RuleSetSource } from './meeting-stage.js';

export interface AppraisalStageOptions {
  title: string;
  description: string;
  body: BodySource;
  ruleSet: RuleSetSource;
  /** The share of 不满意 (percent) at which a cadre is rated 不称职: a parameter reference or a number. */
  incompetentPercent: JsonObject | number;
  onCounted: string;
}

/**
 * A 民主测评: convened on paper ballots (the subjects fixed by the server from the register on the day),
 * attended, counted subject by subject and confirmed, then closed. Without a quorum it is convened again;
 * with one the rates are recorded and the matter goes on, whatever they are.
 */
export function appraisalStage(options: AppraisalStageOptions): StateNodeData {
  const { title } = options;
  const close = ref('closeAppraisal', { incompetentPercent: options.incompetentPercent as JsonObject });
  return {
    description: options.description,
    meta: { title },
    initial: 'convening',
    states: {
      convening: convening(title, { ...options, ballot: 'secret' }, [ref('openAppraisal')]),
      inSession: {
        meta: { title: `${title}：测评` },
        on: {
          RECORD_ATTENDANCE: [{ actions: [ref('recordAttendance')] }],
          SIT_IN: [{ actions: [ref('recordSitIn')] }],
          RECORD_APPRAISAL_COUNT: [{ actions: [ref('recordAppraisalCount')] }],
          CONFIRM_COUNT: [{ actions: [ref('confirmCount')] }],
          CLOSE_APPRAISAL: [
            {
              guard: factEquals('appraisalOutcome', 'counted'),
              target: options.onCounted,
              actions: [close],
            },
            { guard: factEquals('appraisalOutcome', 'noQuorum'), target: 'convening', actions: [close] },
          ],
        },
      },
    },
  };
}
