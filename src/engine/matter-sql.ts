import type { SqlWrites } from '../common/sql-query.js';
import type { MatterEntity } from './matter.entity.js';

/**
 * The matter's statements on the engine's hot path, as plain SQL (the ORM's query building and result
 * mapping cost more than the statements): every event runs them, and the raw-SQL benchmark
 * (`npm run bench:events`) issues these same texts without the framework.
 */

/** Every column of `matter`, named as MatterEntity's fields (qualified by `table` where given). */
export function matterColumns(table?: string): string {
  return table ? COLUMNS.map((column) => `${table}.${column}`).join(', ') : COLUMNS.join(', ');
}

const COLUMNS = [
  'village_id AS "villageId"',
  'id',
  'procedure_id AS "procedureId"',
  'procedure_version AS "procedureVersion"',
  'parameters',
  'list_version AS "listVersion"',
  'title',
  'inputs',
  'snapshot',
  'state',
  'status',
  'outcome',
  'state_since AS "stateSince"',
  'awaiting',
  'revision',
  'created_by AS "createdBy"',
  'created_at AS "createdAt"',
  'updated_at AS "updatedAt"',
];

export const MATTER_COLUMNS = matterColumns();

export const FIND_MATTER_SQL = `SELECT ${MATTER_COLUMNS} FROM matter WHERE village_id = $1 AND id = $2`;

/** Reads a matter and locks its row until the transaction ends. */
export const LOCK_MATTER_SQL = `${FIND_MATTER_SQL} FOR UPDATE`;

const SAVE_PROGRESS_SQL = `UPDATE matter SET snapshot = $3, state = $4, status = $5, outcome = $6, revision = $7,
            updated_at = $8, state_since = $9, awaiting = $10
     WHERE village_id = $1 AND id = $2`;

const PROGRESS_CTE = `progress AS (${SAVE_PROGRESS_SQL})`;

/** What an event changed, as a write to run with its trace row (`appendTraceStatement`). */
export function progressWrite(matter: MatterEntity): SqlWrites {
  return { ctes: PROGRESS_CTE, params: progressParams(matter) };
}

/** Writes what an event changed: the snapshot and what is derived from it. */
export function saveProgressStatement(matter: MatterEntity): [string, unknown[]] {
  return [SAVE_PROGRESS_SQL, progressParams(matter)];
}

function progressParams(matter: MatterEntity): unknown[] {
  return [
    matter.villageId,
    matter.id,
    JSON.stringify(matter.snapshot),
    matter.state,
    matter.status,
    matter.outcome,
    matter.revision,
    matter.updatedAt,
    matter.stateSince,
    matter.awaiting,
  ];
}
