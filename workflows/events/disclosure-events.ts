import type { EventSpec } from '../types.js';
import { EMPTY_PAYLOAD, object, text } from './schema.js';

/** Events of a disclosure step (公开/公示): draft, the supervisors' opinion, the end of the public period. */
export const DISCLOSURE_EVENTS: Record<string, EventSpec> = {
  SUBMIT_DISCLOSURE: {
    title: '提交公开内容',
    roles: ['secretary', 'committee_member'],
    payload: object({ title: text(200), body: text(20000) }, ['title', 'body']),
  },
  GIVE_OPINION: {
    title: '监督委员会审核同意公开',
    roles: ['supervisor'],
    payload: object({ opinion: text(2000) }, ['opinion']),
    marks: ['supervisorSignOff'],
  },
  PUBLIC_PERIOD_ENDED: {
    title: '公示期满',
    roles: ['system'],
    payload: EMPTY_PAYLOAD,
  },
};
