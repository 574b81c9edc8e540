import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { OpenTarget } from '../../src/database/open-data-source.js';
import { pgliteTemplate } from './pglite-template.js';

export interface TestDatabase {
  target: OpenTarget;
  drop(): Promise<void>;
}

/**
 * A database of this test file's own: on a PostgreSQL server (DATABASE_URL) a fresh `test_<random>`
 * database, else an in-memory PGlite loaded from the migrated template. Files never share rows.
 */
export async function createTestDatabase(options: { survivesRestart?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl && !options.survivesRestart) {
    return { target: { kind: 'pglite', template: await pgliteTemplate() }, drop: async () => {} };
  }
  if (!serverUrl) {
    // A restart needs the data on disk: a PGlite folder of our own, seeded from the template.
    const dataDir = join(tmpdir(), 'micropower-test', `db-${randomBytes(6).toString('hex')}`);
    return {
      target: { kind: 'pglite', dataDir, template: await pgliteTemplate() },
      drop: () => Promise.resolve(rmSync(dataDir, { recursive: true, force: true })),
    };
  }
  return createServerDatabase(serverUrl);
}

/** A new, empty `test_<random>` database on the PostgreSQL server that `serverUrl` reaches, dropped by `drop`. */
export async function createServerDatabase(serverUrl: string): Promise<TestDatabase & { url: string }> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    target: { kind: 'postgres', url: url.toString(), poolSize: 10 },
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
