import type { TransitionData } from '../types.js';
import { anyOf, payloadEquals, ref, remember, stateId } from './refs.js';

/**
 * The supervisors' objection (异议) at a stage: without `backTo` it restarts the stage (a meeting is
 * re-held, a disclosure re-drafted); with `backTo` naming an earlier stage it sends the matter there.
 */
export function objectionTransitions(
  machineId: string,
  stage: string,
  earlierStages: readonly string[],
  restartChild: string | null,
): TransitionData[] {
  const keep = remember('lastObjection');
  const backToEarlier = earlierStages.map((earlier): TransitionData => ({
    guard: payloadEquals('backTo', earlier),
    target: stateId(machineId, earlier),
    actions: [keep],
  }));
  const restartHere: TransitionData = {
    guard: anyOf(ref('payloadAbsent', { field: 'backTo' }), payloadEquals('backTo', stage)),
    actions: [keep],
    ...(restartChild ? { target: `.${restartChild}` } : {}),
  };
  return [...backToEarlier, restartHere];
}
