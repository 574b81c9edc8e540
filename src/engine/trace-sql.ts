import { joinWrites, shiftParams, type SqlWrites } from '../common/sql-query.js';
import type { TraceEntity } from './trace.entity.js';

/**
 * The trace's statements on the engine's hot path, as plain SQL: every event runs them, and the
 * raw-SQL benchmark (`npm run bench:events`) issues these same texts without the framework.
 */
export const LOCK_HEAD_SQL = `SELECT seq, hash FROM trace_head WHERE village_id = $1 FOR UPDATE`;

const APPEND = `appended AS (
       INSERT INTO trace (village_id, seq, matter_id, actor_person_id, actor_role, event_type, payload,
                          payload_digest, state_before, state_after, accepted, refusal_code,
                          refusal_message, at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       RETURNING village_id, seq, hash)
     UPDATE trace_head SET seq = appended.seq, hash = appended.hash
       FROM appended WHERE trace_head.village_id = appended.village_id`;

const APPEND_ALONE = `WITH ${APPEND}`;

/** The statement's text per combination of writes alongside (a few: the progress, with the states left or not). */
const textsWith = new Map<string, string>();

/**
 * Appends a row and moves the village's chain head to it, in one statement; `alongside`, writes of the
 * event's own (its matter's progress, the rows of the states it left) go in the same statement: one round
 * trip for all of them. The joined text is built once per combination, not at every event.
 */
export function appendTraceStatement(
  row: TraceEntity,
  alongside: readonly SqlWrites[] = [],
): [string, unknown[]] {
  const params = appendParams(row);
  if (alongside.length === 0) return [APPEND_ALONE, params];
  const values = alongside.flatMap((write) => write.params);
  const key = alongside.map((write) => write.ctes).join('\n');
  let text = textsWith.get(key);
  if (!text) {
    text = `WITH ${joinWrites(alongside).ctes}, ${shiftParams(APPEND, values.length)}`;
    textsWith.set(key, text);
  }
  return [text, [...values, ...params]];
}

function appendParams(row: TraceEntity): unknown[] {
  return [
    row.villageId,
    row.seq,
    row.matterId,
    row.actorPersonId,
    row.actorRole,
    row.eventType,
    JSON.stringify(row.payload),
    row.payloadDigest,
    row.stateBefore,
    row.stateAfter,
    row.accepted,
    row.refusalCode,
    row.refusalMessage,
    row.at,
    row.prevHash,
    row.hash,
  ];
}
