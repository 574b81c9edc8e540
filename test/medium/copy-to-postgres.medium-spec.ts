import { randomBytes } from 'node:crypto';
import { cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { copyToPostgres, CopyRefused, type CopyOptions } from '../../src/cli/copy-to-postgres-command.js';
import { parseVerifyArgs, verifyChains } from '../../src/cli/verify-chain-command.js';
import { schemaTables } from '../../src/database/database-copy.js';
import { openDataSource, type OpenTarget } from '../../src/database/open-data-source.js';
import { DemoSeedService } from '../../src/demo/demo-seed.service.js';
import { pgliteTemplate } from '../support/pglite-template.js';
import { startTestApp } from '../support/test-app.js';
import { createServerDatabase } from '../support/test-database.js';

/**
 * The move from the embedded database to a PostgreSQL server, on the demo district (households whose
 * heads are their own members, regions under regions: the foreign-key cycles). The target is a real
 * server: DATABASE_URL's, or the one every machine of this project has, also when the suite runs on PGlite.
 */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Each table's rows, as text, in a stable order: two databases hold the same rows when these agree. */
async function contents(dataSource: DataSource): Promise<Map<string, string>> {
  return dataSource.transaction(async (db) => {
    // Timestamps print in the session's time zone: the same one on both sides.
    await db.query(`SET LOCAL TIME ZONE 'UTC'`);
    const result = new Map<string, string>();
    for (const table of (await schemaTables(db)).filter((name) => name !== 'migrations')) {
      const [row] = await db.query<{ digest: string | null }[]>(
        `SELECT md5(string_agg(r, E'\\n' ORDER BY r)) AS digest FROM (SELECT row_to_json(t)::text AS r FROM "${table}" t) s`,
      );
      result.set(table, row.digest ?? 'empty');
    }
    return result;
  });
}

async function withDatabase<T>(target: OpenTarget, use: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = await openDataSource(target);
  try {
    return await use(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

describe('copyToPostgres (npm run db:copy-to-postgres)', () => {
  const work = join(tmpdir(), 'micropower-test', `copy-${randomBytes(6).toString('hex')}`);
  const sourceDir = join(work, 'pglite');
  let target: Awaited<ReturnType<typeof createServerDatabase>>;
  let status: number;
  const output: string[] = [];
  const options = (to: string, from = sourceDir): CopyOptions => ({ from, to, batchSize: 50 });

  beforeAll(async () => {
    const app = await startTestApp({
      database: {
        target: { kind: 'pglite', dataDir: sourceDir, template: await pgliteTemplate() },
        drop: async () => {},
      },
    });
    await app.get(DemoSeedService).seedIfEmpty();
    await app.close({ keepDatabase: true });
    target = await createServerDatabase(SERVER_URL);
    status = await copyToPostgres(options(target.url), (line) => output.push(line));
  });
  afterAll(async () => {
    await target?.drop();
    rmSync(work, { recursive: true, force: true });
  });

  it('copies, checks row counts and every chain, and commits', () => {
    expect(output.join('\n')).toMatch(/row counts: all \d+ tables match/);
    expect(output.join('\n')).toMatch(/1 village\(s\) checked, 0 broken\./);
    expect(output.at(-1)).toMatch(/^committed\./);
    expect(status).toBe(0);
  });

  it('leaves the target holding the same rows as the embedded database, table by table', async () => {
    const source = await withDatabase({ kind: 'pglite', dataDir: sourceDir }, contents);
    const copied = await withDatabase(target.target, contents);
    expect(copied).toEqual(source);
    expect(source.get('person')).not.toBe('empty');
    expect(source.get('household')).not.toBe('empty');
  });

  it('leaves chains that verify on the target, read afresh', async () => {
    const lines: string[] = [];
    const verified = await withDatabase(target.target, (dataSource) =>
      verifyChains(dataSource, parseVerifyArgs(['--all']), (line) => lines.push(line)),
    );
    expect(lines.at(-1)).toBe('1 village(s) checked, 0 broken.');
    expect(verified).toBe(0);
  });

  it('gives the keys it deferred their own timing back', async () => {
    const deferrable = await withDatabase(target.target, (dataSource) =>
      dataSource.query<{ name: string }[]>(
        `SELECT conname AS name FROM pg_constraint WHERE contype = 'f' AND condeferrable`,
      ),
    );
    expect(deferrable).toEqual([]);
  });

  it('refuses a second copy into the now non-empty target', async () => {
    await expect(copyToPostgres(options(target.url), () => {})).rejects.toThrow(CopyRefused);
    await expect(copyToPostgres(options(target.url), () => {})).rejects.toThrow(/not empty/);
  });

  it('commits nothing, not even the schema, when a chain does not verify', async () => {
    const tamperedDir = join(work, 'tampered');
    cpSync(sourceDir, tamperedDir, { recursive: true });
    await withDatabase({ kind: 'pglite', dataDir: tamperedDir }, async (dataSource) => {
      await dataSource.query('ALTER TABLE trace DISABLE TRIGGER trace_no_update_or_delete');
      await dataSource.query(`UPDATE trace SET payload = '{"rewritten":true}' WHERE seq = 2`);
      await dataSource.query('ALTER TABLE trace ENABLE TRIGGER trace_no_update_or_delete');
    });
    const other = await createServerDatabase(SERVER_URL);
    try {
      const lines: string[] = [];
      await expect(copyToPostgres(options(other.url, tamperedDir), (line) => lines.push(line))).resolves.toBe(
        1,
      );
      expect(lines.join('\n')).toMatch(/BROKEN village .*: first broken link at row 2/);
      expect(await withDatabase(other.target, (dataSource) => schemaTables(dataSource.manager))).toEqual([]);
    } finally {
      await other.drop();
    }
  });
});
