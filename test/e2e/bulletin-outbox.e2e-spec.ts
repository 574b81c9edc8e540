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
 * Issue 20's 村情月报 to people away from home: subscribed on the village's page, sent once a month to
 * each subscriber by email through a real SMTP server (Debian's aiosmtpd) and by SMS through a stand-in
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

  it('is sent once to each subscriber, retried when the SMS provider fails, and stops after unsubscribing', async () => {
    await publishFinanceDisclosure(t, world, { title: '三月财务收支', body: '收入 3200 元，支出 1800 元' });

    const subscribed = await subscribe('email', ' Wang.Fang@Example.cn ').expect(200);
    expect(subscribed.text).toContain('已订阅');
    await subscribe('email', 'wang.fang@example.cn').expect(200);
    await subscribe('sms', '138 0013 8000').expect(200);
    const refused = await subscribe('sms', '12345').expect(422);
    expect(refused.text).toContain('请填写 11 位手机号码');
    expect(refused.text).toContain('value="12345"');

    // Before the 5th nothing goes out.
    await beat('2026-04-04T02:00:00Z');
    expect(smtp.messages()).toHaveLength(0);
    expect(sms.received).toHaveLength(0);

    sms.failuresLeft = 1;
    // The village's bulletin is built once for the run, not once for each subscriber.
    const board = t.get(PublicBoardService);
    const build = board.bulletin.bind(board);
    let builds = 0;
    board.bulletin = (...args) => ((builds += 1), build(...args));
    await beat('2026-04-05T02:00:00Z');
    board.bulletin = build;
    expect(builds).toBe(1);
    const [raw] = smtp.messages();
    const mail = readMail(raw);
    expect(smtp.messages()).toHaveLength(1);
    expect(mail.subject).toMatch(/2026年3月村情月报$/);
    expect(mail.to).toBe('wang.fang@example.cn');
    expect(mail.text).toContain('三月财务收支');
    const unsubscribeLink = /https:\/\/cunwu\.example\.cn\/p\/[\w-]+\/unsubscribe\?token=([\w-]+)/.exec(
      mail.text,
    );
    expect(unsubscribeLink).not.toBeNull();
    expect(sms.received).toHaveLength(1);

    // The same beat again, and two at once: nothing is sent twice; the SMS waits for its retry.
    await beat('2026-04-05T02:00:30Z');
    await Promise.all([t.get(SchedulerService).runDue(), t.get(BulletinOutboxService).runDue(t.clock.now())]);
    expect(smtp.messages()).toHaveLength(1);
    expect(sms.received).toHaveLength(1);

    await beat('2026-04-05T02:02:00Z');
    expect(sms.received).toHaveLength(2);
    expect(sms.received[0].key).toBe(sms.received[1].key);
    expect(sms.received[1]).toMatchObject({
      to: '13800138000',
      authorization: 'Bearer sms-key-for-the-test',
      text: expect.stringContaining('2026年3月村情月报') as string,
    });
    await beat('2026-04-06T02:00:00Z');
    expect(sms.received).toHaveLength(2);

    // Leaving by the link: a page to confirm, then nothing more by email; the SMS subscriber still gets May's.
    const token = unsubscribeLink![1];
    const confirm = await page().get(`/p/${world.villageId}/unsubscribe?token=${token}`).expect(200);
    expect(confirm.text).toContain('确认退订');
    const left = await page()
      .post(`/p/${world.villageId}/unsubscribe`)
      .type('form')
      .send({ token })
      .expect(200);
    expect(left.text).toContain('已退订');
    await page().post(`/p/${world.villageId}/unsubscribe`).type('form').send({ token }).expect(404);
    await beat('2026-05-05T02:00:00Z');
    expect(smtp.messages()).toHaveLength(1);
    expect(sms.received).toHaveLength(3);
    expect(sms.received[2].text).toContain('2026年4月村情月报');
  });

  afterEach(() => t.clock.set(TEST_NOW));
});
