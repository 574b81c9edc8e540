import type { EventSpec } from '../types.js';
import { object, oneOf, text } from './schema.js';

/** The supervision committee's objection: allowed at every step, it sends the matter back with a reason. */
export const objectionEvent = (stages: readonly string[]): EventSpec => ({
  title: '监督委员会提出异议并退回',
  roles: ['supervisor'],
  payload: object({ reason: text(2000), backTo: oneOf(stages) }, ['reason']),
});
