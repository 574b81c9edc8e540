/**
 * A trace row's own content, the same in a template matter and in each clone of it: everything but its
 * place in a village's chain (village, seq, hashes), which the chainer gives it.
 */
export interface TraceFields {
  atMs: number;
  matterId: string | null;
  actorPersonId: string | null;
  actorRole: string | null;
  eventType: string;
  payload: string;
  payloadDigest: string;
  stateBefore: string | null;
  stateAfter: string | null;
  accepted: boolean;
  refusalCode: string | null;
  refusalMessage: string | null;
}
