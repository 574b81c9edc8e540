import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import {
  checkAndRestoreKeys,
  columnsByTable,
  copySequences,
  copyTable,
  countRows,
  deferKeys,
  deleteRows,
  foreignKeys,
  planCopyOrder,
  schemaTables,
  tablesWithRows,
} from '../database/database-copy.js';
import { migrateInTransaction, openDataSource } from '../database/open-data-source.js';
import { parseVerifyArgs, UsageError, verifyChains } from './verify-chain-command.js';

export const COPY_USAGE = `Usage: npm run db:copy-to-postgres -- --from <PGlite folder> --to <postgres://…> [--batch-size <rows>]

Moves the embedded database into PostgreSQL. Stop the app first (the folder is locked while it runs),
create a new database, and copy before the app ever starts on it. In one transaction on the target:
  1. runs the migrations,
  2. copies every table, in foreign-key order and in batches (default 500 rows),
  3. checks each table's row count and every village's trace chain, and commits only if all hold.
A target that already has tables is refused. The embedded database's rows are only read.
Exit status: 0 copied and verified, 1 a check failed (nothing committed), 2 a usage error, a refusal
or a connection error.`;

/** The copy will not start: the target is not empty, or the source is not what this release can copy. */
export class CopyRefused extends Error {}

export interface CopyOptions {
  from: string;
  to: string;
  batchSize: number;
}

export function parseCopyArgs(args: readonly string[]): CopyOptions {
  const values = new Map<string, string>();
  for (let index = 0; index < args.length; index += 2) {
    const [name, value] = [args[index], args[index + 1]];
    if (!['--from', '--to', '--batch-size'].includes(name)) throw new UsageError(`unknown option: ${name}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} wants a value`);
    values.set(name, value);
  }
  const from = values.get('--from');
  const to = values.get('--to');
  if (!from || !to) throw new UsageError('name both --from <PGlite folder> and --to <postgres://…>');
  if (!/^postgres(ql)?:\/\//.test(to)) throw new UsageError('--to must be a postgres:// URL');
  const batchSize = Number(values.get('--batch-size') ?? 500);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new UsageError('--batch-size must be a whole number from 1 to 10000');
  }
  return { from: resolve(from), to, batchSize };
}

/** The URL as it may be printed: without its password. */
export function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Copies, verifies and commits, writing what it does; returns the exit status (refusals throw). */
export async function copyToPostgres(options: CopyOptions, write: (line: string) => void): Promise<number> {
  if (!existsSync(join(options.from, 'PG_VERSION'))) {
    throw new CopyRefused(
      `${options.from} is not an embedded database folder (it has no PG_VERSION): name the folder that ` +
        'PGLITE_DATA_DIR names (default ./data/pglite).',
    );
  }
  const source = await openDataSource({ kind: 'pglite', dataDir: options.from });
  try {
    const target = await openDataSource({ kind: 'postgres', url: options.to, poolSize: 2 });
    try {
      return await copyBetween(source, target, options, write);
    } finally {
      await target.destroy();
    }
  } finally {
    await source.destroy();
  }
}

