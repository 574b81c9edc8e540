import type { EntityManager } from 'typeorm';

/**
 * The parts of copying one database's rows into another of the same schema, read from PostgreSQL's own
 * catalog so that a table added by a later migration is copied without a change here.
 */

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** A foreign key as pg_constraint holds it. */
export interface ForeignKey {
  name: string;
  table: string;
  references: string;
  deferrable: boolean;
  initiallyDeferred: boolean;
}

export interface CopyPlan {
  /** Each table after the tables it references. */
  order: string[];
  /** The keys that close a cycle (a region's parent, a person's household and its head): checked at the end. */
  deferred: ForeignKey[];
}

/** The ordinary tables of the connection's schema, by name. */
export async function schemaTables(db: EntityManager): Promise<string[]> {
  const rows = await db.query<{ name: string }[]>(`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname`);
  return rows.map((row) => row.name);
}

/** Each table's columns with their types, as one comparable line per table. */
export async function columnsByTable(db: EntityManager): Promise<Map<string, string>> {
  const rows = await db.query<{ table: string; columns: string }[]>(`
    SELECT c.relname AS table,
           string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attname) AS columns
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
    GROUP BY c.relname`);
  return new Map(rows.map((row) => [row.table, row.columns]));
}

export async function foreignKeys(db: EntityManager): Promise<ForeignKey[]> {
  return db.query<ForeignKey[]>(`
    SELECT k.conname AS name, t.relname AS table, r.relname AS references,
           k.condeferrable AS deferrable, k.condeferred AS "initiallyDeferred"
    FROM pg_constraint k
    JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE k.contype = 'f' AND n.nspname = current_schema()
    ORDER BY k.conname`);
}

/**
 * Orders the tables so that each comes after those it references (a depth-first walk, by name for a
 * stable order). A key that leads back to a table still being walked closes a cycle: no order satisfies
 * it row by row, so it is deferred to the end of the transaction instead.
 */
export function planCopyOrder(tables: readonly string[], keys: readonly ForeignKey[]): CopyPlan {
  const included = new Set(tables);
  const order: string[] = [];
  const deferred: ForeignKey[] = [];
  const walking = new Set<string>();
  const done = new Set<string>();
  const visit = (table: string) => {
    walking.add(table);
    for (const key of keys) {
      if (key.table !== table || !included.has(key.references)) continue;
      if (walking.has(key.references)) deferred.push(key);
      else if (!done.has(key.references)) visit(key.references);
    }
    walking.delete(table);
    done.add(table);
    order.push(table);
  };
  for (const table of [...tables].sort()) if (!done.has(table)) visit(table);
  return { order, deferred };
}

/** The tables among these that hold at least one row (an EXISTS each: cheap at any size). */
export async function tablesWithRows(db: EntityManager, tables: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const [row] = await db.query<{ any: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM ${quoted(table)}) AS any`);
    if (row.any) found.push(table);
  }
  return found;
}

/** Deletes every row of these tables, in the order given (referencing tables first). */
export async function deleteRows(db: EntityManager, tables: readonly string[]): Promise<void> {
  for (const table of tables) await db.query(`DELETE FROM ${quoted(table)}`);
}

export async function countRows(db: EntityManager, table: string): Promise<number> {
  const [row] = await db.query<{ count: string }[]>(`SELECT count(*)::text AS count FROM ${quoted(table)}`);
  return Number(row.count);
}

/** Makes the cycle-closing keys wait for the end of the transaction. */
export async function deferKeys(db: EntityManager, keys: readonly ForeignKey[]): Promise<void> {
  for (const key of keys) {
    await db.query(
      `ALTER TABLE ${quoted(key.table)} ALTER CONSTRAINT ${quoted(key.name)} DEFERRABLE INITIALLY DEFERRED`,
    );
  }
}

/** Checks the deferred keys now (a violation throws here), then gives them back their own timing. */
export async function checkAndRestoreKeys(db: EntityManager, keys: readonly ForeignKey[]): Promise<void> {
  await db.query('SET CONSTRAINTS ALL IMMEDIATE');
  for (const key of keys) {
    const timing = key.deferrable
      ? `DEFERRABLE INITIALLY ${key.initiallyDeferred ? 'DEFERRED' : 'IMMEDIATE'}`
      : 'NOT DEFERRABLE INITIALLY IMMEDIATE';
    await db.query(`ALTER TABLE ${quoted(key.table)} ALTER CONSTRAINT ${quoted(key.name)} ${timing}`);
  }
}

/**
 * Copies one table in batches. Each row travels as its own JSON text (row_to_json) and is read back by
 * the target's column types (json_populate_recordset), so timestamps keep their microseconds, numbers
 * their digits and jsonb its content: the trace's hashes still match. `source` must be in a transaction
 * (its cursor lives there). Returns the rows copied.
 */
export async function copyTable(
  source: EntityManager,
  target: EntityManager,
  table: string,
  batchSize: number,
): Promise<number> {
  const [{ columns }] = await target.query<{ columns: string }[]>(
    `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
    [quoted(table)],
  );
  await source.query(
    `DECLARE table_copy NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoted(table)} t`,
  );
  let copied = 0;
  for (;;) {
    const batch = await source.query<{ row: string }[]>(`FETCH FORWARD ${batchSize} FROM table_copy`);
    if (batch.length === 0) break;
    await target.query(
      `INSERT INTO ${quoted(table)} (${columns}) OVERRIDING SYSTEM VALUE
       SELECT ${columns} FROM json_populate_recordset(NULL::${quoted(table)}, $1::json)`,
      [`[${batch.map(({ row }) => row).join(',')}]`],
    );
    copied += batch.length;
  }
  await source.query('CLOSE table_copy');
  return copied;
}

/** Sets each sequence owned by a column of these tables (serial, identity) to where the source's stands. */
export async function copySequences(
  source: EntityManager,
  target: EntityManager,
  tables: readonly string[],
): Promise<string[]> {
  const sequences = await target.query<{ name: string }[]>(
    `SELECT s.relname AS name FROM pg_class s
     JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
       AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
     JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE s.relkind = 'S' AND n.nspname = current_schema() AND t.relname = ANY($1)
     ORDER BY s.relname`,
    [tables],
  );
  for (const { name } of sequences) {
    const [state] = await source.query<{ value: string; called: boolean }[]>(
      `SELECT last_value::text AS value, is_called AS called FROM ${quoted(name)}`,
    );
    await target.query('SELECT setval($1::regclass, $2::bigint, $3)', [
      quoted(name),
      state.value,
      state.called,
    ]);
  }
  return sequences.map(({ name }) => name);
}
