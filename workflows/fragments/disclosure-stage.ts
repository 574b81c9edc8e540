import type { ParamRef, StateNodeData } from '../types.js';
import { ref } from './refs.js';

export interface DisclosureStageOptions {
  title: string;
  description: string;
  /** What is disclosed, e.g. `resolution` or `result`. */
  kind: string;
  /** The public period: `{ days, unit }` with unit `calendar` or `working`. */
  period: ParamRef;
  onEnded: string;
}

/**
 * A disclosure (公开): drafted by the village committee, reviewed by the supervision committee before
 * publication, then public for its period; a durable timer ends the period.
 */
export function disclosureStage(options: DisclosureStageOptions): StateNodeData {
  const { title, kind } = options;
  return {
    description: options.description,
    meta: { title },
    initial: 'drafting',
    states: {
      drafting: {
        meta: { title: `${title}：拟定公开内容` },
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
        on: { PUBLIC_PERIOD_ENDED: [{ target: options.onEnded, actions: [ref('endDisclosure', { kind })] }] },
      },
    },
  };
}