async function copyBetween(
  source: DataSource,
  target: DataSource,
  options: CopyOptions,
  write: (line: string) => void,
): Promise<number> {
  const migrationsTable = target.options.migrationsTableName ?? 'migrations';
  const ours = (table: string) => table !== migrationsTable && table !== 'typeorm_metadata';
  await refuseUnmigratedSource(source, target, migrationsTable);
  const existing = await schemaTables(target.manager);
  if (existing.length > 0) {
    const filled = await tablesWithRows(target.manager, existing);
    const rows =
      filled.length === 0
        ? ''
        : `, rows in ${filled.slice(0, 4).join(', ')}${filled.length > 4 ? ` and ${filled.length - 4} more` : ''}`;
    throw new CopyRefused(
      `The target database is not empty (${existing.length} tables${rows}): copy only into a new ` +
        'database (createdb), before the app is ever started on it.',
    );
  }

  const from = source.createQueryRunner();
  const to = target.createQueryRunner();
  try {
    // One snapshot of the source: the counts compared at the end are those of the rows copied.
    await from.startTransaction('REPEATABLE READ');
    // Schema, rows and checks in one transaction: a failure leaves the target as new as it was.
    await to.startTransaction();
    write(`target ${withoutPassword(options.to)} is new: migrating, copying and checking in one transaction`);
    await migrateInTransaction(target, to);
    const tables = (await schemaTables(to.manager)).filter(ours);
    await refuseDifferentSchema(from.manager, to.manager, tables, ours);
    const plan = planCopyOrder(tables, await foreignKeys(to.manager));
    await deferKeys(to.manager, plan.deferred);
    // Rows a migration wrote (the holiday calendar) come again from the source, as it holds them now.
    const seeded = await tablesWithRows(to.manager, tables);
    await deleteRows(
      to.manager,
      [...plan.order].reverse().filter((table) => seeded.includes(table)),
    );
    const deferred = plan.deferred.map((key) => key.name).join(', ');
    write(`copying ${tables.length} tables${deferred ? ` (checked at the end: ${deferred})` : ''}`);
    const width = Math.max(...tables.map((table) => table.length));
    for (const table of plan.order) {
      const rows = await copyTable(from.manager, to.manager, table, options.batchSize);
      write(`  ${table.padEnd(width)} ${rows}`);
    }
    const sequences = await copySequences(from.manager, to.manager, tables);
    if (sequences.length > 0) write(`sequences set as in the source: ${sequences.join(', ')}`);
    await checkAndRestoreKeys(to.manager, plan.deferred);

    const verified =
      (await countsMatch(from.manager, to.manager, tables, write)) &&
      (await verifyChains({ manager: to.manager }, parseVerifyArgs(['--all']), write)) === 0;
    if (!verified) {
      await to.rollbackTransaction();
      write('nothing committed: the target is as new as it was; find the cause, then copy again.');
      return 1;
    }
    await to.commitTransaction();
    await from.commitTransaction();
  } catch (error) {
    if (to.isTransactionActive) await to.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    if (from.isTransactionActive) await from.rollbackTransaction().catch(() => undefined);
    await from.release();
    await to.release();
  }
  // Fresh statistics, so that the statements the app prepares are planned for the tables' real sizes.
  await target.query('ANALYZE');
  write(
    `committed. Start the app with DATABASE_URL=${withoutPassword(options.to)}; keep ${options.from} as a backup.`,
  );
  return 0;
}

/** The source must stand at exactly this release's migrations: the target gets those, and no others. */
async function refuseUnmigratedSource(source: DataSource, target: DataSource, migrationsTable: string) {
  const release = target.migrations.map((migration) => migration.name ?? migration.constructor.name);
  const applied = (
    await source
      .query<{ name: string }[]>(`SELECT name FROM "${migrationsTable}" ORDER BY id`)
      // 42P01: no such table, a folder the app never migrated.
      .catch((error: Error & { code?: string }) => {
        if (error.code === '42P01') return [];
        throw error;
      })
  ).map((row) => row.name);
  const unknown = applied.filter((name) => !release.includes(name));
  if (unknown.length > 0) {
    throw new CopyRefused(
      `The embedded database was migrated by a newer release (${unknown.join(', ')}): copy it with that release.`,
    );
  }
  if (applied.length < release.length) {
    throw new CopyRefused(
      applied.length === 0
        ? 'The embedded folder holds no micropower tables: is it the folder the app ran on?'
        : 'The embedded database is behind this release: start this release on it once (it migrates at ' +
            'start), stop it, and copy again.',
    );
  }
}

async function refuseDifferentSchema(
  source: EntityManager,
  target: EntityManager,
  tables: readonly string[],
  ours: (table: string) => boolean,
) {
  const [inSource, inTarget] = [await columnsByTable(source), await columnsByTable(target)];
  const differing = [...new Set([...inSource.keys(), ...tables])]
    .filter((table) => ours(table) && inSource.get(table) !== inTarget.get(table))
    .sort();
  if (differing.length > 0) {
    throw new CopyRefused(
      `The embedded database's tables differ from the migrated target's (${differing.join(', ')}), ` +
        'although both stand at the same migrations: was the embedded schema changed by hand?',
    );
  }
}

async function countsMatch(
  source: EntityManager,
  target: EntityManager,
  tables: readonly string[],
  write: (line: string) => void,
): Promise<boolean> {
  let total = 0;
  const differing: string[] = [];
  for (const table of tables) {
    const [expected, found] = [await countRows(source, table), await countRows(target, table)];
    total += found;
    if (expected !== found) differing.push(`${table}: ${expected} in the source, ${found} copied`);
  }
  write(
    differing.length === 0
      ? `row counts: all ${tables.length} tables match (${total} rows)`
      : `ROW COUNTS DIFFER\n  ${differing.join('\n  ')}`,
  );
  return differing.length === 0;
}
