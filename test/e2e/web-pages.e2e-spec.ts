import request from 'supertest';
import {
  createVillage,
  TEST_PASSWORD,
  type MemberKey,
  type VillageWorld,
} from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The server-rendered pages over HTTP: what the browser tests rely on, checked without a browser. */
describe('Web pages', () => {
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

  const logIn = async (who: MemberKey) => {
    const response = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people[who].username, password: TEST_PASSWORD, next: '/c' })
      .expect(303);
    return (response.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
  };

  it('shows the public pages without a login, in Chinese', async () => {
    const home = await web().get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.text).toContain('<html lang="zh-CN">');
    expect(home.text).toContain(`/p/${world.villageId}`);
    expect((await web().get(`/p/${world.villageId}`).expect(200)).text).toContain('正在公示');
    expect((await web().get(`/p/${world.villageId}/lists`).expect(200)).text).toContain('负面清单');
    expect((await web().get(`/p/${world.villageId}/verify`).expect(200)).text).toContain('核验通过');
    const css = await web().get('/assets/app.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('sends a visitor of the console to the login page and back', async () => {
    const console = await web().get(`/c/v/${world.villageId}`).expect(303);
    expect(console.headers.location).toBe(`/login?next=${encodeURIComponent(`/c/v/${world.villageId}`)}`);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, and never redirects off the site', async () => {
    const response = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people.secretary.username, password: TEST_PASSWORD, next: '//evil.example/x' })
      .expect(303);
    expect(response.headers.location).toBe('/c');
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('answers a wrong password with the page and a Chinese message', async () => {
    const response = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people.secretary.username, password: 'wrong password' })
      .expect(401);
    expect(response.text).toContain('用户名或密码不正确');
  });

  it('shows what will be recorded before an act, and records it only when confirmed', async () => {
    const started = await t
      .api(world.people.committee1.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'C3',
        inputs: { title: '<b>财务</b>公开', period: '2026-02' },
      })
      .expect(201);
    const matter = `/c/v/${world.villageId}/m/${(started.body as { id: string }).id}`;
    const cookie = await logIn('supervisor');
    const page = await web().get(matter).set('cookie', cookie).expect(200);
    expect(page.text).toContain('&lt;b&gt;财务&lt;/b&gt;公开');
    expect(page.text).not.toContain('<b>财务</b>');

    const form = { type: 'SUPERVISOR_APPROVE', opinion: '凭证齐全' };
    const confirm = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send(form)
      .expect(200);
    expect(confirm.text).toContain('确认提交');
    const before = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${(started.body as { id: string }).id}/trace`);
    expect((before.body as unknown[]).length).toBe(1);

    const done = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, confirmed: 'yes' })
      .expect(303);
    expect(decodeURIComponent(done.headers.location)).toContain('ok=已办理');
    const after = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${(started.body as { id: string }).id}/trace`);
    expect((after.body as { eventType: string }[]).map((row) => row.eventType)).toEqual([
      'START',
      'SUPERVISOR_APPROVE',
    ]);
  });

  it('explains a refused act in Chinese and changes nothing', async () => {
    const started = await t
      .api(world.people.committee1.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'C3',
        inputs: { title: '财务公开', period: '2026-02' },
      })
      .expect(201);
    const matter = `/c/v/${world.villageId}/m/${(started.body as { id: string }).id}`;
    const cookie = await logIn('villager1');
    const refused = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ type: 'SUPERVISOR_APPROVE', opinion: '同意', confirmed: 'yes' })
      .expect(303);
    expect(decodeURIComponent(refused.headers.location)).toContain('error=您的角色不能进行这一步操作');
    const trace = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${(started.body as { id: string }).id}/trace`);
    expect((trace.body as { eventType: string; accepted: boolean }[]).at(-1)).toMatchObject({
      eventType: 'SUPERVISOR_APPROVE',
      accepted: false,
    });
  });
});
