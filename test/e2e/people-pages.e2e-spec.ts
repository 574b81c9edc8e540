import request from 'supertest';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * 人员与身份 in the console, tried as an outsider would: another village's person or role named in the
 * address, a role that is no role, a date that is no date, a password too long to hash cheaply. Each is
 * refused with its reason on the page, what was typed is still there, and nothing changes.
 */
describe('The console’s people pages refuse what the API refuses', () => {
  let t: TestApp;
  let world: VillageWorld;
  let neighbour: VillageWorld;
  const web = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
    neighbour = await createVillage(t, { within: world });
  });
  afterAll(() => t.close());

  const rolesOf = async (personId: string) =>
    (
      await t.dataSource.query<{ role: string; valid_to: string | null }[]>(
        `SELECT role, valid_to::text FROM membership WHERE person_id = $1 ORDER BY role`,
        [personId],
      )
    ).map((row) => `${row.role}:${row.valid_to ?? ''}`);

  it('keeps each village’s people to its own pages: another village’s person or role is not found', async () => {
    const secretary = await consoleCookie(t, world, 'secretary');
    const stranger = neighbour.people.villager1.personId;
    const page = await web()
      .get(`/c/v/${world.villageId}/people/${stranger}`)
      .set('cookie', secretary)
      .expect(404);
    expect(page.body).toMatchObject({ code: 'PERSON.NOT_FOUND' });
    // Opened in the browser, the refusal is a page in Chinese, not the API's JSON.
    const opened = await web()
      .get(`/c/v/${world.villageId}/people/${stranger}`)
      .set('cookie', secretary)
      .set('accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')
      .expect(404)
      .expect('content-type', /^text\/html/)
      .expect('x-error-code', 'PERSON.NOT_FOUND');
    expect(opened.text).toContain('<h1>找不到此页</h1>');
    expect(opened.text).toContain('<a href="/c">回到工作台</a>');
    // A reader without the register's role is told so on a page too.
    const villager = await web()
      .get(`/c/v/${world.villageId}/people`)
      .set('cookie', await consoleCookie(t, world, 'villager1'))
      .set('accept', 'text/html')
      .expect(403)
      .expect('content-type', /^text\/html/);
    expect(villager.text).toContain('<h1>您无权查看此页</h1>');
    expect(villager.headers['x-error-code']).toMatch(/^AUTH\./);

    // A supervisor reads who holds which role, not the usernames the secretary and the township hand over.
    const supervisor = await consoleCookie(t, world, 'supervisor');
    const read = await web()
      .get(`/c/v/${world.villageId}/people/${world.people.villager1.personId}`)
      .set('cookie', supervisor)
      .expect(200);
    expect(read.text).toContain('已开通登录账号');
    expect(read.text).not.toContain(world.people.villager1.username);

    // A role of one person ended through another's page: the address names both, so it is refused.
    const own = world.people.villager1.personId;
    const [membership] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM membership WHERE person_id = $1 AND role = 'villager'`,
      [world.people.villager2.personId],
    );
    const before = await rolesOf(world.people.villager2.personId);
    const crossed = await web()
      .post(`/c/v/${world.villageId}/people/${own}/roles/${membership.id}/end`)
      .set('cookie', secretary)
      .type('form')
      .send({ validTo: '2099-01-01' })
      .expect(404);
    expect(crossed.headers['x-error-code']).toBe('MEMBERSHIP.NOT_FOUND');
    expect(await rolesOf(world.people.villager2.personId)).toEqual(before);

    // The township of both villages may not give one village's person a role through the other's pages.
    const township = await consoleCookie(t, world, 'township');
    const across = await web()
      .post(`/c/v/${world.villageId}/people/${stranger}/roles`)
      .set('cookie', township)
      .type('form')
      .send({ role: 'representative', validFrom: '2026-03-02' });
    expect(across.status).toBe(404);
    expect(await rolesOf(stranger)).not.toContain('representative:');
  });

  it('names what is wrong with a form, keeps what was typed, and changes nothing', async () => {
    const township = await consoleCookie(t, world, 'township');
    const personId = world.people.villager2.personId;
    const path = `/c/v/${world.villageId}/people/${personId}`;
    const before = await rolesOf(personId);
    const cases = [
      {
        to: 'roles',
        form: { role: 'mayor', validFrom: '2026-03-02' },
        code: 'REQUEST.INVALID',
        words: '请选择身份',
      },
      {
        to: 'roles',
        form: { role: 'representative', validFrom: '2026-02-30' },
        code: 'REQUEST.INVALID',
        words: '日期应为 年-月-日',
      },
      {
        to: 'roles',
        form: { role: 'representative', validFrom: '2026-03-02', vcChair: '1' },
        code: 'MEMBERSHIP.INVALID',
        words: '只有两委成员可以兼任村委会主任',
      },
      {
        to: 'password',
        form: { password: 'x'.repeat(257) },
        code: 'REQUEST.INVALID',
        words: '密码不能超过 256 个字符',
      },
      {
        to: 'password',
        form: { password: '12345678' },
        code: 'ACCOUNT.WEAK_PASSWORD',
        words: '不能全是数字',
      },
    ];
    for (const { to, form, code, words } of cases) {
      const page = await web().post(`${path}/${to}`).set('cookie', township).type('form').send(form);
      expect({ form, code: page.headers['x-error-code'] }).toEqual({ form, code });
      expect(page.text).toContain(words);
    }
    // The role chosen stays chosen after a refusal.
    const kept = await web()
      .post(`${path}/roles`)
      .set('cookie', township)
      .type('form')
      .send({ role: 'member_representative', validFrom: '2026-02-30' });
    expect(kept.text).toContain('<option value="member_representative" selected>');
    expect(await rolesOf(personId)).toEqual(before);

    // A login for someone who has none: the username as typed comes back with the reason.
    const secretary = await consoleCookie(t, world, 'secretary');
    const created = await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/people`, { name: '无账号村民', roles: [{ role: 'villager' }] })
      .expect(201);
    const username = await web()
      .post(`/c/v/${world.villageId}/people/${created.body.person.id as string}/account`)
      .set('cookie', secretary)
      .type('form')
      .send({ username: 'Zhang San', password: 'a-good-password-1' });
    expect(username.status).toBe(400);
    expect(username.text).toContain('用户名应为 3 到 64 位小写字母');
    expect(username.text).toContain('value="Zhang San"');
    expect(
      await t.dataSource.query(`SELECT 1 FROM account WHERE person_id = $1`, [created.body.person.id]),
    ).toEqual([]);
  });
});
