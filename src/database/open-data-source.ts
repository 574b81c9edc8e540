import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { DataSource, MigrationExecutor, type DataSourceOptions, type QueryRunner } from 'typeorm';
import type { DatabaseTarget } from '../config/app-config.js';
import { warnIfAutovacuumOff } from './autovacuum-check.js';
import { acquireDataDirLock } from './embedded-lock.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';
import { pgliteDriverModule } from './pglite-pool.js';
import { useUnnamedStatements } from './prepared-query.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';
import { TEXT_PARSERS } from './type-parsers.js';

/** An embedded database may also be in memory, or start from a dump of a data folder (tests). */
export type OpenTarget = DatabaseTarget | { kind: 'pglite'; dataDir?: string; template?: Blob };

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  synchronize: false,
  migrationsRun: false,
  migrationsTransactionMode: 'each' as const,
  logging: false,
  namingStrategy: new SnakeNamingStrategy(),
};

const pgTypes = {
  getTypeParser: (oid: number, format?: string) =>
    TEXT_PARSERS[oid] ?? pg.types.getTypeParser(oid, format as 'text'),
};

const embedded = new WeakMap<DataSource, PGlite>();

/** The PGlite instance behind a data source, if it is embedded (tests dump it as a template). */
export const pgliteOf = (dataSource: DataSource): PGlite | undefined => embedded.get(dataSource);

async function openPglite(
  target: Extract<OpenTarget, { kind: 'pglite' }>,
): Promise<[DataSourceOptions, PGlite]> {
  let unlock = () => {};
  if (target.dataDir) {
    mkdirSync(target.dataDir, { recursive: true });
    unlock = acquireDataDirLock(target.dataDir);
  }
  try {
    const db = await PGlite.create(target.dataDir, {
      parsers: TEXT_PARSERS,
      // The inbox index (village and waiting roles in one GIN index) needs it, as on a server.
      extensions: { btree_gin },
      // A template seeds only a new folder; an existing one keeps its data.
      loadDataDir:
        target.dataDir && existsSync(join(target.dataDir, 'PG_VERSION'))
          ? undefined
          : (target as { template?: Blob }).template,
    });
    const close = async () => {
      await db.close();
      unlock();
    };
    const options: DataSourceOptions = {
      ...common,
      driver: pgliteDriverModule(db, close),
      database: 'postgres',
      installExtensions: false,
      uuidExtension: 'pgcrypto',
    };
    return [options, db];
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens (does not migrate) the database the configuration names: a PostgreSQL server or PGlite. */
export async function openDataSource(target: OpenTarget): Promise<DataSource> {
  if (target.kind === 'postgres') {
    const dataSource = await new DataSource({
      ...common,
      url: target.url,
      poolSize: target.poolSize,
      extra: { types: pgTypes },
    }).initialize();
    if (target.namedStatements === false) useUnnamedStatements(dataSource);
    return dataSource;
  }
  const [options, db] = await openPglite(target);
  const dataSource = await new DataSource(options).initialize();
  embedded.set(dataSource, db);
  return dataSource;
}

/** Serialises start-up work (migrations, registrations) between app processes sharing one server. */
const STARTUP_LOCK = 7_240_001;

export async function migrate(dataSource: DataSource, andThen: () => Promise<void> = async () => {}) {
  if (embedded.has(dataSource)) {
    // One process owns a PGlite folder (lock file) and it has a single connection: no advisory lock.
    await dataSource.runMigrations({ transaction: 'each' });
    await andThen();
    return;
  }
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [STARTUP_LOCK]);
    await dataSource.runMigrations({ transaction: 'each' });
    await warnIfAutovacuumOff(dataSource);
    await andThen();
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await runner.release();
  }
}

/**
 * Runs the pending migrations inside the transaction the caller holds open on `runner`, so that schema
 * and rows commit together or not at all (the copy to PostgreSQL). The start-up lock is held until that
 * transaction ends: an app starting on the same server meanwhile waits for it.
 */
export async function migrateInTransaction(dataSource: DataSource, runner: QueryRunner): Promise<void> {
  await runner.query('SELECT pg_advisory_xact_lock($1)', [STARTUP_LOCK]);
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = 'all';
  await executor.executePendingMigrations();
}
