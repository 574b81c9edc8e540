import pg from 'pg';
import {
  RowTemplate,
  hasClonedValues,
  parseTimestamp,
  type ColumnKind,
  type ColumnSpec,
} from './row-cloner.js';
import type { TraceFields } from './trace-fields.js';

/**
 * The tables whose rows belong to one matter, in an order that satisfies their foreign keys, and how to
 * find a template matter's rows in each ($1 village, $2 matter). The trace is cloned apart (it is chained).
 */
const MEETINGS_OF_MATTER = 'meeting_id IN (SELECT id FROM meeting WHERE village_id = $1 AND matter_id = $2)';
export const MATTER_TABLES: { table: string; where: string }[] = [
  { table: 'matter', where: 'id = $2' },
  { table: 'matter_conflict', where: 'matter_id = $2' },
  { table: 'meeting', where: 'matter_id = $2' },
  { table: 'meeting_roster', where: MEETINGS_OF_MATTER },
  { table: 'meeting_attendance', where: MEETINGS_OF_MATTER },
  { table: 'ballot_receipt', where: MEETINGS_OF_MATTER },
  { table: 'ballot', where: MEETINGS_OF_MATTER },
  { table: 'disclosure', where: 'matter_id = $2' },
  { table: 'disclosure_objection', where: 'matter_id = $2' },
  { table: 'timer', where: 'matter_id = $2' },
  { table: 'obligation', where: 'matter_id = $2' },
  { table: 'document_request', where: 'matter_id = $2' },
];
/** Tables with a matter_id that are not a matter's own rows: the trace (chained apart), lists, retries. */
const NOT_CLONED = new Set(['trace', 'list_version', 'idempotency_record']);

export interface TraceTemplate extends TraceFields {
  seq: number;
  /** Whether the payload names ids or dates, so each clone needs its own payload (and digest). */
  payloadVaries: boolean;
}

export interface TemplateMatter {
  key: string;
  matterId: string;
  status: string;
  state: string;
  /** Rows per table of MATTER_TABLES, same order. */
  rows: RowTemplate[][];
  trace: TraceTemplate[];
  firstMs: number;
  lastMs: number;
  pendingTimers: number;
}

export interface TableColumns {
  table: string;
  columns: ColumnSpec[];
}

const kindOf = (dataType: string): ColumnKind =>
  dataType === 'uuid'
    ? 'uuid'
    : dataType === 'timestamp with time zone'
      ? 'timestamptz'
      : dataType === 'date'
        ? 'date'
        : 'text';

/** Reads rows as PostgreSQL's own text, the form COPY takes back; instants in UTC. */
export async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({
    connectionString: url,
    types: { getTypeParser: () => (value: string) => value },
  });
  await client.connect();
  await client.query(`SET TimeZone = 'UTC'`);
  return client;
}

export async function tableColumns(client: pg.Client): Promise<TableColumns[]> {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY($1) ORDER BY table_name, ordinal_position`,
    [MATTER_TABLES.map((entry) => entry.table)],
  );
  return MATTER_TABLES.map(({ table }) => ({
    table,
    columns: rows
      .filter((row) => row.table_name === table)
      .map((row) => ({ name: row.column_name, kind: kindOf(row.data_type) })),
  }));
}

/** Tables that hold a matter's rows but that this generator would not clone: a schema change to look at. */
export async function uncoveredTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'matter_id' ORDER BY table_name`,
  );
  const covered = new Set(MATTER_TABLES.map((entry) => entry.table));
  return rows.map((row) => row.table_name).filter((table) => !covered.has(table) && !NOT_CLONED.has(table));
}

export async function captureTemplate(
  client: pg.Client,
  tables: TableColumns[],
  villageId: string,
  key: string,
  matterId: string,
): Promise<TemplateMatter> {
  const rows: RowTemplate[][] = [];
  for (const [index, { table, columns }] of tables.entries()) {
    const result = await client.query<string[]>({
      text: `SELECT ${columns.map((column) => column.name).join(', ')} FROM ${table}
              WHERE village_id = $1 AND ${MATTER_TABLES[index].where}`,
      values: [villageId, matterId],
      rowMode: 'array',
    });
    rows.push(result.rows.map((values) => new RowTemplate(columns, values)));
  }
  const matter = (
    await client.query<{ status: string; state: string }>(
      'SELECT status, state FROM matter WHERE village_id = $1 AND id = $2',
      [villageId, matterId],
    )
  ).rows[0];
  const pendingTimers = Number(
    (
      await client.query<{ count: string }>(
        `SELECT count(*) FROM timer WHERE village_id = $1 AND matter_id = $2 AND status = 'pending'`,
        [villageId, matterId],
      )
    ).rows[0].count,
  );
  const trace = (
    await client.query<Record<string, string | null>>(
      'SELECT * FROM trace WHERE village_id = $1 AND matter_id = $2 ORDER BY seq',
      [villageId, matterId],
    )
  ).rows.map((row): TraceTemplate => ({
    atMs: parseTimestamp(row.at!),
    seq: Number(row.seq),
    matterId: row.matter_id,
    actorPersonId: row.actor_person_id,
    actorRole: row.actor_role,
    eventType: row.event_type!,
    payload: row.payload!,
    payloadVaries: hasClonedValues(row.payload!),
    payloadDigest: row.payload_digest!,
    stateBefore: row.state_before,
    stateAfter: row.state_after,
    accepted: row.accepted === 't',
    refusalCode: row.refusal_code,
    refusalMessage: row.refusal_message,
  }));
  return {
    key,
    matterId,
    status: matter.status,
    state: matter.state,
    rows,
    trace,
    firstMs: trace[0].atMs,
    lastMs: trace[trace.length - 1].atMs,
    pendingTimers,
  };
}
