import type { Step } from '../compose/step.js';
import { APPRAISAL_EVENTS } from '../events/appraisal-events.js';
import { appraisalStage, type AppraisalStageOptions } from '../fragments/appraisal-stage.js';

/** A 民主测评 step: the server counts the rates; the matter goes on once they are counted. */
export function appraisalStep(options: Omit<AppraisalStageOptions, 'onCounted'>): Step {
  return ({ next }) => ({ node: appraisalStage({ ...options, onCounted: next }), events: APPRAISAL_EVENTS });
}
