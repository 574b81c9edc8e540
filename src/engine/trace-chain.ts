import { canonicalJson, sha256 } from '../common/canonical-json.js';
import type { TraceEntity } from './trace.entity.js';

/** The hash before a village's first trace row. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<TraceEntity, 'hash' | 'prevHash' | 'payload'>;

/** A row's hash covers every field that states what happened, plus the previous row's hash. */
export function chainHash(prevHash: string, row: ChainedFields): string {
  const content = canonicalJson({
    villageId: row.villageId,
    seq: row.seq,
    matterId: row.matterId,
    actorPersonId: row.actorPersonId,
    actorRole: row.actorRole,
    eventType: row.eventType,
    payloadDigest: row.payloadDigest,
    stateBefore: row.stateBefore,
    stateAfter: row.stateAfter,
    accepted: row.accepted,
    refusalCode: row.refusalCode,
    refusalMessage: row.refusalMessage,
    at: row.at.toISOString(),
  });
  return sha256(`${prevHash}\n${content}`);
}

export interface BrokenLink {
  seq: number;
  reason:
    | 'missing-row'
    | 'prev-hash-mismatch'
    | 'payload-digest-mismatch'
    | 'hash-mismatch'
    | 'head-mismatch'
    | 'checkpoint-mismatch';
  expected: string;
  found: string;
  /**
   * For a checkpoint mismatch: the chain was recomputed after a rewrite, so the changed row lies after
   * this sequence number (the last published head that still matches) and at or before `seq`.
   */
  after?: number;
}
