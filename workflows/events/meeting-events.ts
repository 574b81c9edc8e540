import type { EventSpec } from '../types.js';
import { isoDate, listOf, object, oneOf, text, uuid } from './schema.js';

/** Events of a meeting step: convene, attendance, ballots, observers, closing the vote. */

const CONVENERS = ['secretary', 'vc_chair'];
const RECORDERS = ['secretary', 'committee_member'];
const VOTERS = ['secretary', 'committee_member', 'party_member', 'representative', 'villager'];

export const MEETING_EVENTS: Record<string, EventSpec> = {
  CONVENE_MEETING: {
    title: '召集会议',
    roles: CONVENERS,
    payload: object(
      {
        heldOn: isoDate(),
        noticeGivenOn: isoDate(),
        ballot: oneOf(['open', 'secret']),
        place: text(100),
        agenda: text(2000),
      },
      ['heldOn', 'ballot'],
    ),
  },
  RECORD_ATTENDANCE: {
    title: '登记到会情况',
    roles: RECORDERS,
    payload: object({ present: listOf(uuid(), 5000), absent: listOf(uuid(), 5000) }),
  },
  SIT_IN: {
    title: '列席会议',
    roles: ['supervisor', 'township_officer'],
    payload: object({ note: text(2000) }),
  },
  CAST_BALLOT: {
    title: '投票',
    roles: VOTERS,
    payload: object({ choice: oneOf(['yes', 'no', 'abstain']) }, ['choice']),
    secretFields: ['choice'],
  },
  RECORD_BALLOT: {
    title: '登记举手表决',
    roles: RECORDERS,
    payload: object({ personId: uuid(), choice: oneOf(['yes', 'no', 'abstain']) }, ['personId', 'choice']),
  },
  CLOSE_VOTE: {
    title: '结束表决并计票',
    roles: CONVENERS,
    payload: object({ minutes: text(20000) }),
    facts: ['tally'],
  },
  REVISE_PLAN: {
    title: '修改方案后重新提议',
    roles: ['secretary'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
  ABANDON: {
    title: '终止事项',
    roles: ['secretary'],
    payload: object({ reason: text(2000) }, ['reason']),
  },
};
