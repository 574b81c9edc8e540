import type { EventSpec } from '../types.js';
import { EMPTY_PAYLOAD, listOf, object, oneOf, text, uuid } from './schema.js';

export const CHANNELS = ['board', 'platform', 'wechat', 'sms', 'broadcast'];
export const CHANNEL_TITLES: Record<string, string> = {
  board: '村务公开栏',
  platform: '阳光村务平台',
  wechat: '村民微信群',
  sms: '短信',
  broadcast: '广播',
};
const ANSWERERS = ['secretary', 'committee_member'];
const answer = object({ objectionId: uuid(), reasons: text(5000) }, ['objectionId', 'reasons']);

/**
 * Events of a disclosure step (公开/公示): the draft with its attachments and channels, the supervisors'
 * opinion, villagers' objections (异议) and their answers, the end of the public period.
 */
export const DISCLOSURE_EVENTS: Record<string, EventSpec> = {
  SUBMIT_DISCLOSURE: {
    title: '提交公开内容',
    roles: ['secretary', 'committee_member'],
    payload: object(
      {
        title: text(200),
        body: text(20000),
        attachments: listOf(uuid(), 20),
        channels: listOf(oneOf(CHANNELS), CHANNELS.length),
      },
      ['title', 'body'],
    ),
  },
  GIVE_OPINION: {
    title: '监督委员会审核同意公开',
    roles: ['supervisor'],
    payload: object({ opinion: text(2000) }, ['opinion']),
    marks: ['supervisorSignOff'],
  },
  FILE_OBJECTION: {
    title: '对公示内容提出异议',
    roles: ['villager', 'representative', 'party_member'],
    payload: object({ content: text(5000), attachments: listOf(uuid(), 10) }, ['content']),
  },
  DISMISS_OBJECTION: {
    title: '异议不成立，说明理由',
    roles: ANSWERERS,
    payload: answer,
    facts: ['openObjections'],
  },
  UPHOLD_OBJECTION: {
    title: '异议成立，退回重新办理',
    roles: ANSWERERS,
    payload: answer,
  },
  REPUBLISH_DISCLOSURE: {
    title: '更正后重新公示',
    roles: ANSWERERS,
    payload: answer,
  },
  PUBLIC_PERIOD_ENDED: {
    title: '公示期满',
    roles: ['system'],
    payload: EMPTY_PAYLOAD,
    facts: ['openObjections'],
  },
};
