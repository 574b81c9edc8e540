import type { Step } from '../compose/step.js';
import { MEETING_EVENTS } from '../events/meeting-events.js';
import { meetingStage, type BodySource, type RuleSetSource } from '../fragments/meeting-stage.js';

export interface MeetingStepOptions {
  title: string;
  description: string;
  body: BodySource;
  ruleSet: RuleSetSource;
  /** Where a lost vote may be revised from (default: the first step). */
  reviseTo: string;
  /** Where abandoning after a lost vote ends (`rejected` or `dropped`). */
  abandonTo: 'rejected' | 'dropped';
  /** Some decisions must be taken by secret ballot (票决制). */
  ballot?: 'secret';
  /** A vote the village holds but does not decide by: lost or passed, the matter goes on. */
  advisory?: boolean;
}

/** An advisory vote has no lost branch, so no events to revise or abandon after one. */
const ADVISORY_EVENTS = Object.fromEntries(
  Object.entries(MEETING_EVENTS).filter(([event]) => event !== 'REVISE_PLAN' && event !== 'ABANDON'),
);

/** A meeting with a vote; the server's tally decides whether the matter moves on. */
export function meetingStep(options: MeetingStepOptions): Step {
  return ({ next, at }) => ({
    node: meetingStage({
      title: options.title,
      description: options.description,
      body: options.body,
      ruleSet: options.ruleSet,
      ballot: options.ballot,
      advisory: options.advisory,
      onPassed: next,
      // An advisory vote has no lost branch: it neither returns nor ends the matter.
      onRevise: options.advisory ? '' : at(options.reviseTo),
      onAbandon: options.advisory ? '' : at(options.abandonTo),
    }),
    events: options.advisory ? ADVISORY_EVENTS : MEETING_EVENTS,
  });
}
