import { DAY_MS } from '../../src/common/clock.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Saturday 2026-03-07, 10:00 in Beijing: the day a newcomer tried the README's walk and it stopped. */
const SATURDAY = new Date('2026-03-07T02:00:00.000Z');

/** The embedded demo's clock, moved over HTTP as the README's walk moves it. */
describe('The demo clock (POST /api/clock/advance)', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp({ adjustable: true, now: SATURDAY });
    world = await createVillage(t);
  });
  afterAll(() => t.close());

  const advance = (body: object, who: 'district' | 'secretary' = 'district') =>
    t.api(world.people[who].token).post('/clock/advance', body);

  it('moves to the end of a public period as the server reports it, on any day of the week', async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    for (const present of [
      ['secretary', 'committee1', 'committee2'],
      ['secretary', 'committee1', 'party1', 'party2', 'party3'],
      ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3'],
    ] as const) {
      await matter.holdMeeting({ present: [...present], yes: [...present] });
    }
    const published = await matter.publish('决议公开');
    const endsAt = published.disclosures.at(-1)?.periodEndsAt;
    expect(endsAt).toEqual(expect.any(String));

    // Eight days from a Saturday fall short of a period that ends on a working day: `until` does not.
    const moved = await advance({ until: endsAt }).expect(200);
    expect(Date.parse(moved.body.now)).toBeGreaterThanOrEqual(Date.parse(endsAt!));
    expect(moved.body.timersDelivered).toBeGreaterThanOrEqual(1);
    expect((await matter.read()).state).toBe('implementation');
  });

  it('never turns time back, and refuses an instant it cannot read or that is too far', async () => {
    const before = (await t.api().get('/clock').expect(200)).body.now as string;
    const back = await advance({ until: '2020-01-01T00:00:00Z' }).expect(200);
    expect(Date.parse(back.body.now)).toBeGreaterThanOrEqual(Date.parse(before));

    const unreadable = await advance({ until: '明天' }).expect(400);
    expect(unreadable.body.code).toBe('REQUEST.INVALID');
    const tooFar = await advance({ until: '2099-01-01T00:00:00Z' }).expect(400);
    expect(tooFar.body).toMatchObject({
      code: 'REQUEST.INVALID',
      message: expect.stringContaining('时钟一次最多前移十年'),
    });
    expect(Date.parse((await t.api().get('/clock').expect(200)).body.now)).toBeLessThan(
      Date.parse(before) + 60_000,
    );
  });

  it('is read by every process at its next beat when another process moved it', async () => {
    const before = Date.parse((await t.api().get('/clock').expect(200)).body.now as string);
    // Another process of the same database moved the clock a day on: its offset is in the shared setting.
    const [{ value }] = await t.dataSource.query<{ value: string }[]>(
      `SELECT value FROM app_setting WHERE key = 'clock.offset-ms'`,
    );
    await t.dataSource.query(`UPDATE app_setting SET value = $1 WHERE key = 'clock.offset-ms'`, [
      String(Number(value) + DAY_MS),
    ]);
    await t.get(SchedulerService).runDue();
    const after = Date.parse((await t.api().get('/clock').expect(200)).body.now as string);
    expect(after - before).toBeGreaterThanOrEqual(DAY_MS);
    expect(after - before).toBeLessThan(DAY_MS + 60_000);
  });

  it('is moved by the district administrator only', async () => {
    const refused = await advance({ days: 1 }, 'secretary').expect(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
  });
});
