import request from 'supertest';
import { DAY_MS } from '../../src/common/clock.js';
import { publishFinanceDisclosure, startFinanceMatter } from '../factories/finance-disclosure.js';
import { createVillage, TEST_PASSWORD, type VillageWorld } from '../factories/village.factory.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { startTestApp, TEST_NOW, testConfig, type TestApp } from '../support/test-app.js';

interface Health {
  status: 'ok' | 'warning';
  database: { ok: boolean };
  scheduler: { dueTimers: number; lagSeconds: number };
  calendar: { years: { year: number; provisional: boolean }[] };
  warnings: string[];
}

/** What a county's operator watches: health, metrics and the log, as their tools read them. */
describe('Health, metrics and logs', () => {
  let t: TestApp;
  let world: VillageWorld;
  const METRICS_TOKEN = 'scrape-token-for-the-test';

  beforeAll(async () => {
    t = await startTestApp({ config: testConfig({ metricsToken: METRICS_TOKEN }) });
    world = await createVillage(t);
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  const health = async () => (await t.api().get('/health').expect(200)).body as Health;
  const metrics = async () =>
    (await t.api().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200)).text;

  it('reports ok in March, with the calendar years it holds', async () => {
    const report = await health();
    expect(report).toMatchObject({ status: 'ok', database: { ok: true }, warnings: [] });
    expect(report.calendar.years).toEqual(
      expect.arrayContaining([
        { year: 2026, provisional: false },
        { year: 2027, provisional: true },
      ]),
    );
  });

  it('warns from 60 days before a year whose holidays are only provisional, or missing', async () => {
    t.clock.set(new Date('2026-10-31T02:00:00Z'));
    expect((await health()).warnings).toEqual([]);
    t.clock.set(new Date('2026-11-02T02:00:00Z'));
    expect(await health()).toMatchObject({
      status: 'warning',
      warnings: ['2027 年节假日安排为暂定数据，国务院正式公布后请核对更新'],
    });
    t.clock.set(new Date('2027-12-01T02:00:00Z'));
    const late = await health();
    expect(late.warnings).toEqual([
      '2027 年节假日安排为暂定数据，国务院正式公布后请核对更新',
      expect.stringMatching(/^2028 年没有节假日数据：按工作日计算的期限会把节假日算作工作日/),
    ]);
  });

  it('reports the scheduler falling behind: timers due and not delivered, and for how long', async () => {
    await publishFinanceDisclosure(t, world, { title: '二月收支', body: '收入 1200 元' });
    t.clock.advance(40 * DAY_MS);
    const report = await health();
    expect(report.scheduler.dueTimers).toBeGreaterThan(0);
    expect(report.scheduler.lagSeconds).toBeGreaterThan(60);
    expect(report.warnings.some((warning) => warning.startsWith('定时任务积压'))).toBe(true);
    const text = await metrics();
    expect(text).toMatch(/^micropower_timers_due [1-9]\d*$/m);
    expect(text).toMatch(/^micropower_timer_lag_seconds [1-9]\d*$/m);
  });

  it('counts the duties flagged overdue by kind, as the township sees them on its list', async () => {
    t.clock.set(new Date('2026-03-02T02:00:00Z'));
    await t.get(SchedulerService).runDue();
    expect(await metrics()).not.toMatch(/^micropower_overdue_duties\{kind="finance-monthly"\}/m);
    // March's finance disclosure was due by 10 April: missed, flagged at the next sweep.
    t.clock.set(new Date('2026-04-10T16:00:00Z'));
    await t.get(SchedulerService).runDue();
    expect(await metrics()).toMatch(/^micropower_overdue_duties\{kind="finance-monthly"\} [1-9]\d*$/m);
  });

  it('counts event types no procedure has under one label: a sender cannot grow the metrics', async () => {
    const matterId = await startFinanceMatter(t, world, '标签');
    for (const type of ['MADE_UP_1', 'MADE_UP_2']) {
      await t
        .api(world.people.committee1.token)
        .post(`/villages/${world.villageId}/matters/${matterId}/events`, { type, payload: {} });
    }
    const text = await metrics();
    expect(text).toMatch(/^micropower_events_total\{event="unknown",outcome="refused"\} [2-9]\d*$/m);
    expect(text).not.toContain('MADE_UP');
  });

  it('counts events, refusals and requests for Prometheus, only for the scraper', async () => {
    await t.api(world.people.villager1.token).post(`/villages/${world.villageId}/matters`, {
      procedureId: 'C3',
      inputs: { title: '越权', period: '2026-01' },
    });
    await t.api().get('/metrics').expect(401);
    const text = await metrics();
    expect(text).toMatch(/^micropower_events_total\{event="START",outcome="accepted"\} [1-9]\d*$/m);
    expect(text).toMatch(/^micropower_refusals_total\{code="[A-Z_.]+"\} [1-9]\d*$/m);
    expect(text).toMatch(
      /^micropower_http_requests_total\{method="GET",route="\/api\/health",status="200"\} [1-9]\d*$/m,
    );
    expect(text).toMatch(
      /^micropower_http_request_duration_seconds_bucket\{method="GET",route="\/api\/health",le="\+Inf"\} \d+$/m,
    );
    expect(text).toContain('# TYPE micropower_overdue_duties gauge');
    // Labels are route templates, never a path with its ids.
    expect(text).not.toContain(world.villageId);
  });
});

describe('Metrics in production', () => {
  it('are refused without METRICS_TOKEN: traffic and refusal figures are not for everyone', async () => {
    const t = await startTestApp({ config: testConfig({ production: true }) });
    try {
      await t.api().get('/metrics').expect(401);
      await t.api().get('/health').expect(200);
    } finally {
      await t.close();
    }
  });
});

describe('Logs', () => {
  it('writes JSON lines with the request id, logging failed and successful logins without the password', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: string | Uint8Array) => lines.push(String(chunk)) > 0;
    const t = await startTestApp({ logLevels: ['log', 'warn', 'error'] });
    try {
      const world = await createVillage(t);
      const server = request(t.app.getHttpServer());
      const wrong = await server
        .post('/api/auth/login')
        .set('x-request-id', 'county-proxy-0001')
        .send({ username: world.people.secretary.username, password: 'not-the-password' })
        .expect(401);
      expect(wrong.headers['x-request-id']).toBe('county-proxy-0001');
      const right = await server
        .post('/api/auth/login')
        .send({ username: world.people.secretary.username, password: TEST_PASSWORD })
        .expect(200);
      const records = lines
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown> & { message: Record<string, unknown> });
      const failed = records.find((record) => record.message?.event === 'login.failed');
      expect(failed).toMatchObject({
        level: 'warn',
        context: 'Auth',
        requestId: 'county-proxy-0001',
        message: { username: world.people.secretary.username, address: expect.any(String) },
      });
      const succeeded = records.find((record) => record.message?.event === 'login.succeeded');
      expect(succeeded?.requestId).toBe(right.headers['x-request-id']);
      expect(
        records.find(
          (record) => record.message?.event === 'http' && record.requestId === 'county-proxy-0001',
        ),
      ).toMatchObject({ message: { method: 'POST', route: '/api/auth/login', status: 401 } });
      expect(lines.join('')).not.toContain('not-the-password');
      expect(lines.join('')).not.toContain(TEST_PASSWORD);
    } finally {
      process.stdout.write = write;
      await t.close();
    }
  });
});
