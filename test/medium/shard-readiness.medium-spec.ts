import { readFileSync } from 'node:fs';
import {
  COORDINATOR_TABLES,
  REFERENCE_TABLES,
  distributionStatements,
} from '../../src/database/distribution.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { recordedStatements } from '../support/recorded-statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface Constraint {
  table: string;
  kind: 'p' | 'u' | 'f';
  name: string;
  columns: string[];
  references: string | null;
  referencedColumns: string[] | null;
}

/**
 * What distributing the database by village (Citus) needs, proven from the database's own catalog after
 * the real migrations: every table is a village's (distributed by `village_id`) or declared shared; a
 * village's keys hold `village_id`; its foreign keys stay within the village or point at shared tables,
 * and no shared table points into a village's; and the statements of an event touch one village only.
 */
describe('Ready to distribute by village', () => {
  let t: TestApp;
  let villageTables: string[];
  let constraints: Constraint[];

  beforeAll(async () => {
    t = await startTestApp();
    const tables = await t.dataSource.query<{ table: string; village: boolean }[]>(`
      SELECT c.relname AS table, bool_or(a.attname = 'village_id') AS village
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
       GROUP BY c.relname`);
    villageTables = tables.filter((row) => row.village).map((row) => row.table);
    const shared = [...REFERENCE_TABLES, ...COORDINATOR_TABLES] as string[];
    expect(
      tables
        .filter((row) => !row.village)
        .map((row) => row.table)
        .sort(),
    ).toEqual([...shared].sort());
    constraints = await t.dataSource.query<Constraint[]>(`
      SELECT conrelid::regclass::text AS table, contype AS kind, conname AS name,
             ARRAY(SELECT attname::text FROM unnest(conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute ON attrelid = conrelid AND attnum = k.n ORDER BY k.i) AS columns,
             NULLIF(confrelid, 0)::regclass::text AS references,
             CASE WHEN confrelid = 0 THEN NULL ELSE
               ARRAY(SELECT attname::text FROM unnest(confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute ON attrelid = confrelid AND attnum = k.n ORDER BY k.i) END AS "referencedColumns"
        FROM pg_constraint
       WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'u', 'f')`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keys every village table, and every unique index on one, with its village', async () => {
    const keys = constraints.filter((c) => c.kind !== 'f' && villageTables.includes(c.table));
    expect(villageTables.filter((table) => !keys.some((c) => c.table === table && c.kind === 'p'))).toEqual(
      [],
    );
    expect(keys.filter((c) => !c.columns.includes('village_id')).map((c) => c.name)).toEqual([]);
    const uniqueIndexes = await t.dataSource.query<{ table: string; name: string; definition: string }[]>(
      `SELECT tablename AS table, indexname AS name, indexdef AS definition
         FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE 'CREATE UNIQUE%'`,
    );
    const unkeyed = uniqueIndexes.filter(
      (index) => villageTables.includes(index.table) && !/\(.*\bvillage_id\b.*\)/.test(index.definition),
    );
    expect(unkeyed.map((index) => index.name)).toEqual([]);
  });

  it('keeps foreign keys within a village or pointing at shared tables, and none from a shared table into a village', () => {
    const foreign = constraints.filter((c) => c.kind === 'f');
    const crossing = foreign.filter((c) => {
      if (!villageTables.includes(c.references!)) return false;
      if (!villageTables.includes(c.table)) return true;
      // Within the village: village_id on both sides, at the same place in the key.
      const at = c.columns.indexOf('village_id');
      return at < 0 || c.referencedColumns![at] !== 'village_id';
    });
    expect(crossing.map((c) => `${c.table}.${c.name} → ${c.references}`)).toEqual([]);
  });

  it('runs an event with statements that each touch one village', async () => {
    const world: VillageWorld = await createVillage(t);
    const neighbour = await createVillage(t, { within: world });
    const matter = await MatterDriver.start(t, world);
    const statements = await recordedStatements(t, () =>
      matter.ok('secretary', 'PROPOSE_PLAN', { plan: '硬化主干道 1.2 公里', mergeWithDeliberation: true }),
    );
    const touching = statements.filter(({ text }) =>
      villageTables.some((table) =>
        new RegExp(`\\b(FROM|JOIN|INTO|UPDATE)\\s+"?${table}"?\\b`, 'i').test(text),
      ),
    );
    expect(touching.length).toBeGreaterThan(3);
    for (const { text, values } of touching) {
      expect([text, /\bvillage_id\b/.test(text)]).toEqual([text, true]);
      expect([text, values.includes(neighbour.villageId)]).toEqual([text, false]);
      expect([text, values.includes(world.villageId)]).toEqual([text, true]);
    }
  });

  it('prints the exact distribution calls in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const statements = distributionStatements(villageTables);
    expect(statements).toHaveLength(REFERENCE_TABLES.length + villageTables.length);
    for (const statement of statements) expect(readme).toContain(statement);
  });
});
