import type pg from 'pg';
import type { JsonObject } from '../../../workflows/index.js';
import { digestOf } from '../../../src/common/canonical-json.js';
import { chainHash, type ChainedFields } from '../../../src/engine/trace-chain.js';

interface LockedMatter {
  snapshot: { context: JsonObject } & JsonObject;
  state: string;
  status: string;
  outcome: string | null;
  revision: number;
  state_since: Date;
  awaiting: string[] | null;
}

export interface RawProgressReport {
  villageId: string;
  matterId: string;
  personId: string;
  role: string;
  payload: JsonObject;
  at: Date;
}

/**
 * The raw-SQL limit: the rows the engine writes for one progress report, written with plain `pg` and
 * no framework, in one transaction and in the engine's order (matter lock, matter update, chain head
 * lock, trace insert, head update), with the same snapshot change and the same hash chain, so the
 * engine's own chain verification accepts what it wrote. What it leaves out is what the engine does
 * beyond persisting: authorisation, separation of duties, validation, the machine, the caller's view.
 */
export class RawEventWriter {
  constructor(private readonly pool: pg.Pool) {}

  async reportProgress(report: RawProgressReport): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await this.write(client, report);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async write(client: pg.PoolClient, report: RawProgressReport): Promise<void> {
    const { villageId, matterId, personId, role, payload, at } = report;
    const matter = (
      await client.query<LockedMatter>(
        `SELECT snapshot, state, status, outcome, revision, state_since, awaiting FROM matter
         WHERE village_id = $1 AND id = $2 FOR UPDATE`,
        [villageId, matterId],
      )
    ).rows[0];
    if (!matter) throw new Error(`No matter ${matterId}`);
    // What the machine's `remember('lastProgress')` assigns; the state stays where it is.
    matter.snapshot.context.lastProgress = { ...payload, by: personId, role, at: at.toISOString() };
    await client.query(
      `UPDATE matter SET snapshot = $3, state = $4, status = $5, outcome = $6, revision = $7, updated_at = $8,
              state_since = $9, awaiting = $10
       WHERE village_id = $1 AND id = $2`,
      [
        villageId,
        matterId,
        JSON.stringify(matter.snapshot),
        matter.state,
        matter.status,
        matter.outcome,
        matter.revision + 1,
        at,
        matter.state_since,
        matter.awaiting,
      ],
    );
    const head = (
      await client.query<{ seq: string; hash: string }>(
        `SELECT seq, hash FROM trace_head WHERE village_id = $1 FOR UPDATE`,
        [villageId],
      )
    ).rows[0];
    if (!head) throw new Error(`No chain head for village ${villageId}`);
    const fields: ChainedFields = {
      villageId,
      seq: Number(head.seq) + 1,
      matterId,
      actorPersonId: personId,
      actorRole: role,
      eventType: 'REPORT_PROGRESS',
      payloadDigest: digestOf(payload),
      stateBefore: matter.state,
      stateAfter: matter.state,
      accepted: true,
      refusalCode: null,
      refusalMessage: null,
      at,
    };
    const hash = chainHash(head.hash, fields);
    await client.query(
      `INSERT INTO trace (village_id, seq, matter_id, actor_person_id, actor_role, event_type, payload,
                          payload_digest, state_before, state_after, accepted, refusal_code, refusal_message,
                          at, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        villageId,
        fields.seq,
        matterId,
        personId,
        role,
        fields.eventType,
        JSON.stringify(payload),
        fields.payloadDigest,
        fields.stateBefore,
        fields.stateAfter,
        true,
        null,
        null,
        at,
        head.hash,
        hash,
      ],
    );
    await client.query(`UPDATE trace_head SET seq = $2, hash = $3 WHERE village_id = $1`, [
      villageId,
      fields.seq,
      hash,
    ]);
  }
}
