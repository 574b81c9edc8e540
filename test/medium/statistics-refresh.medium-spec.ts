import { StatisticsRefreshJob, STATISTICS_REFRESH_MS } from '../../src/time/statistics-refresh.job.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The suite runs on both: PGlite (no autovacuum) by default, a PostgreSQL server with DATABASE_URL. */
const embedded = !process.env.DATABASE_URL;

describe(StatisticsRefreshJob.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const estimatedRows = async () =>
    (
      await t.dataSource.query<{ reltuples: number }[]>(
        `SELECT reltuples FROM pg_class WHERE relname = 'statistics_probe'`,
      )
    )[0].reltuples;

  it('refreshes the statistics where no autovacuum does (the embedded database, a server with it off), at most once an hour', async () => {
    await t.dataSource.query(`CREATE TABLE statistics_probe AS SELECT generate_series(1, 500) AS n`);
    const sut = t.get(StatisticsRefreshJob);
    const now = Date.now() + 2 * STATISTICS_REFRESH_MS;
    const [{ autovacuum }] = await t.dataSource.query<{ autovacuum: string }[]>('SHOW autovacuum');
    if (!embedded && autovacuum === 'on') {
      // A server's autovacuum analyzes as tables grow: the job leaves it alone.
      await expect(sut.refreshIfDue(now)).resolves.toBe(false);
      return;
    }
    expect(await estimatedRows()).toBe(-1);
    await expect(sut.refreshIfDue(now)).resolves.toBe(true);
    expect(await estimatedRows()).toBe(500);
    await expect(sut.refreshIfDue(now + 60_000)).resolves.toBe(false);
    await expect(sut.refreshIfDue(now + STATISTICS_REFRESH_MS)).resolves.toBe(true);
  });
});
