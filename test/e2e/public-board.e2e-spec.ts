import { createHash } from 'node:crypto';
import request from 'supertest';
import { DAY_MS } from '../../src/common/clock.js';
import { DemoSeedService } from '../../src/demo/demo-seed.service.js';
import type { DemoLogins } from '../../src/demo/demo-logins.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

interface BoardItem {
  title: string;
  matterTitle: string;
  status: string;
  periodEndsAt: string;
  daysLeft?: number;
  attachments: { id: string; filename: string; sha256: string }[];
}

/** The demo village as a newcomer finds it: what its villagers read without logging in. */
describe('The public board (公开栏) of the demo village', () => {
  let t: TestApp;
  let logins: DemoLogins;
  let villageId: string;

  beforeAll(async () => {
    t = await startTestApp();
    logins = (await t.get(DemoSeedService).seedIfEmpty())!;
    villageId = logins.villages.find((village) => village.name === '东庄村')!.id;
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  const board = async () =>
    (await t.api().get(`/public/villages/${villageId}/board`).expect(200)).body as {
      current: BoardItem[];
      past: BoardItem[];
    };
  const loginAs = async (username: string) =>
    (await t.api().post('/auth/login', { username, password: logins.password }).expect(200)).body
      .token as string;

  it('lists the villages of the district', async () => {
    const villages = await t.api().get('/public/villages').expect(200);
    expect(villages.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: villageId, name: '东庄村', township: '韩店镇', district: '上党区' }),
      ]),
    );
  });

  it('shows the disclosures now public, with the days left, and nothing private', async () => {
    const { current, past } = await board();
    expect(current.map((item) => item.title).sort()).toEqual([
      '2026-02 财务收支情况',
      '关于硬化村北主干道的决议',
    ]);
    expect(current[0]).toMatchObject({
      status: 'published',
      periodEndsAt: '2026-03-09T16:00:00.000Z',
      daysLeft: 7,
    });
    expect(past).toEqual([]);
    // The small project still being proposed has nothing public yet.
    expect(JSON.stringify(current)).not.toContain('村委会院墙修缮');
  });

  it('moves a disclosure to the past once its public period is over', async () => {
    t.clock.advance(10 * DAY_MS);
    await t.get(SchedulerService).runDue();
    const { current, past } = await board();
    expect(current).toEqual([]);
    expect(past.map((item) => item.status)).toEqual(['ended', 'ended']);
  });

  it('publishes a feed in Atom and in JSON Feed that a group relay can follow', async () => {
    const atom = await t.api().get(`/public/villages/${villageId}/feed.atom`).expect(200);
    expect(atom.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(atom.text).toContain('<title>东庄村 村务公开栏</title>');
    expect(atom.text.match(/<entry>/g)).toHaveLength(2);
    expect(atom.text).toContain('<title>关于硬化村北主干道的决议</title>');

    const json = await t.api().get(`/public/villages/${villageId}/feed.json`).expect(200);
    expect(json.headers['content-type']).toMatch(/^application\/feed\+json/);
    const feed = JSON.parse(json.text) as { version: string; items: { title: string }[] };
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.items.map((item) => item.title)).toContain('2026-02 财务收支情况');
  });

  it('lets a villager open a past disclosure with its votes, follow the feed to the page, and share the bulletin', async () => {
    t.clock.advance(10 * DAY_MS);
    await t.get(SchedulerService).runDue();
    const web = () => request(t.app.getHttpServer());
    const page = (await web().get(`/p/${villageId}`).expect(200)).text;
    expect(page).toContain(`/p/${villageId}/bulletin?month=2026-03`);
    expect(page).toContain(`/api/public/villages/${villageId}/feed.atom`);
    const past = [
      ...page.matchAll(
        /<li><a href="(\/p\/[^"]+\/m\/[^"#]+)#[^"]+">关于硬化村北主干道的决议<\/a>（[^）]*；([^）]*)）/g,
      ),
    ];
    expect(past).toHaveLength(1);
    // The period stored as ending at 2026-03-10 00:00 is read as its last day.
    expect(past[0][2]).toBe('3月2日 至 3月9日');

    const record = (await web().get(past[0][1]).expect(200)).text;
    expect(record).toContain('公示期：3月2日 至 3月9日');
    expect(record).toMatch(/应到 \d+ 人，实到 \d+ 人；赞成 \d+，反对 \d+，弃权 \d+/);
    expect(record).toContain('结果：<strong>通过</strong>');
    // Counts only: no one's name, so no one's vote, reaches the public record.
    const named = logins.accounts.filter((account) => record.includes(account.name));
    expect(named.map((account) => account.name)).toEqual([]);

    const atom = (await t.api().get(`/public/villages/${villageId}/feed.atom`).expect(200)).text;
    expect(atom).toMatch(
      new RegExp(`<link rel="alternate" href="http://[^"]+/p/${villageId}/m/[0-9a-f-]+#[0-9a-f-]+"/>`),
    );
    expect(atom).not.toContain('/board');
    expect(atom).toContain('公示至 3月9日');

    const verify = (await web().get(`/p/${villageId}/verify`).expect(200)).text;
    expect(verify).toMatch(/核验时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}。/);

    const bulletin = (await web().get(`/p/${villageId}/bulletin?month=2026-03`).expect(200)).text;
    expect(bulletin).toContain('2026年3月村情月报');
    expect(bulletin).toContain('本月公开事项（2 项）');
    expect(bulletin).toMatch(/<pre class="bulletin-text">东庄村 2026年3月村情月报\n一、本月公开事项（2项）/);
    expect(bulletin).toContain(`/p/${villageId}/bulletin?month=2026-02`);
    // A month it cannot read is this month's bulletin, not an error page.
    await web().get(`/p/${villageId}/bulletin?month=2026-13`).expect(200);
  });

  it('generates the monthly village bulletin (村情月报) from the month’s disclosures and decisions', async () => {
    const bulletin = await t.api().get(`/public/villages/${villageId}/bulletins/2026-03`).expect(200);
    expect(bulletin.body).toMatchObject({ village: { name: '东庄村' }, month: '2026-03' });
    expect(bulletin.body.disclosures).toHaveLength(2);
    expect(
      (bulletin.body.decisions as { matterTitle: string }[]).map((decision) => decision.matterTitle),
    ).toEqual(['硬化村北主干道', '硬化村北主干道', '硬化村北主干道']);
    expect(bulletin.body.text).toContain('东庄村');
    expect(bulletin.body.text).toContain('关于硬化村北主干道的决议');

    const empty = await t.api().get(`/public/villages/${villageId}/bulletins/2025-12`).expect(200);
    expect(empty.body).toMatchObject({ disclosures: [], decisions: [] });
    await t.api().get(`/public/villages/${villageId}/bulletins/2026-13`).expect(400);
  });

  it('answers an unknown village with a clear error', async () => {
    const missing = await t
      .api()
      .get('/public/villages/00000000-0000-4000-8000-000000000000/board')
      .expect(404);
    expect(missing.body).toMatchObject({ code: 'REGION.NOT_FOUND' });
  });

  it('shows the township officer both demo villages side by side, with the supervisors’ open problem', async () => {
    const township = await loginAs('township');
    const regions = (await t.api(township).get('/regions').expect(200)).body as {
      id: string;
      kind: string;
    }[];
    const townshipId = regions.find((region) => region.kind === 'township')!.id;

    const overview = await t.api(township).get(`/regions/${townshipId}/overview`).expect(200);

    const rows = (overview.body as { villages: { village: { name: string }; problems: { open: number } }[] })
      .villages;
    expect(rows.map((row) => row.village.name).sort()).toEqual(logins.villages.map((v) => v.name).sort());
    expect(rows.find((row) => row.village.name === '东庄村')!.problems.open).toBe(1);
  });

  it('serves an attachment to anyone once its disclosure is published, with the hash it was stored with', async () => {
    const committee = await loginAs('dz-committee1');
    const content = Buffer.from('院墙修缮预算明细：砖 3000 元，人工 5000 元');
    const uploaded = await t
      .api(committee)
      .upload(
        `/villages/${villageId}/attachments?filename=${encodeURIComponent('预算明细.txt')}`,
        content,
        'text/plain; charset=utf-8',
      )
      .expect(201);
    const attachment = uploaded.body as { id: string; sha256: string; size: number };
    expect(attachment.size).toBe(content.length);
    const publicPath = `/public/villages/${villageId}/attachments/${attachment.id}`;
    await t.api().get(publicPath).expect(404);

    const published = await publishWithAttachment(committee, attachment.id);
    expect(published.title).toBe('C3 更正公开');
    const download = await t.api().get(publicPath).expect(200);
    expect(download.headers['content-type']).toMatch(/^text\/plain/);
    expect(download.text).toBe(content.toString());
    expect(download.headers['x-content-sha256']).toBe(createHash('sha256').update(content).digest('hex'));
    expect(attachment.sha256).toBe(download.headers['x-content-sha256']);
  });

  /** A fresh monthly finance disclosure carrying the attachment, published through the engine's path. */
  async function publishWithAttachment(committee: string, attachmentId: string): Promise<BoardItem> {
    const started = await t
      .api(committee)
      .post(`/villages/${villageId}/matters`, {
        procedureId: 'C3',
        inputs: { title: 'C3 更正', period: '2026-02' },
      })
      .expect(201);
    const events = `/villages/${villageId}/matters/${started.body.id as string}/events`;
    const supervisor = await loginAs('dz-supervisor');
    await t
      .api(supervisor)
      .post(events, { type: 'SUPERVISOR_APPROVE', payload: { opinion: '凭证齐全' } })
      .expect(200);
    await t
      .api(committee)
      .post(events, {
        type: 'SUBMIT_DISCLOSURE',
        payload: { title: 'C3 更正公开', body: '附预算明细', attachments: [attachmentId] },
      })
      .expect(200);
    await t
      .api(supervisor)
      .post(events, { type: 'GIVE_OPINION', payload: { opinion: '同意公开' } })
      .expect(200);
    const { current } = await board();
    return current.find((item) => item.attachments.some((file) => file.id === attachmentId))!;
  }
});
