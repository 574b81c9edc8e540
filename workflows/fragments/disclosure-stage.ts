import type { ParamRef, StateNodeData, TransitionData } from '../types.js';
import { ref } from './refs.js';

export interface DisclosureStageOptions {
  title: string;
  description: string;
  /** What is disclosed, e.g. `resolution` or `result`. */
  kind: string;
  /** The public period: `{ days, unit }` with unit `calendar` or `working`. */
  period: ParamRef;
  onEnded: string;
  /** Where an upheld objection sends the matter for rework (default: a new draft of this disclosure). */
  onUpheld?: string;
}

const noOpenObjections = ref('factEquals', { fact: 'openObjections', value: 0 });
const lastOpenObjection = ref('factAtMost', { fact: 'openObjections', value: 1 });

/**
 * A disclosure (公开): drafted by the village committee, reviewed by the supervision committee before
 * publication, then public for its period; a durable timer ends the period. A villager's objection (异议)
 * holds the step until it is answered: dismissed with reasons, upheld (back for rework), or corrected and
 * published again.
 */
export function disclosureStage(options: DisclosureStageOptions): StateNodeData {
  const { title, kind } = options;
  const answer = (outcome: string) => ref('answerObjection', { kind, outcome });
  const end = ref('endDisclosure', { kind });
  const rework: Record<string, TransitionData[]> = {
    UPHOLD_OBJECTION: [{ target: options.onUpheld ?? 'drafting', actions: [answer('upheld')] }],
    REPUBLISH_DISCLOSURE: [{ target: 'drafting', actions: [answer('republished')] }],
  };
  return {
    description: options.description,
    meta: { title },
    initial: 'drafting',
    states: {
      drafting: {
        meta: { title: `${title}：拟定公开内容` },
        entry: [ref('expectDisclosure', { kind })],
        on: {
          SUBMIT_DISCLOSURE: [{ target: 'awaitingOpinion', actions: [ref('draftDisclosure', { kind })] }],
        },
      },
      awaitingOpinion: {
        meta: { title: `${title}：监督委员会审核` },
        on: {
          GIVE_OPINION: [
            { target: 'public', actions: [ref('publishDisclosure', { kind, period: options.period })] },
          ],
        },
      },
      public: {
        meta: { title: `${title}：公示中` },
        on: {
          FILE_OBJECTION: [{ actions: [ref('fileObjection', { kind })] }],
          DISMISS_OBJECTION: [{ actions: [answer('dismissed')] }],
          ...rework,
          PUBLIC_PERIOD_ENDED: [
            { guard: noOpenObjections, target: options.onEnded, actions: [end] },
            { target: 'objectionsPending', actions: [ref('holdDisclosure', { kind })] },
          ],
        },
      },
      objectionsPending: {
        meta: { title: `${title}：公示期满，异议待答复` },
        on: {
          DISMISS_OBJECTION: [
            { guard: lastOpenObjection, target: options.onEnded, actions: [answer('dismissed'), end] },
            { actions: [answer('dismissed')] },
          ],
          ...rework,
        },
      },
    },
  };
}
