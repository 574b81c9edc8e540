import type { TransitionData } from '../types.js';
import { allOf, anyOf, payloadEquals, ref, remember, stateId } from './refs.js';

export interface EarlierStep {
  key: string;
  /** A step only on some routes can be returned to only on those routes. */
  onRoutes?: string[];
}

/**
 * The supervisors' objection (异议) at a step: without `backTo` it restarts the step (a meeting is
 * re-held, a disclosure re-drafted); with `backTo` naming an earlier step it sends the matter there.
 */
export function objectionTransitions(
  machineId: string,
  step: string,
  earlierSteps: readonly EarlierStep[],
  restartChild: string | null,
): TransitionData[] {
  const keep = remember('lastObjection');
  const backToEarlier = earlierSteps.map((earlier): TransitionData => ({
    guard: earlier.onRoutes
      ? allOf(payloadEquals('backTo', earlier.key), ref('routeIs', { routes: earlier.onRoutes }))
      : payloadEquals('backTo', earlier.key),
    target: stateId(machineId, earlier.key),
    actions: [keep],
  }));
  const restartHere: TransitionData = {
    guard: anyOf(ref('payloadAbsent', { field: 'backTo' }), payloadEquals('backTo', step)),
    actions: [keep],
    ...(restartChild ? { target: `.${restartChild}` } : {}),
  };
  return [...backToEarlier, restartHere];
}
