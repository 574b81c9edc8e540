import type { Step } from '../compose/step.js';
import { EMPTY_PAYLOAD } from '../events/schema.js';
import { ref } from '../fragments/refs.js';
import type { EventSpec, ParamRef, TransitionData } from '../types.js';

export interface StepDeadline {
  /** What is owed by the deadline, e.g. 乡镇审核确认（10 个工作日内）. */
  title: string;
  /** `{ days, unit }` from the day the step is reached, counted like a public period. */
  period: ParamRef;
}

export const STEP_DEADLINE_EVENTS: Record<string, EventSpec> = {
  STEP_DEADLINE_PASSED: { title: '办理期限届满', roles: ['system'], payload: EMPTY_PAYLOAD },
};

/**
 * A time limit on a step (办理时限): reaching the step starts a durable timer and a duty owed by its end;
 * the step's own completion meets it; if the timer fires first, the duty is flagged overdue to the
 * township and the step stays open, since a late decision is still a decision. Leaving the step any other
 * way (an objection) cancels both.
 */
export function withDeadline(step: Step, deadline: StepDeadline): Step {
  return (context) => {
    const built = step(context);
    const on: Record<string, TransitionData[]> = {};
    for (const [event, transitions] of Object.entries(built.node.on ?? {})) {
      on[event] = transitions.map((transition) =>
        transition.target
          ? { ...transition, actions: [...(transition.actions ?? []), ref('meetDeadline')] }
          : transition,
      );
    }
    on.STEP_DEADLINE_PASSED = [{ actions: [ref('passDeadline')] }];
    return {
      node: {
        ...built.node,
        entry: [
          ...(built.node.entry ?? []),
          ref('startDeadline', { title: deadline.title, period: deadline.period }),
        ],
        on,
      },
      events: { ...built.events, ...STEP_DEADLINE_EVENTS },
    };
  };
}
