import { ReadSource } from '../../src/database/read-source.js';
import { publishFinanceDisclosure } from '../factories/finance-disclosure.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { StreamingReplica } from '../support/replica.js';
import { startTestApp, testConfig, type TestApp } from '../support/test-app.js';
import { createServerDatabase } from '../support/test-database.js';

const serverUrl = process.env.DATABASE_URL;
const unavailable = await StreamingReplica.unavailable(serverUrl);
// Where it cannot run (the embedded database, a server without replication) it says why, in one line; in
// CI against the server it must run: .ci/run allows replication on the machine's PostgreSQL.
const mustRun = process.env.CI === 'true' && Boolean(serverUrl);
const describeWithReplica: jest.Describe = unavailable === null || mustRun ? describe : describe.skip;
if (unavailable !== null && !mustRun) process.stderr.write(`read-replica: skipped, ${unavailable}\n`);

const LAG_BOUND_SECONDS = 1;

/**
 * Issue 21's read replica, against a real one: a second cluster streaming from the test server. The
 * public board reads from it once it has caught up, from the primary while it lags past the bound, and
 * from the primary when it goes away; nothing a villager reads is ever wrong or missing for it.
 */
describeWithReplica('Public reads from a streaming replica (DATABASE_READ_URL)', () => {
  let replica: StreamingReplica;
  let t: TestApp;
  let world: VillageWorld;
  let reads: ReadSource;

  beforeAll(async () => {
    replica = await StreamingReplica.start(serverUrl!);
    const database = await createServerDatabase(serverUrl!);
    const name = new URL(database.url).pathname.slice(1);
    t = await startTestApp({
      database,
      config: testConfig({ readReplica: { url: replica.url(name), maxLagSeconds: LAG_BOUND_SECONDS } }),
    });
    world = await createVillage(t);
    reads = t.get(ReadSource);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    replica?.remove();
  });

  const board = async () =>
    JSON.stringify((await t.api().get(`/public/villages/${world.villageId}/board`).expect(200)).body);
  const served = async () => {
    const text = (await t.api().get('/metrics').expect(200)).text;
    const count = (database: string) =>
      Number(
        new RegExp(`micropower_public_reads_total\\{database="${database}"\\} (\\d+)`).exec(text)?.[1] ?? 0,
      );
    return { replica: count('replica'), primary: count('primary') };
  };
  /** Measures the lag until the replica is (or is not) the one to read from. */
  const until = async (onReplica: boolean) => {
    for (let attempt = 0; attempt < 100 && reads.onReplica !== onReplica; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await reads.check();
    }
    expect(reads.onReplica).toBe(onReplica);
  };

  it('reads the board from the replica once it has caught up with what was published', async () => {
    await publishFinanceDisclosure(t, world, { title: '三月财务收支（副本）', body: '收入 3200 元' });
    await until(true);
    const before = await served();
    let text = await board();
    for (let attempt = 0; attempt < 50 && !text.includes('三月财务收支（副本）'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      text = await board();
    }
    expect(text).toContain('三月财务收支（副本）');
    // The district's catalog, a village's lists and its chain check read there too.
    await t.api().get('/catalog').expect(200);
    await t.api().get(`/public/villages/${world.villageId}/lists`).expect(200);
    await t.api().get(`/public/villages/${world.villageId}/chain-verify`).expect(200);
    const after = await served();
    expect(after.replica - before.replica).toBeGreaterThanOrEqual(4);
  });

  it('reads from the primary while the replica lags past its bound, and from the replica again once it catches up', async () => {
    await until(true);
    await replica.setReplayPaused(true);
    try {
      await publishFinanceDisclosure(t, world, { title: '四月财务收支（延迟）', body: '支出 1800 元' });
      await new Promise((resolve) => setTimeout(resolve, (LAG_BOUND_SECONDS + 0.5) * 1000));
      await until(false);
      // Nothing is missing for it: the primary answers with what the replica has not replayed yet.
      expect(await board()).toContain('四月财务收支（延迟）');
    } finally {
      await replica.setReplayPaused(false);
    }
    await until(true);
    expect(await board()).toContain('四月财务收支（延迟）');
  });

  it('keeps answering from the primary when the replica goes away', async () => {
    await until(true);
    replica.stop();
    const before = await served();
    // The first read after it went away meets the dead connection and is done again on the primary.
    expect(await board()).toContain('三月财务收支（副本）');
    await until(false);
    expect(await board()).toContain('四月财务收支（延迟）');
    expect((await served()).primary).toBeGreaterThan(before.primary);
  });
});
