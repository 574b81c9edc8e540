import type { EventSpec } from '../types.js';
import { listOf, object, text, uuid } from './schema.js';
import { MEETING_EVENTS } from './meeting-events.js';

const count = () => ({ type: 'integer', minimum: 0, maximum: 100000 });

/**
 * Events of a 民主测评: convened and attended as any meeting; the paper ballots are counted by the counter
 * (计票人), subject by subject, and confirmed by a scrutineer (监票人); then the convener closes it and the
 * server computes the rates. Nobody casts an appraisal ballot online: who rated whom must not be traceable.
 */
export const APPRAISAL_EVENTS: Record<string, EventSpec> = {
  CONVENE_MEETING: MEETING_EVENTS.CONVENE_MEETING,
  RECORD_ATTENDANCE: MEETING_EVENTS.RECORD_ATTENDANCE,
  SIT_IN: MEETING_EVENTS.SIT_IN,
  RECORD_APPRAISAL_COUNT: {
    title: '登记测评计票结果',
    roles: ['villager', 'representative', 'party_member', 'member_representative'],
    payload: object(
      {
        /** Ballots handed back (收回的测评票); none may exceed those present. */
        ballotsReturned: count(),
        /** One line per subject on the ballot: the cadres and the three disclosures, as the server set them. */
        ratings: {
          ...listOf(
            object(
              {
                subject: text(80),
                satisfied: count(),
                basicallySatisfied: count(),
                dissatisfied: count(),
              },
              ['subject', 'satisfied', 'basicallySatisfied', 'dissatisfied'],
            ),
            60,
          ),
        },
        counter: uuid(),
        scrutineer: uuid(),
        tallySheet: listOf(uuid(), 20),
      },
      ['ballotsReturned', 'ratings', 'counter', 'scrutineer', 'tallySheet'],
    ),
  },
  CONFIRM_COUNT: MEETING_EVENTS.CONFIRM_COUNT,
  CLOSE_APPRAISAL: {
    title: '结束测评并计算满意率',
    roles: ['supervisor_chair'],
    payload: object({ minutes: text(20000) }),
    facts: ['appraisalOutcome'],
  },
};
