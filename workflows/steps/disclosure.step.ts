import type { Step } from '../compose/step.js';
import { DISCLOSURE_EVENTS } from '../events/disclosure-events.js';
import { disclosureStage } from '../fragments/disclosure-stage.js';
import type { ParamRef } from '../types.js';

export interface DisclosureStepOptions {
  title: string;
  description: string;
  kind: string;
  period: ParamRef;
}

/** 公开/公示: drafted, reviewed by the supervision committee, public for its period. */
export function disclosureStep(options: DisclosureStepOptions): Step {
  return ({ next }) => ({
    node: disclosureStage({ ...options, onEnded: next }),
    events: DISCLOSURE_EVENTS,
  });
}
