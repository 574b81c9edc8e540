import type { EventSpec } from '../types.js';
import { isoDate, listOf, object, oneOf, text, uuid } from './schema.js';

/** Events of a meeting step: convene, attendance, ballots, observers, closing the vote. */

const CONVENERS = ['secretary', 'vc_chair'];
const RECORDERS = ['secretary', 'committee_member'];
const VOTERS = [
  'secretary',
  'committee_member',
  'party_member',
  'representative',
  'villager',
  'member_representative',
];
/** Who may confirm a count as scrutineer (监票人): anyone on a roster, or a supervisor; never in a cadre's role. */
const SCRUTINEERS = ['villager', 'representative', 'party_member', 'member_representative', 'supervisor'];
const count = () => ({ type: 'integer', minimum: 0, maximum: 100000 });
const files = () => listOf(uuid(), 20);

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
        // Which villager group (村民小组) meets, when the body is a group meeting.
        villagerGroup: text(50),
      },
      ['heldOn', 'ballot'],
    ),
  },
  RECORD_ATTENDANCE: {
    title: '登记到会情况',
    roles: RECORDERS,
    // One of three ways, as the sign-in list (签到表) was kept: by person (in person, online or by proxy
    // where the body allows it), by household (one signer for each household), or its counts; the
    // scanned list goes with the last two.
    payload: object({
      present: listOf(uuid(), 5000),
      absent: listOf(uuid(), 5000),
      presentRemotely: listOf(uuid(), 5000),
      remoteAllowedBy: text(200),
      // The member assembly: members present by a written proxy (委托书) carried by a member of their
      // household who is there, and the scanned letters (农村集体经济组织法 第二十七条).
      presentByProxy: listOf(uuid(), 5000),
      proxyLetters: files(),
      households: listOf(uuid(), 5000),
      presentCount: count(),
      householdsPresentCount: count(),
      signInSheet: files(),
    }),
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
  RECORD_COUNT: {
    title: '登记计票结果',
    roles: [...RECORDERS, 'villager', 'representative', 'party_member', 'member_representative'],
    // A show of hands counted by the clerk, or paper ballots counted by the counter (计票人), who then
    // needs a scrutineer (监票人) to confirm: the tally sheet goes with it.
    payload: object(
      {
        yes: count(),
        no: count(),
        abstain: count(),
        counter: uuid(),
        scrutineer: uuid(),
        tallySheet: files(),
      },
      ['yes', 'no', 'abstain', 'counter', 'scrutineer'],
    ),
  },
  CONFIRM_COUNT: {
    title: '监票人确认计票结果',
    roles: SCRUTINEERS,
    payload: object({ note: text(2000) }),
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
