import { createHash } from 'node:crypto';
import { GENESIS_HASH } from '../../../src/engine/trace-chain.js';
import { CopyBuffer, type CopyValue } from './copy-text.js';
import type { TraceFields } from './trace-fields.js';

/** A trace row of a generated village before it has its place in the village's chain. */
export interface UnchainedTrace extends TraceFields {
  /** Breaks ties between rows at the same instant: the clone's number, then the template's sequence. */
  order: number;
}

export const TRACE_COLUMNS = [
  'village_id',
  'seq',
  'matter_id',
  'actor_person_id',
  'actor_role',
  'event_type',
  'payload',
  'payload_digest',
  'state_before',
  'state_after',
  'accepted',
  'refusal_code',
  'refusal_message',
  'at',
  'prev_hash',
  'hash',
];

export class ChainBuffers {
  readonly trace = new CopyBuffer('trace', TRACE_COLUMNS);
  readonly head = new CopyBuffer('trace_head', ['village_id', 'seq', 'hash']);
  readonly checkpoint = new CopyBuffer('chain_checkpoint', [
    'village_id',
    'day',
    'seq',
    'hash',
    'published_at',
  ]);
}

/**
 * The content `chainHash` (src/engine/trace-chain.ts) hashes, built directly: canonicalJson sorts the keys,
 * and an object literal with its keys already in that order serialises the same, without a replacer.
 * `chainVillage` checks this against chainHash itself on the first rows of every village.
 */
function chainContent(villageId: string, seq: number, row: UnchainedTrace, at: string): string {
  return JSON.stringify({
    accepted: row.accepted,
    actorPersonId: row.actorPersonId,
    actorRole: row.actorRole,
    at,
    eventType: row.eventType,
    matterId: row.matterId,
    payloadDigest: row.payloadDigest,
    refusalCode: row.refusalCode,
    refusalMessage: row.refusalMessage,
    seq,
    stateAfter: row.stateAfter,
    stateBefore: row.stateBefore,
    villageId,
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Asia/Shanghai has kept UTC+8 all year since 1991: a local day is the UTC day of the instant plus 8 h. */
const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const shanghaiDay = (ms: number): string =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
/** 00:00 in Shanghai of the day `now` falls on, in ms. */
export const startOfShanghaiDay = (now: Date): number =>
  Date.parse(`${shanghaiDay(now.getTime())}T00:00:00+08:00`);
const startOfNextShanghaiDay = (day: string): Date =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 24 * 3600_000 - SHANGHAI_OFFSET_MS);

export type HashCheck = (prevHash: string, villageId: string, seq: number, row: UnchainedTrace) => string;

/**
 * Orders a village's rows in time, numbers and hash-chains them from genesis, and writes the rows, the
 * chain head, and the head at the end of each past day with activity (the daily checkpoints the app
 * publishes), so that the app's own verification passes on the generated village.
 */
export function chainVillage(
  villageId: string,
  rows: UnchainedTrace[],
  startOfTodayMs: number,
  out: ChainBuffers,
  check: HashCheck,
): number {
  rows.sort((a, b) => a.atMs - b.atMs || a.order - b.order);
  let prevHash = GENESIS_HASH;
  let day = '';
  const dayEnds: { day: string; seq: number; hash: string }[] = [];
  rows.forEach((row, index) => {
    const seq = index + 1;
    const at = new Date(row.atMs).toISOString();
    const hash = sha256(`${prevHash}\n${chainContent(villageId, seq, row, at)}`);
    if (index < 3 && check(prevHash, villageId, seq, row) !== hash) {
      throw new Error('The generator hashes trace rows differently from src/engine/trace-chain.ts');
    }
    const values: CopyValue[] = [
      villageId,
      seq,
      row.matterId,
      row.actorPersonId,
      row.actorRole,
      row.eventType,
      row.payload,
      row.payloadDigest,
      row.stateBefore,
      row.stateAfter,
      row.accepted,
      row.refusalCode,
      row.refusalMessage,
      at,
      prevHash,
      hash,
    ];
    out.trace.add(values);
    const rowDay = shanghaiDay(row.atMs);
    if (rowDay !== day) dayEnds.push({ day: rowDay, seq, hash });
    else dayEnds[dayEnds.length - 1] = { day, seq, hash };
    day = rowDay;
    prevHash = hash;
  });
  for (const end of dayEnds) {
    if (startOfNextShanghaiDay(end.day).getTime() > startOfTodayMs) continue;
    out.checkpoint.add([
      villageId,
      end.day,
      end.seq,
      end.hash,
      startOfNextShanghaiDay(end.day).toISOString(),
    ]);
  }
  if (rows.length > 0) out.head.add([villageId, rows.length, prevHash]);
  return rows.length;
}
