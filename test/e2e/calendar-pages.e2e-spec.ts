import request from 'supertest';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** 工作日历 in the console: the district's staff read it from a phone, and its administrator adds days. */
describe('The district’s working-day calendar in the console', () => {
  let t: TestApp;
  let world: VillageWorld;
  const web = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });

  const districtDays = async () =>
    (
      await t.dataSource.query<{ date: string; kind: string; name: string }[]>(
        `SELECT date::text, kind, name FROM calendar_day WHERE region_id = $1 ORDER BY date`,
        [world.districtId],
      )
    ).map((row) => `${row.date} ${row.kind} ${row.name}`);
  const calendarActs = async () =>
    (
      await t.dataSource.query<{ actor_role: string; payload: Record<string, unknown> }[]>(
        `SELECT actor_role, payload FROM trace WHERE village_id = $1 AND event_type = 'SET_CALENDAR_DAY'
          ORDER BY seq`,
        [world.districtId],
      )
    ).map((row): Record<string, unknown> => ({ role: row.actor_role, ...row.payload }));

  it('lets the district administrator add a local day, each on the district’s chain with what it replaced', async () => {
    const district = await consoleCookie(t, world, 'district');
    const region = await web().get(`/c/r/${world.districtId}`).set('cookie', district).expect(200);
    expect(region.text).toContain(`href="/c/r/${world.districtId}/calendar"`);
    const page = await web()
      .get(`/c/r/${world.districtId}/calendar?year=2026`)
      .set('cookie', district)
      .expect(200);
    expect(page.text).toContain('国庆节');
    expect(page.text).toContain('登记本区的放假日或上班日');

    const added = await web()
      .post(`/c/r/${world.districtId}/calendar`)
      .set('cookie', district)
      .type('form')
      .send({ date: '2026-10-12', kind: 'holiday', name: '区庙会' })
      .expect(303);
    expect(added.headers.location).toBe(`/c/r/${world.districtId}/calendar?year=2026`);
    const shown = await web().get(added.headers.location).set('cookie', district).expect(200);
    expect(shown.text).toMatch(/10月12日 周一<\/td><td class="nowrap">放假<\/td><td>区庙会（区定）/);
    // The same day again, as a working day: it replaces the first, and the chain says what it replaced.
    await web()
      .post(`/c/r/${world.districtId}/calendar`)
      .set('cookie', district)
      .type('form')
      .send({ date: '2026-10-12', kind: 'workday', name: '庙会改期' })
      .expect(303);
    expect(await districtDays()).toEqual(['2026-10-12 workday 庙会改期']);
    expect(await calendarActs()).toEqual([
      { role: 'district_admin', date: '2026-10-12', kind: 'holiday', name: '区庙会', replaced: null },
      {
        role: 'district_admin',
        date: '2026-10-12',
        kind: 'workday',
        name: '庙会改期',
        replaced: { kind: 'holiday', name: '区庙会' },
      },
    ]);
  });

  it('keeps a national holiday a day off: the district cannot make it a working day', async () => {
    const district = await consoleCookie(t, world, 'district');
    const page = await web()
      .post(`/c/r/${world.districtId}/calendar`)
      .set('cookie', district)
      .type('form')
      .send({ date: '2026-10-01', kind: 'workday', name: '加班' })
      .expect(409);
    expect(page.headers['x-error-code']).toBe('CALENDAR.NATIONAL_HOLIDAY');
    expect(page.text).toContain('2026-10-01是国家法定节假日（国庆节');
    expect(page.text).toContain('value="加班"');
    const api = await t
      .api(world.people.district.token)
      .post(`/regions/${world.districtId}/calendar`, { date: '2026-10-01', kind: 'workday', name: '加班' })
      .expect(409);
    expect(api.body).toMatchObject({ code: 'CALENDAR.NATIONAL_HOLIDAY', details: { name: '国庆节' } });
    // A day off of its own on a national 调休 working day makes notices longer: that it may add.
    await t
      .api(world.people.district.token)
      .post(`/regions/${world.districtId}/calendar`, { date: '2026-10-10', kind: 'holiday', name: '区庙会' })
      .expect(201);
    expect(await districtDays()).toEqual(['2026-10-10 holiday 区庙会']);
    expect((await calendarActs()).map((act) => act.date)).toEqual(['2026-10-10']);
  });

  it('shows the township its district’s calendar without the form, and refuses its forged one', async () => {
    const township = await consoleCookie(t, world, 'township');
    const page = await web()
      .get(`/c/r/${world.townshipId}/calendar?year=2026`)
      .set('cookie', township)
      .expect(200);
    expect(page.text).toContain('国庆节');
    expect(page.text).not.toContain('登记本区的放假日或上班日');
    const forged = await web()
      .post(`/c/r/${world.districtId}/calendar`)
      .set('cookie', township)
      .type('form')
      .send({ date: '2026-10-12', kind: 'holiday', name: '区庙会' })
      .expect(403);
    expect(forged.headers['x-error-code']).toBe('AUTH.FORBIDDEN');
    // A village is no district: its id finds no calendar.
    await web().get(`/c/r/${world.villageId}/calendar`).set('cookie', township).expect(404);
    expect(await districtDays()).toEqual([]);
    expect(await calendarActs()).toEqual([]);
  });

  it('names what is wrong with the form, keeps what was typed, and adds nothing', async () => {
    const district = await consoleCookie(t, world, 'district');
    const send = (form: object) =>
      web().post(`/c/r/${world.districtId}/calendar`).set('cookie', district).type('form').send(form);
    const cases = [
      [{ date: '2026-02-30', kind: 'holiday', name: '区庙会' }, '日期应为 年-月-日'],
      [{ date: '2026-10-12', kind: 'weekend', name: '区庙会' }, '请选择放假还是上班'],
      [{ date: '2026-10-12', kind: 'holiday', name: '' }, '请填写名称'],
      [{ date: '2026-10-12', kind: 'holiday', name: '庙'.repeat(51) }, '名称不能超过 50 个字'],
      [{ date: '2026-10-12', kind: 'holiday', name: '庙\u0000会' }, '名称含有无法保存的控制字符'],
    ] as const;
    for (const [form, words] of cases) {
      const refused = await send(form).expect(400);
      expect(refused.headers['x-error-code']).toBe('REQUEST.INVALID');
      expect(refused.text).toContain(words);
      expect(refused.text).toContain(`value="${form.date}"`);
    }
    expect(await districtDays()).toEqual([]);
    expect(await calendarActs()).toEqual([]);
  });
});
