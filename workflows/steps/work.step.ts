import type { Step } from '../compose/step.js';
import { object, text } from '../events/schema.js';
import { remember } from '../fragments/refs.js';

export interface WorkStepOptions {
  title: string;
  description: string;
  roles?: string[];
  completeTitle?: string;
}

/** Carrying out a decision: progress is recorded as it happens; completion moves the matter on. */
export function workStep(options: WorkStepOptions): Step {
  const roles = options.roles ?? ['secretary', 'committee_member'];
  return ({ next }) => ({
    node: {
      description: options.description,
      meta: { title: options.title },
      on: {
        REPORT_PROGRESS: [{ actions: [remember('lastProgress')] }],
        COMPLETE_IMPLEMENTATION: [{ target: next, actions: [remember('implementation')] }],
      },
    },
    events: {
      REPORT_PROGRESS: { title: '登记实施进展', roles, payload: object({ note: text(5000) }, ['note']) },
      COMPLETE_IMPLEMENTATION: {
        title: options.completeTitle ?? '实施完毕',
        roles,
        payload: object({ summary: text(5000) }, ['summary']),
      },
    },
  });
}
