import type { JsonObject, NamedRef, ParamRef, StateNodeData } from '../types.js';
import { ref, remember } from './refs.js';

/** Where a meeting's roster and rule set come from: fixed, a parameter, or chosen by the matter's inputs. */
export type BodySource = string | { fromInput: string };
export type RuleSetSource = string | ParamRef | { fromInputs: string[]; table: ParamRef | JsonObject };

export interface MeetingStageOptions {
  title: string;
  description: string;
  body: BodySource;
  ruleSet: RuleSetSource;
  ballot?: 'secret';
  onPassed: string;
  onRevise: string;
  onAbandon: string;
  /**
   * An advisory vote (民主评议 of an application the township decides): a lost vote is recorded and the
   * matter goes on to the same step as a passed one, since the village may not end it.
   */
  advisory?: boolean;
}

/**
 * A meeting with a vote: convene (roster fixed from memberships on the meeting date), record attendance
 * and ballots, close the vote. The server computes the tally; the outcome picks the transition.
 * No quorum sends the meeting back to be convened again; a lost vote waits for revise or abandon.
 */
export function meetingStage(options: MeetingStageOptions): StateNodeData {
  const { title } = options;
  const closeMeeting = ref('closeMeeting');
  return {
    description: options.description,
    meta: { title },
    initial: 'convening',
    states: {
      convening: convening(title, options),
      inSession: {
        meta: { title: `${title}：表决` },
        on: {
          RECORD_ATTENDANCE: [{ actions: [ref('recordAttendance')] }],
          SIT_IN: [{ actions: [ref('recordSitIn')] }],
          CAST_BALLOT: [{ actions: [ref('castBallot')] }],
          RECORD_BALLOT: [{ actions: [ref('recordBallot')] }],
          RECORD_COUNT: [{ actions: [ref('recordCount')] }],
          CONFIRM_COUNT: [{ actions: [ref('confirmCount')] }],
          CLOSE_VOTE: [
            {
              guard: ref('voteOutcomeIs', { outcome: 'passed' }),
              target: options.onPassed,
              actions: [closeMeeting],
            },
            {
              guard: ref('voteOutcomeIs', { outcome: 'noQuorum' }),
              target: 'convening',
              actions: [closeMeeting],
            },
            {
              guard: ref('voteOutcomeIs', { outcome: 'lost' }),
              target: options.advisory ? options.onPassed : 'voteLost',
              actions: [closeMeeting],
            },
          ],
        },
      },
      ...(options.advisory ? {} : { voteLost: voteLost(options) }),
    },
  };
}

/**
 * Convening a meeting: its roster fixed from the registers on the meeting date, its rule set chosen; the
 * actions after `openMeeting` set up what the meeting is for (an appraisal's ballot).
 */
export function convening(
  title: string,
  options: Pick<MeetingStageOptions, 'body' | 'ruleSet' | 'ballot'>,
  then: NamedRef[] = [],
): StateNodeData {
  return {
    meta: { title: `${title}：召集` },
    on: {
      CONVENE_MEETING: [
        {
          target: 'inSession',
          actions: [
            ref('openMeeting', {
              body: options.body as unknown as JsonObject,
              ruleSet: options.ruleSet as unknown as JsonObject,
              ...(options.ballot ? { ballot: options.ballot } : {}),
            }),
            ...then,
          ],
        },
      ],
    },
  };
}

function voteLost(options: MeetingStageOptions): StateNodeData {
  return {
    meta: { title: `${options.title}：未通过` },
    on: {
      REVISE_PLAN: [{ target: options.onRevise, actions: [remember('lastRevision')] }],
      ABANDON: [{ target: options.onAbandon, actions: [remember('abandoned')] }],
    },
  };
}
