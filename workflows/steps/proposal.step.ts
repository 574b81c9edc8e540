import { flag, object, text } from '../events/schema.js';
import { allOf, factEquals, not, payloadEquals, remember } from '../fragments/refs.js';
import type { EventSpec, TransitionData } from '../types.js';
import type { Step } from '../compose/step.js';

export interface ProposalOptions {
  title: string;
  description: string;
  roles?: string[];
  /** Where the proposal may jump when the proposer also chairs the villagers' committee (一肩挑). */
  mergeInto?: string;
}

/** 动议: the topic is registered (at start) and the responsible cadre puts a plan forward, or drops it. */
export function proposalStep(options: ProposalOptions): Step {
  const roles = options.roles ?? ['secretary'];
  return ({ next, at }) => {
    const propose: TransitionData[] = options.mergeInto
      ? [
          {
            guard: allOf(payloadEquals('mergeWithDeliberation', true), factEquals('actorIsVcChair', true)),
            target: at(options.mergeInto),
            actions: [remember('proposal')],
            description: '书记兼任村委会主任时，党组织提议与“两委”商议可合并召开',
          },
          {
            guard: not(payloadEquals('mergeWithDeliberation', true)),
            target: next,
            actions: [remember('proposal')],
          },
        ]
      : [{ target: next, actions: [remember('proposal')] }];
    const proposeEvent: EventSpec = {
      title: '提出方案',
      roles,
      // Whoever proposes does not also approve or sign off the same matter.
      marks: ['proposal'],
      payload: object(
        { plan: text(20000), ...(options.mergeInto ? { mergeWithDeliberation: flag() } : {}) },
        ['plan'],
      ),
      ...(options.mergeInto ? { facts: ['actorIsVcChair'] } : {}),
    };
    return {
      node: {
        description: options.description,
        meta: { title: options.title },
        on: {
          PROPOSE_PLAN: propose,
          DROP_TOPIC: [{ target: at('dropped'), actions: [remember('dropped')] }],
        },
      },
      events: {
        PROPOSE_PLAN: proposeEvent,
        DROP_TOPIC: { title: '议题不予采纳', roles, payload: object({ reason: text(2000) }, ['reason']) },
      },
    };
  };
}
