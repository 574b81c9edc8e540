import {
  describeInBrowser,
  snap,
  startBrowserWorld,
  unlabelledControls,
  type BrowserWorld,
} from '../support/browser.js';

/**
 * Who holds which role is recorded by whoever may: on a phone, the secretary registers a villager's login;
 * the township, told the login was opened in the village, sets its password again before making its holder
 * a representative; the secretary is offered no vote to give, and is refused one if he forges the form.
 */
describeInBrowser('People and their roles on a phone', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
  });
  afterAll(() => env.close());

  it('lets the secretary open a villager’s login and the township make them a representative after a reset', async () => {
    const { world, base, t } = env;
    const created = await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/people`, { name: '新村民戊', roles: [{ role: 'villager' }] })
      .expect(201);
    const personId = created.body.person.id as string;
    const personPath = `${base}/c/v/${world.villageId}/people/${personId}`;

    // The secretary finds the villager by name and opens a login for them.
    const secretary = await env.loggedIn('phone', 'secretary');
    await secretary.goto(`${base}/c/v/${world.villageId}`);
    await secretary.getByRole('link', { name: '人员与身份' }).click();
    expect(await unlabelledControls(secretary)).toEqual([]);
    await secretary.getByLabel('按姓名查找').fill('新村民');
    await secretary.getByRole('button', { name: '查找' }).click();
    expect(await secretary.getByText('共 1 人').count()).toBe(1);
    await secretary.getByRole('link', { name: '新村民戊' }).click();
    expect(await unlabelledControls(secretary)).toEqual([]);
    // A secretary is offered the villager's role alone, and told who records the rest.
    expect(await secretary.locator('#grant-role option').allTextContents()).toEqual(['（请选择）', '村民']);
    expect(await secretary.getByText(/村民代表、成员代表、党员.*由乡镇（街道）干部/).count()).toBe(1);
    await secretary.getByLabel(/^用户名/).fill('xin-cunmin-wu');
    await secretary.getByLabel(/^初始密码/).fill('secretary-knows-it');
    await secretary.getByRole('button', { name: '开通登录账号' }).click();
    await secretary.getByText('已开通登录账号').waitFor();
    expect(await secretary.getByText('用户名：xin-cunmin-wu').count()).toBe(1);
    await snap(secretary, 'people', 'phone', '1-login-opened');

    // A forged form giving a vote is refused, with the law's reason, and nothing changes.
    const forged = await secretary.request.post(`${personPath}/roles`, {
      form: { role: 'representative', validFrom: '2099-01-01' },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(forged.headers()['x-error-code']).toBe('MEMBERSHIP.VOTER_BY_TOWNSHIP');

    // The township is told the login was opened in the village: a vote waits for a new password.
    const township = await env.loggedIn('phone', 'township');
    await township.goto(personPath);
    expect(await township.getByText(/该账号由村干部开通/).count()).toBe(1);
    await township.getByLabel('身份').selectOption({ label: '村民代表' });
    await township.getByRole('button', { name: '授予' }).click();
    await township.getByText(/授予村民代表、党员或成员代表身份前，须先由乡镇（街道）重设其密码/).waitFor();
    // What was chosen is still chosen.
    expect(await township.getByLabel('身份').inputValue()).toBe('representative');
    await snap(township, 'people', 'phone', '2-vote-waits-for-reset');

    await township.getByLabel(/^新的初始密码/).fill('township-sets-this-one');
    await township.getByRole('button', { name: '重设密码' }).click();
    await township.getByText('密码已重设').waitFor();
    expect(await township.getByText(/该账号由村干部开通/).count()).toBe(0);
    await township.getByLabel('身份').selectOption({ label: '村民代表' });
    await township.getByRole('button', { name: '授予' }).click();
    await township.getByText('已授予身份').waitFor();
    expect(await township.getByRole('heading', { name: '村民代表', exact: true }).count()).toBe(1);
    await snap(township, 'people', 'phone', '3-representative');

    // The secretary sees the role, and no way to end it.
    await secretary.goto(personPath);
    const representative = secretary.locator('article.card', {
      has: secretary.getByRole('heading', { name: '村民代表', exact: true }),
    });
    expect(await representative.count()).toBe(1);
    expect(await representative.getByRole('button').count()).toBe(0);
    const chain = await t.dataSource.query<{ event_type: string; actor_role: string }[]>(
      `SELECT event_type, actor_role FROM trace
        WHERE village_id = $1 AND payload->>'personId' = $2 ORDER BY seq`,
      [world.villageId, personId],
    );
    expect(chain.map((entry) => `${entry.event_type}:${entry.actor_role}`)).toEqual([
      'REGISTER_PERSON:secretary',
      'GRANT_ROLE:secretary',
      'OPEN_ACCOUNT:secretary',
      'RESET_PASSWORD:township_officer',
      'GRANT_ROLE:township_officer',
    ]);
  });
});
