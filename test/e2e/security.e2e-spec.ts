import request from 'supertest';
import { LOGIN_THROTTLE } from '../../src/identity/login-throttle.js';
import { SESSION_COOKIE } from '../../src/identity/auth.guard.js';
import { KnownDevices } from '../../src/identity/known-devices.js';
import { createVillage, TEST_PASSWORD, type VillageWorld } from '../factories/village.factory.js';
import { publishFinanceDisclosure, startFinanceMatter } from '../factories/finance-disclosure.js';
import { consoleCookie, flashOf } from '../support/console-login.js';
import { createServerDatabase } from '../support/test-database.js';
import { startTestApp, testConfig, type TestApp } from '../support/test-app.js';

/** The machine's PostgreSQL, also where the suite itself runs on PGlite: two processes need a server. */
const SERVER_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Tried as an outside tester would: guessing passwords, reusing tokens after logout, posting from another
 * site or port, framing pages, spoofing the Host header, text in the address, control characters in a
 * feed. Each test names what an attacker tries and what the app answers.
 */
describe('Security over HTTP (red team)', () => {
  let t: TestApp;
  let world: VillageWorld;
  const web = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    // Behind a proxy on this host, as deployed: the address comes from X-Forwarded-For.
    t = await startTestApp({
      config: testConfig({ trustProxy: 'loopback', publicUrl: 'https://cunwu.example.cn' }),
    });
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });

  /** A login as if from `address` (every test its own, so one test's failures never block another's). */
  const login = (username: string, password: string, address: string) =>
    t.api().post('/auth/login', { username, password }, { 'x-forwarded-for': address });
  let lastOctet = 0;
  const freshAddress = () => `198.51.100.${++lastOctet}`;

  describe('login throttling', () => {
    it('refuses the right password after 50 wrong ones, saying how long to wait', async () => {
      const address = freshAddress();
      const { username } = world.people.secretary;
      const answers: number[] = [];
      for (let i = 0; i < 50; i++) answers.push((await login(username, `wrong-${i}`, address)).status);
      // The free failures are checked; the next is checked too and starts the back-off; the rest wait.
      const checked = LOGIN_THROTTLE.freeFailuresPerAccount + 1;
      expect(answers.slice(0, checked)).toEqual(Array(checked).fill(401));
      expect(new Set(answers.slice(checked))).toEqual(new Set([429]));

      const right = await login(username, TEST_PASSWORD, address).expect(429);
      expect(right.body).toMatchObject({
        code: 'AUTH.TOO_MANY_ATTEMPTS',
        message: '登录失败次数过多，请稍后再试',
      });
      expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Another address is no way around it: the account itself waits.
      await login(username, TEST_PASSWORD, freshAddress()).expect(429);
    });

    it('gives a burst of parallel guesses no more tries than a sequence', async () => {
      const address = freshAddress();
      const { username } = world.people.committee1;
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(username, `guess-${i}`, address)),
      );
      const checked = answers.filter((answer) => answer.status === 401).length;
      expect(checked).toBe(LOGIN_THROTTLE.freeFailuresPerAccount + 1);
    });

    it('lets the person in once the wait is over, and then forgets the failures', async () => {
      const address = freshAddress();
      const { username } = world.people.committee2;
      for (let i = 0; i < 8; i++) await login(username, `wrong-${i}`, address);
      await login(username, TEST_PASSWORD, address).expect(429);
      // The wait runs on the wall clock: end it as time would.
      await t.dataSource.query(`UPDATE login_throttle SET blocked_until = now() - interval '1 second'`);
      await login(username, TEST_PASSWORD, address).expect(200);
      const [row] = await t.dataSource.query<unknown[]>(`SELECT 1 FROM login_throttle WHERE key = $1`, [
        `account:${username}`,
      ]);
      expect(row).toBeUndefined();
    });

    it('blocks an address that sprays many accounts, not the people elsewhere', async () => {
      const address = freshAddress();
      for (let i = 0; i <= LOGIN_THROTTLE.freeFailuresPerAddress; i++) {
        await login(`nobody-${i}`, 'wrong password', address).expect(401);
      }
      await login(world.people.villager1.username, TEST_PASSWORD, address).expect(429);
      await login(world.people.villager1.username, TEST_PASSWORD, freshAddress()).expect(200);
    });

    it('lets the owner in from a browser they logged in from before, while guesses from elsewhere keep the account waiting', async () => {
      const { username } = world.people.supervisor;
      const formLogin = (who: string, password: string, cookie = '') =>
        web()
          .post('/login')
          .set('x-forwarded-for', freshAddress())
          .set('cookie', cookie)
          .type('form')
          .send({ username: who, password, next: '/c' });
      const cookiesOf = (answer: request.Response) =>
        (answer.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
      const first = await formLogin(username, TEST_PASSWORD).expect(303);
      const device = cookiesOf(first)
        .find((cookie) => cookie.startsWith('mp_device='))!
        .split(';')[0];

      // Someone guesses from address after address until the account waits.
      for (let i = 0; i < 12; i++) await login(username, `guess-${i}`, freshAddress());
      await login(username, TEST_PASSWORD, freshAddress()).expect(429);
      const elsewhere = await formLogin(username, TEST_PASSWORD);
      expect(elsewhere.status).toBe(401);
      expect(elsewhere.text).toContain('登录失败次数过多');

      // The owner's own browser gets in, and that does not lift the wait for everyone else.
      const owner = await formLogin(username, TEST_PASSWORD, device).expect(303);
      expect(cookiesOf(owner).some((cookie) => cookie.startsWith('mp_session='))).toBe(true);
      await login(username, TEST_PASSWORD, freshAddress()).expect(429);

      // The cookie is this account's alone, and cannot be made up.
      const other = world.people.rep2.username;
      for (let i = 0; i < 12; i++) await login(other, `guess-${i}`, freshAddress());
      expect((await formLogin(other, TEST_PASSWORD, device)).status).toBe(401);
      const [id, day] = device.slice('mp_device='.length).split('.');
      const forged = `mp_device=${id}.${day}.${'A'.repeat(43)}`;
      expect((await formLogin(username, TEST_PASSWORD, forged)).status).toBe(401);
      const stale = await t.get(KnownDevices).issue(username, new Date(Date.now() - 181 * 86_400_000));
      expect((await formLogin(username, TEST_PASSWORD, `mp_device=${stale}`)).status).toBe(401);

      // Guesses on the known device wait as well, on its own count.
      const answers: number[] = [];
      for (let i = 0; i < 8; i++) answers.push((await formLogin(username, `typo-${i}`, device)).status);
      expect(answers).toEqual(Array(8).fill(401));
      const afterTypos = await formLogin(username, TEST_PASSWORD, device);
      expect(afterTypos.status).toBe(401);
      expect(afterTypos.text).toContain('登录失败次数过多');
    });

    it('keeps the back-off in the database: a second app process on it refuses too', async () => {
      const database = await createServerDatabase(SERVER_URL);
      const first = await startTestApp({ database });
      const second = await startTestApp({ database });
      try {
        const people = await createVillage(first);
        const { username } = people.people.secretary;
        for (let i = 0; i < 10; i++) {
          await first.api().post('/auth/login', { username, password: `wrong-${i}` });
        }
        const answer = await second.api().post('/auth/login', { username, password: TEST_PASSWORD });
        expect(answer.status).toBe(429);
      } finally {
        await second.close({ keepDatabase: true });
        await first.close();
      }
    });
  });

  describe('passwords', () => {
    it.each([
      '12345678',
      'password',
      'Password123!',
      'p@ssw0rd',
      'qwertyuiop',
      'aaaaaaaa',
      'woaini1314',
      'abc12345',
    ])('refuses %s as a new password, with the rule in Chinese', async (weak) => {
      const answer = await t
        .api(world.people.secretary.token)
        .post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: weak })
        .expect(422);
      expect(answer.body.code).toBe('ACCOUNT.WEAK_PASSWORD');
      expect(answer.body.message).toMatch(/^密码不符合要求：/);
      // Nothing changed: the old password and token still work.
      await t.api(world.people.secretary.token).get('/me').expect(200);
    });

    it('throttles guessing the current password with a stolen token like logging in', async () => {
      const { token } = world.people.party1;
      const answers: number[] = [];
      for (let i = 0; i < 8; i++) {
        answers.push(
          (
            await t
              .api(token)
              .post('/auth/password', { currentPassword: `guess-${i}`, newPassword: '春耕-2027-北坡地' })
          ).status,
        );
      }
      expect(answers.slice(0, LOGIN_THROTTLE.freeFailuresPerAccount + 1)).toEqual(
        Array(LOGIN_THROTTLE.freeFailuresPerAccount + 1).fill(401),
      );
      expect(answers.at(-1)).toBe(429);
    });

    it('refuses a password that contains the username', async () => {
      const { username, token } = world.people.secretary;
      const answer = await t
        .api(token)
        .post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword: `${username}-2026` })
        .expect(422);
      expect(answer.body.message).toContain('不能包含用户名');
    });
  });

  describe('token revocation', () => {
    it('refuses a token after its holder logged out, and only that token', async () => {
      const { username } = world.people.villager1;
      const address = freshAddress();
      const phone = (await login(username, TEST_PASSWORD, address).expect(200)).body.token as string;
      const laptop = (await login(username, TEST_PASSWORD, address).expect(200)).body.token as string;
      await t.api(phone).post('/auth/logout').expect(204);
      expect((await t.api(phone).get('/me')).body.code).toBe('AUTH.UNAUTHENTICATED');
      await t.api(laptop).get('/me').expect(200);
    });

    it('refuses every earlier token after a password change, the changer’s own included', async () => {
      const { username } = world.people.villager2;
      const address = freshAddress();
      const stolen = (await login(username, TEST_PASSWORD, address).expect(200)).body.token as string;
      const own = (await login(username, TEST_PASSWORD, address).expect(200)).body.token as string;
      const newPassword = '春耕-2027-北坡地';
      await t.api(own).post('/auth/password', { currentPassword: TEST_PASSWORD, newPassword }).expect(204);
      await t.api(stolen).get('/me').expect(401);
      await t.api(own).get('/me').expect(401);
      await login(username, newPassword, address).expect(200);
    });

    it('revokes the console session on logout: the copied cookie no longer reads', async () => {
      const cookie = await consoleCookie(t, world, 'supervisor');
      await web().get('/api/me').set('cookie', cookie).expect(200);
      await web().post('/logout').set('cookie', cookie).expect(303);
      await web().get('/api/me').set('cookie', cookie).expect(401);
      const page = await web().get('/c').set('cookie', cookie).expect(303);
      expect(page.headers.location).toMatch(/^\/login/);
    });
  });

  describe('cross-site writes (CSRF)', () => {
    /** A console write: the supervisor's approval of a finance disclosure matter, confirmed. */
    async function approvalAttempt(headers: Record<string, string>) {
      const matterId = await startFinanceMatter(t, world);
      const cookie = await consoleCookie(t, world, 'supervisor');
      const answer = await web()
        .post(`/c/v/${world.villageId}/m/${matterId}/act`)
        .set('cookie', cookie)
        .set(headers)
        .type('form')
        .send({ type: 'SUPERVISOR_APPROVE', opinion: '同意', confirmed: 'yes' });
      const trace = await t
        .api(world.people.secretary.token)
        .get(`/villages/${world.villageId}/matters/${matterId}/trace`);
      return { answer, events: (trace.body as { eventType: string }[]).map((row) => row.eventType) };
    }

    it.each([
      ['a page of another site (Origin)', { origin: 'https://evil.example' }],
      ['a page on another port of this host (Origin)', { origin: 'http://127.0.0.1:4000' }],
      [
        'another site, as the browser labels it',
        { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      ],
      [
        'another port, as the browser labels it',
        { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:4000' },
      ],
      ['a page of another site (Referer only)', { referer: 'https://evil.example/page' }],
      ['a sandboxed frame', { origin: 'null' }],
    ])('refuses a console write from %s and records nothing', async (_label, headers) => {
      const { answer, events } = await approvalAttempt(headers);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('AUTH.CROSS_SITE');
      expect(events).toEqual(['START']);
    });

    it('does not let a made-up bearer header carry a cookie write past the check', async () => {
      const { answer, events } = await approvalAttempt({
        authorization: 'Bearer junk',
        origin: 'https://evil.example',
      });
      expect(answer.status).toBe(403);
      expect(events).toEqual(['START']);
    });

    it('takes the same write from the site’s own page', async () => {
      const { answer, events } = await approvalAttempt({
        'sec-fetch-site': 'same-origin',
        origin: 'https://cunwu.example.cn',
      });
      expect(answer.status).toBe(303);
      expect(events).toEqual(['START', 'SUPERVISOR_APPROVE']);
    });

    it('refuses a login posted from another site (login CSRF): no session cookie is set', async () => {
      const answer = await web()
        .post('/login')
        .set('origin', 'https://evil.example')
        .type('form')
        .send({ username: world.people.villager1.username, password: TEST_PASSWORD });
      expect(answer.status).toBe(403);
      expect(String(answer.headers['set-cookie'] ?? '')).not.toContain(SESSION_COOKIE);
    });
  });

  describe('redirects, headers and the address', () => {
    it.each(['/\\evil.example', '//evil.example', 'https://evil.example', '/\t/evil.example'])(
      'sends a login with next=%s to the console, not off the site',
      async (next) => {
        const answer = await web()
          .post('/login')
          .type('form')
          .send({ username: world.people.villager3.username, password: TEST_PASSWORD, next })
          .expect(303);
        expect(answer.headers.location).toBe('/c');
      },
    );

    it.each(['/', '/c', '/login', '/api/health', `/api/public/villages`])(
      '%s carries the security headers',
      async (path) => {
        const answer = await web().get(path);
        const policy = String(answer.headers['content-security-policy']);
        expect(policy).toContain("frame-ancestors 'none'");
        expect(policy).toContain("script-src 'self'");
        expect(policy).toContain("default-src 'self'");
        expect(policy).not.toContain('unsafe-inline');
        expect(answer.headers['x-content-type-options']).toBe('nosniff');
        expect(answer.headers['referrer-policy']).toBe('same-origin');
        expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
      },
    );

    it('names the session cookie __Host- behind the TLS proxy it trusts, and reads no cookie planted without it', async () => {
      const overTls = (test: request.Test) => test.set('x-forwarded-proto', 'https');
      const answer = await overTls(web().post('/login'))
        .type('form')
        .send({ username: world.people.rep1.username, password: TEST_PASSWORD })
        .expect(303);
      const [set, ...others] = answer.headers['set-cookie'] as unknown as string[];
      expect(others).toContainEqual(
        expect.stringMatching(/^__Host-mp_device=[^;]+; Max-Age=\d+; Path=\/;.*; Secure;/),
      );
      // What browsers require of the prefix: Secure, Path=/ and no Domain, set by this host itself.
      expect(set).toMatch(
        /^__Host-mp_session=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; Secure; SameSite=Strict$/,
      );
      const token = set.split(';')[0].slice('__Host-mp_session='.length);
      const console = (cookie: string) => overTls(web().get('/c')).set('cookie', cookie);
      expect((await console(`__Host-mp_session=${token}`)).status).toBe(200);
      // The same token under the bare name, as a sibling subdomain or a plain-HTTP page could set it: not read.
      expect((await console(`mp_session=${token}`)).status).toBe(303);

      // The flash message likewise: set and cleared under the prefix, and a planted bare one never shown.
      const refused = await overTls(web().get(`/c/v/${world.villageId}/start?code=NO-SUCH-ITEM`))
        .set('cookie', `__Host-mp_session=${token}`)
        .expect(303);
      const flash = (refused.headers['set-cookie'] as unknown as string[]).find((line) =>
        line.startsWith('__Host-mp_flash='),
      );
      expect(flash).toMatch(/; Path=\/;.*; Secure; SameSite=Strict$/);
      const shown = await console(`__Host-mp_session=${token}; ${flash!.split(';')[0]}`);
      expect(shown.text).toMatch(/class="flash error"/);
      expect(String(shown.headers['set-cookie'])).toMatch(/^__Host-mp_flash=;/);
      const bait = `error.${Buffer.from('系统通知：请将密码发送至12345').toString('base64url')}`;
      const planted = await console(`__Host-mp_session=${token}; mp_flash=${bait}`);
      expect(planted.text).not.toContain('系统通知');
    });

    it('builds feed links from the configured address, whatever Host the caller sends', async () => {
      const atom = await web()
        .get(`/api/public/villages/${world.villageId}/feed.atom`)
        .set('host', 'evil.example')
        .expect(200);
      expect(atom.text).toContain('href="https://cunwu.example.cn/api/public/villages/');
      expect(atom.text).not.toContain('evil.example');
      const json = await web()
        .get(`/api/public/villages/${world.villageId}/feed.json`)
        .set('host', 'evil.example')
        .expect(200);
      expect(JSON.stringify(json.body)).not.toContain('evil.example');
    });

    it('shows no text from the address as a system message', async () => {
      const cookie = await consoleCookie(t, world, 'secretary');
      const bait = '系统通知：请将密码发送至12345';
      for (const path of ['/', '/c', `/c/v/${world.villageId}`]) {
        const page = await web()
          .get(`${path}?error=${encodeURIComponent(bait)}&ok=${encodeURIComponent(bait)}`)
          .set('cookie', cookie);
        expect(page.status).toBe(200);
        expect(page.text).not.toContain(bait);
      }
    });

    it('shows the message of the last refusal once, from its cookie', async () => {
      const cookie = await consoleCookie(t, world, 'villager1');
      const refused = await web()
        .get(`/c/v/${world.villageId}/start?code=NO-SUCH-ITEM`)
        .set('cookie', cookie)
        .expect(303);
      const flash = (refused.headers['set-cookie'] as unknown as string[]).find((line) =>
        line.startsWith('mp_flash='),
      );
      expect(flashOf(refused)).toMatch(/^error: /);
      const shown = await web()
        .get(String(refused.headers.location))
        .set('cookie', `${cookie}; ${flash!.split(';')[0]}`);
      expect(shown.text).toMatch(/class="flash error"/);
      expect(String(shown.headers['set-cookie'])).toMatch(/^mp_flash=;/);
    });
  });

  describe('attachments', () => {
    it.each(['text/javascript', 'text/html', 'image/svg+xml', 'application/xhtml+xml'])(
      'serves an attachment uploaded as %s as plain bytes, never as a script or page of this site',
      async (mediaType) => {
        const uploaded = await t
          .api(world.people.committee1.token)
          .upload(
            `/villages/${world.villageId}/attachments?filename=${encodeURIComponent('附件')}`,
            Buffer.from('alert(1)'),
            mediaType,
          )
          .expect(201);
        const served = await t
          .api(world.people.committee1.token)
          .get(`/villages/${world.villageId}/attachments/${(uploaded.body as { id: string }).id}`)
          .expect(200);
        expect(served.headers['content-type']).toBe('application/octet-stream');
        expect(served.headers['x-content-type-options']).toBe('nosniff');
      },
    );

    it('keeps a file no record names its uploader’s alone; once a disclosure names it, the village reads it', async () => {
      const committee = t.api(world.people.committee1.token);
      const uploaded = await committee
        .upload(
          `/villages/${world.villageId}/attachments?filename=${encodeURIComponent('草稿.txt')}`,
          Buffer.from('尚未提交的预算草稿'),
          'text/plain',
        )
        .expect(201);
      const path = `/villages/${world.villageId}/attachments/${(uploaded.body as { id: string }).id}`;
      await committee.get(path).expect(200);
      // Its id leaked, a draft is still nobody else's, cadres' and supervisors' included.
      for (const other of ['villager1', 'secretary', 'supervisor'] as const) {
        const refused = await t.api(world.people[other].token).get(path);
        expect(refused.status).toBe(404);
        expect(refused.body).toMatchObject({ code: 'ATTACHMENT.NOT_FOUND' });
      }
      const matterId = await startFinanceMatter(t, world, '三月财务');
      const events = `/villages/${world.villageId}/matters/${matterId}/events`;
      await t
        .api(world.people.supervisor.token)
        .post(events, { type: 'SUPERVISOR_APPROVE', payload: { opinion: '凭证齐全' } })
        .expect(200);
      await committee
        .post(events, {
          type: 'SUBMIT_DISCLOSURE',
          payload: {
            title: '三月财务公开',
            body: '附预算',
            attachments: [(uploaded.body as { id: string }).id],
          },
        })
        .expect(200);
      await t.api(world.people.villager1.token).get(path).expect(200);
    });

    it('keeps the type of a photo or a PDF', async () => {
      const uploaded = await t
        .api(world.people.committee1.token)
        .upload(
          `/villages/${world.villageId}/attachments?filename=scan.pdf`,
          Buffer.from('%PDF-1.7'),
          'application/pdf',
        )
        .expect(201);
      const served = await t
        .api(world.people.committee1.token)
        .get(`/villages/${world.villageId}/attachments/${(uploaded.body as { id: string }).id}`)
        .expect(200);
      expect(served.headers['content-type']).toBe('application/pdf');
    });
  });

  describe('public reads', () => {
    it('answers an address that reads too fast 429 with the wait, and no one else', async () => {
      const limited = await startTestApp({
        config: testConfig({ trustProxy: 'loopback', publicRateLimit: 5 }),
      });
      try {
        const server = request(limited.app.getHttpServer());
        const read = (path: string, address: string) => server.get(path).set('x-forwarded-for', address);
        const scraper = freshAddress();
        const answers: number[] = [];
        for (const path of [
          '/',
          '/p/catalog',
          '/api/catalog',
          '/api/public/villages',
          '/api/catalog/A1',
          '/p/catalog',
        ]) {
          answers.push((await read(path, scraper)).status);
        }
        expect(answers).toEqual([200, 200, 200, 200, 200, 429]);
        const refused = await read('/api/public/villages', scraper).expect(429);
        expect(refused.body.code).toBe('REQUEST.RATE_LIMITED');
        expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
        await read('/api/public/villages', freshAddress()).expect(200);
        // Only what anyone may read is counted: health, login and the console are not.
        await read('/api/health', scraper).expect(200);
        await read('/login', scraper).expect(200);
      } finally {
        await limited.close();
      }
    });
  });

  describe('feeds', () => {
    /** XML 1.0's Char production: what a conforming parser accepts. */
    const XML_CHAR = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u;

    it('drops control characters from a disclosure in the Atom feed, keeping the rest', async () => {
      await publishFinanceDisclosure(t, world, {
        matterTitle: '二月\u0001财务',
        title: '收支\u000b明细',
        body: '收入\u0001 1200 元\u000b支出 300 元',
      });

      const atom = (await web().get(`/api/public/villages/${world.villageId}/feed.atom`).expect(200)).text;
      expect(atom).toMatch(XML_CHAR);
      expect(atom).toContain('收入 1200 元支出 300 元');
      expect(atom).toContain('<title>收支明细</title>');
    });
  });
});
