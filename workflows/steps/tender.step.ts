import type { Step } from '../compose/step.js';
import { isoDate, object, text, yuan } from '../events/schema.js';
import { remember } from '../fragments/refs.js';

const TOWNSHIP = ['township_officer'];

/**
 * A public tender through the township trading centre (三资交易中心): it reviews the plan and bidders,
 * publishes the notice and runs the bidding; a failed tender is re-published.
 */
export function tenderStep(options: { title: string; description: string }): Step {
  return ({ next }) => ({
    node: {
      description: options.description,
      meta: { title: options.title },
      initial: 'awaitingNotice',
      states: {
        awaitingNotice: {
          meta: { title: `${options.title}：发布公告` },
          on: { PUBLISH_TENDER_NOTICE: [{ target: 'bidding', actions: [remember('tenderNotice')] }] },
        },
        bidding: {
          meta: { title: `${options.title}：开标评标` },
          on: {
            AWARD_TENDER: [{ target: next, actions: [remember('tenderAward')] }],
            TENDER_FAILED: [{ target: 'awaitingNotice', actions: [remember('tenderFailed')] }],
          },
        },
      },
    },
    events: {
      PUBLISH_TENDER_NOTICE: {
        title: '交易中心发布招标（竞价）公告',
        roles: TOWNSHIP,
        payload: object({ noticeNo: text(100), closesOn: isoDate(), channel: text(200) }, [
          'noticeNo',
          'closesOn',
        ]),
        marks: ['townshipApproval'],
      },
      AWARD_TENDER: {
        title: '确定中标（成交）人',
        roles: TOWNSHIP,
        payload: object(
          {
            winner: text(200),
            amount: yuan(),
            bidders: { type: 'integer', minimum: 1 },
          },
          ['winner', 'amount', 'bidders'],
        ),
        marks: ['tenderAward'],
      },
      TENDER_FAILED: {
        title: '流标，重新组织',
        roles: TOWNSHIP,
        payload: object({ reason: text(2000) }, ['reason']),
      },
    },
  });
}
