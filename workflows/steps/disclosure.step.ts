import type { Step } from '../compose/step.js';
import { DISCLOSURE_EVENTS } from '../events/disclosure-events.js';
import { disclosureStage } from '../fragments/disclosure-stage.js';
import type { ParamRef } from '../types.js';

export interface DisclosureStepOptions {
  title: string;
  description: string;
  kind: string;
  period: ParamRef;
  /** The step an upheld objection sends the matter back to (default: the step before this one). */
  reworkTo?: string;
}

/** 公开/公示: drafted, reviewed by the supervision committee, public for its period. */
export function disclosureStep(options: DisclosureStepOptions): Step {
  return ({ next, previous, at }) => ({
    node: disclosureStage({
      ...options,
      onEnded: next,
      onUpheld: options.reworkTo ? at(options.reworkTo) : previous,
    }),
    events: DISCLOSURE_EVENTS,
  });
}
