import { createServer, type IncomingMessage, type Server } from 'node:http';
import request from 'supertest';
import { BulletinOutboxService } from '../../src/notifications/bulletin-outbox.service.js';
import { PublicBoardService } from '../../src/public/public-board.service.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { publishFinanceDisclosure } from '../factories/finance-disclosure.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { freePort, hasLocalSmtp, LocalSmtpServer, readMail } from '../support/local-smtp.js';
import { startTestApp, TEST_NOW, testConfig, type TestApp } from '../support/test-app.js';

/** A stand-in for an SMS provider's HTTP API: answers each request as told, and keeps what it was sent. */
class SmsStandIn {
  readonly received: { key: string; to: string; text: string; authorization: string }[] = [];
  failuresLeft = 0;
  private server?: Server;
  port = 0;

  async start(): Promise<void> {
    this.port = await freePort();
    this.server = createServer((incoming: IncomingMessage, answer) => {
      let body = '';
      incoming.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      incoming.on('end', () => {
        const sent = JSON.parse(body) as { to: string; text: string };
        this.received.push({
          key: String(incoming.headers['idempotency-key']),
          authorization: String(incoming.headers.authorization),
          ...sent,
        });
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          answer.writeHead(503).end('busy');
        } else answer.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const smtpAvailable = hasLocalSmtp();
/** CI installs Debian's aiosmtpd; elsewhere the suite says why it skips, in one line. */
const describeWithSmtp: jest.Describe = smtpAvailable || process.env.CI === 'true' ? describe : describe.skip;
if (!smtpAvailable && process.env.CI !== 'true') {
  process.stderr.write('bulletin-outbox: skipped, python3-aiosmtpd (Debian) is not installed\n');
}

/**
 * Issue 20's 村情月报 to people away from home: subscribed on the village's page and confirmed by the
 * link sent to the address (double opt-in), sent once a month to each confirmed subscriber by email through a real SMTP server (Debian's aiosmtpd) and by SMS through a stand-in
 * of a provider's API, retried when the provider fails, never twice, and left by the link it carries.
 */
describeWithSmtp('The monthly bulletin by email and SMS', () => {
  let t: TestApp;
  let world: VillageWorld;
  let smtp: LocalSmtpServer;
  const sms = new SmsStandIn();

  beforeAll(async () => {
    smtp = await LocalSmtpServer.start();
    await sms.start();
    t = await startTestApp({
      config: testConfig({
        publicUrl: 'https://cunwu.example.cn',
        notifications: {
          smtpUrl: smtp.url,
          mailFrom: 'cunwu@example.cn',
          smsApiUrl: `http://127.0.0.1:${sms.port}/send`,
          smsApiKey: 'sms-key-for-the-test',
          bulletinDay: 5,
        },
      }),
    });
    world = await createVillage(t);
  });
  afterAll(async () => {
    await t.close();
    await sms.stop();
    smtp.stop();
  });

  const page = () => request(t.app.getHttpServer());
  const subscribe = (channel: string, address: string) =>
    page().post(`/p/${world.villageId}/subscribe`).type('form').send({ channel, address });
  const beat = async (iso: string) => {
    t.clock.set(new Date(iso));
    await t.get(SchedulerService).runDue();
  };

  const mailsTo = (address: string) =>
    smtp
      .messages()
      .map(readMail)
      .filter((mail) => mail.to === address);
  const linkIn = (text: string, page: 'confirm' | 'unsubscribe') => {
    const link = new RegExp(
      `https://cunwu\\.example\\.cn/p/${world.villageId}/${page}\\?token=([\\w-]+)`,
    ).exec(text);
    expect(link).not.toBeNull();
    return link![1];
  };
  const press = (action: 'confirm' | 'unsubscribe', token: string) =>
    page().post(`/p/${world.villageId}/${action}`).type('form').send({ token });

  it('is sent once to each confirmed subscriber, retried when the SMS provider fails, and stops after unsubscribing', async () => {
    await publishFinanceDisclosure(t, world, { title: '三月财务收支', body: '收入 3200 元，支出 1800 元' });
    t.clock.set(new Date('2026-04-03T02:00:00Z'));

    const subscribed = await subscribe('email', ' Wang.Fang@Example.cn ').expect(200);
    expect(subscribed.text).toContain('我们已向它发送一条确认信息');
    await subscribe('email', 'wang.fang@example.cn').expect(200);
    await subscribe('sms', '138 0013 8000').expect(200);
    // The API's status and code for the same refusal.
    const refused = await subscribe('sms', '12345').expect(400);
    expect(refused.headers['x-error-code']).toBe('REQUEST.INVALID');
    expect(refused.text).toContain('请填写 11 位手机号码');
    expect(refused.text).toContain('value="12345"');

    // Before the 5th no bulletin goes out, but each address gets one confirmation, however often typed.
    await beat('2026-04-04T02:00:00Z');
    const [confirmation, ...more] = mailsTo('wang.fang@example.cn');
    expect(more).toHaveLength(0);
    expect(confirmation.subject).toMatch(/ 村情月报订阅确认$/);
    expect(confirmation.text).toContain('如果不是您本人操作，请忽略');
    expect(sms.received).toHaveLength(1);
    expect(sms.received[0].to).toBe('13800138000');
    const emailToken = linkIn(confirmation.text, 'confirm');
    const smsToken = linkIn(sms.received[0].text, 'confirm');

    // The link opens a page with a button (mail scanners open links); the button confirms.
    const form = await page().get(`/p/${world.villageId}/confirm?token=${emailToken}`).expect(200);
    expect(form.text).toContain('确认订阅');
    expect((await press('confirm', emailToken).expect(200)).text).toContain('订阅已确认');
    await press('confirm', emailToken).expect(200);
    await press('confirm', smsToken).expect(200);

    sms.failuresLeft = 1;
    // The village's bulletin is built once for the run, not once for each subscriber.
    const board = t.get(PublicBoardService);
    const build = board.bulletin.bind(board);
    let builds = 0;
    board.bulletin = (...args) => ((builds += 1), build(...args));
    await beat('2026-04-05T02:00:00Z');
    board.bulletin = build;
    expect(builds).toBe(1);
    const bulletins = () =>
      mailsTo('wang.fang@example.cn').filter((mail) => mail.subject.endsWith('月村情月报'));
    const [mail] = bulletins();
    expect(bulletins()).toHaveLength(1);
    expect(mail.subject).toMatch(/2026年3月村情月报$/);
    expect(mail.text).toContain('三月财务收支');
    // One token per subscription: the one its owner confirmed with is the one to leave by.
    expect(linkIn(mail.text, 'unsubscribe')).toBe(emailToken);
    expect(sms.received).toHaveLength(2);

    // The same beat again, and two at once: nothing is sent twice; the SMS waits for its retry.
    await beat('2026-04-05T02:00:30Z');
    await Promise.all([t.get(SchedulerService).runDue(), t.get(BulletinOutboxService).runDue(t.clock.now())]);
    expect(bulletins()).toHaveLength(1);
    expect(sms.received).toHaveLength(2);

    await beat('2026-04-05T02:02:00Z');
    expect(sms.received).toHaveLength(3);
    expect(sms.received[1].key).toBe(sms.received[2].key);
    expect(sms.received[2]).toMatchObject({
      to: '13800138000',
      authorization: 'Bearer sms-key-for-the-test',
      text: expect.stringContaining('2026年3月村情月报') as string,
    });
    await beat('2026-04-06T02:00:00Z');
    expect(sms.received).toHaveLength(3);

    // Leaving by the link: a page to confirm, then nothing more by email; the SMS subscriber still gets May's.
    const leave = await page().get(`/p/${world.villageId}/unsubscribe?token=${emailToken}`).expect(200);
    expect(leave.text).toContain('确认退订');
    expect((await press('unsubscribe', emailToken).expect(200)).text).toContain('已退订');
    await press('unsubscribe', emailToken).expect(404);
    // Nor does its confirmation link bring it back.
    await press('confirm', emailToken).expect(404);
    await beat('2026-05-05T02:00:00Z');
    expect(bulletins()).toHaveLength(1);
    expect(sms.received).toHaveLength(4);
    expect(sms.received[3].text).toContain('2026年4月村情月报');
  });

  it('reaches an address nobody confirmed with one confirmation a day and nothing else, for a week', async () => {
    const address = 'not.me@example.cn';
    t.clock.set(new Date('2026-06-01T01:00:00Z'));
    // Someone types another person's address, again and again.
    for (const typed of [address, 'Not.Me@Example.cn', ` ${address}`])
      await subscribe('email', typed).expect(200);
    await beat('2026-06-01T02:00:00Z');
    expect(mailsTo(address)).toHaveLength(1);
    const token = linkIn(mailsTo(address)[0].text, 'confirm');
    // A mail scanner opening the link confirms nothing.
    await page().get(`/p/${world.villageId}/confirm?token=${token}`).expect(200);
    t.clock.set(new Date('2026-06-01T03:00:00Z'));
    await subscribe('email', address).expect(200);
    await beat('2026-06-01T04:00:00Z');
    expect(mailsTo(address)).toHaveLength(1);
    // The next day, one more confirmation, for the same subscription.
    t.clock.set(new Date('2026-06-02T01:00:00Z'));
    await subscribe('email', address).expect(200);
    await beat('2026-06-02T02:00:00Z');
    expect(mailsTo(address)).toHaveLength(2);
    expect(linkIn(mailsTo(address)[1].text, 'confirm')).toBe(token);

    // The bulletin's day: the unconfirmed address gets no bulletin.
    await beat('2026-06-05T02:00:00Z');
    await beat('2026-06-05T03:00:00Z');
    expect(mailsTo(address).map((mail) => mail.subject)).not.toContainEqual(
      expect.stringMatching(/月村情月报$/),
    );

    // A week after the subscription its link has lapsed.
    t.clock.set(new Date('2026-06-08T01:00:01Z'));
    const lapsed = await press('confirm', token).expect(404);
    expect(lapsed.text).toContain('确认链接无效或已过期');
    // Subscribing again starts afresh, with a link of its own; the old one stays dead.
    await subscribe('email', address).expect(200);
    await beat('2026-06-08T02:00:00Z');
    expect(mailsTo(address)).toHaveLength(3);
    const fresh = linkIn(mailsTo(address)[2].text, 'confirm');
    expect(fresh).not.toBe(token);
    await press('confirm', token).expect(404);
    await press('confirm', fresh).expect(200);
    await beat('2026-07-05T02:00:00Z');
    expect(mailsTo(address).map((mail) => mail.subject)).toContainEqual(
      expect.stringMatching(/ 2026年6月村情月报$/),
    );
  });

  it('makes a burst of parallel subscriptions of one address one subscription with one confirmation', async () => {
    const address = 'burst@example.cn';
    t.clock.set(new Date('2026-08-01T01:00:00Z'));
    const answers = await Promise.all(Array.from({ length: 6 }, () => subscribe('email', address)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(200));
    const [{ count }] = await t.dataSource.query<{ count: string }[]>(
      `SELECT count(*) AS count FROM bulletin_subscription WHERE address = $1 AND ended_at IS NULL`,
      [address],
    );
    expect(Number(count)).toBe(1);
    await beat('2026-08-01T02:00:00Z');
    expect(mailsTo(address)).toHaveLength(1);
  });

  afterEach(() => t.clock.set(TEST_NOW));
});
