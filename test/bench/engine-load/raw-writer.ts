import type pg from 'pg';
import type { JsonObject } from '../../../workflows/index.js';
import { digestOf } from '../../../src/common/canonical-json.js';
import { LOCK_MATTER_SQL, progressWrite } from '../../../src/engine/matter-sql.js';
import type { MatterEntity } from '../../../src/engine/matter.entity.js';
import { chainHash, type ChainedFields } from '../../../src/engine/trace-chain.js';
import { appendTraceStatement, LOCK_HEAD_SQL } from '../../../src/engine/trace-sql.js';
import { statementName } from '../../../src/database/prepared-query.js';

/** As the engine runs its hot-path statements: named, so each connection prepares them once. */
const prepared = (text: string, values: unknown[]) => ({ name: statementName(text), text, values });

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
 * no framework, in one transaction, by the engine's own statement texts (prepared, as the engine's are)
 * in the engine's order (matter lock, chain head lock, then the matter's update with the trace append and
 * the head's move, one statement), with the same snapshot change and the same hash chain, so the engine's
 * own chain verification accepts what it wrote. What it leaves out is what the engine does beyond
 * persisting: authorisation (the person's roles and earlier acts, read with the matter's lock),
 * separation of duties, validation, the machine.
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
    const matter = (await client.query<MatterEntity>(prepared(LOCK_MATTER_SQL, [villageId, matterId])))
      .rows[0];
    if (!matter) throw new Error(`No matter ${matterId}`);
    // What the machine's `remember('lastProgress')` assigns; the state stays where it is.
    const snapshot = matter.snapshot as { context: JsonObject } & JsonObject;
    snapshot.context.lastProgress = { ...payload, by: personId, role, at: at.toISOString() };
    Object.assign(matter, { revision: matter.revision + 1, updatedAt: at });
    const head = (await client.query<{ seq: string; hash: string }>(prepared(LOCK_HEAD_SQL, [villageId])))
      .rows[0];
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
    const row = { ...fields, payload, prevHash: head.hash, hash };
    await client.query(prepared(...appendTraceStatement(row, [progressWrite(matter)])));
  }
}
