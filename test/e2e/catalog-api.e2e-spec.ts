import request from 'supertest';
import { FlowchartCache } from '../../src/catalog/flowchart-cache.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { recordedStatements } from '../support/recorded-statements.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** supertest leaves SVG as bytes; read it as text. */
const asText = (response: request.Response, done: (error: Error | null, body: string) => void) => {
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => (text += chunk));
  response.on('end', () => done(null, text));
};
const svgOf = async (test: request.Test) =>
  (await test.buffer(true).parse(asText).expect(200)).body as string;

describe('Catalog API', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it("lists at least thirty items in the eight categories, then the supervisors' own, without logging in", async () => {
    const response = await t.api().get('/catalog').expect(200);
    type Category = { code: string; kind: string; title: string; items: { code: string }[] };
    const categories = response.body as Category[];
    const powers = categories.filter((category) => category.kind === 'power');
    expect(powers.map((category) => category.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(categories.every((category) => category.items.length > 0)).toBe(true);
    expect(powers.flatMap((category) => category.items).length).toBeGreaterThanOrEqual(30);
    expect(categories.at(-1)).toMatchObject({ code: 'S', kind: 'supervision', title: '监督整改' });
    expect(categories.at(-1)!.items.map((item) => item.code)).toEqual(['S1']);
  });

  it('shows each item’s statutory class with the body, rule and notice the law gives it, on the API and the page', async () => {
    const response = await t.api().get('/catalog/D7').expect(200);
    expect(response.body).toMatchObject({
      statutoryClasses: [
        {
          code: 'landCompensation',
          title: '征地补偿费的使用、分配方案',
          deciders: [
            { body: 'collectiveMembers', ruleSet: 'collective-assembly', noticeDays: 10 },
            { body: 'villagers', ruleSet: 'collective-assembly', noticeDays: 10 },
          ],
          legalBasis: expect.stringContaining('第二十八条') as string,
        },
      ],
    });
    const a2 = (await t.api().get('/catalog/A2').expect(200)).body as {
      statutoryClasses: { code: string }[];
    };
    expect(a2.statutoryClasses.map((entry) => entry.code)).toHaveLength(9);
    const page = await t.api().get('/catalog/F1').expect(200);
    expect(page.body).toMatchObject({ statutoryClasses: [{ decidedBy: '乡镇人民政府', deciders: [] }] });
    const html = await request(t.app.getHttpServer()).get('/p/catalog/D7').expect(200);
    expect(html.text).toContain('征地补偿费的使用、分配方案');
    expect(html.text).toContain(
      '<strong>集体经济组织成员大会</strong>：三分之二以上成员参加，全体成员三分之二以上同意；会前通知 10 天',
    );
  });

  it('shows an item with its steps, roles, disclosures, legal basis, risk points and requirements', async () => {
    const response = await t.api().get('/catalog/B1').expect(200);
    expect(response.body).toMatchObject({
      code: 'B1',
      category: { code: 'B', title: '工程项目和物资采购' },
      parameters: { villagerVoteFrom: 50000, publicTenderFrom: 100000 },
      disclosures: [
        { step: '立项公示', kind: 'resolution', period: { days: 7, unit: 'calendar' } },
        { step: '项目决算公开', kind: 'result', period: { days: 7, unit: 'calendar' } },
      ],
      flowchart: '/api/catalog/B1/flowchart.svg',
    });
    expect(response.body.riskPoints).toContain('拆分项目规避表决或招标');
    expect((response.body.steps as { key: string }[]).map((step) => step.key)).toContain('tender');
    expect(response.body.requirements).toContainEqual({
      requirement: 'tender',
      title: '公开招标（10万元以上）',
      exemption: null,
    });
  });

  it('shows an exemption with its reason', async () => {
    const response = await t.api().get('/catalog/D6').expect(200);
    expect(response.body.requirements).toContainEqual(
      expect.objectContaining({ requirement: 'vote', exemption: expect.stringContaining('农户自主流转') }),
    );
  });

  it('draws the item’s flowchart as SVG', async () => {
    const response = await t.api().get('/catalog/A1/flowchart.svg').expect(200);
    expect(response.headers['content-type']).toContain('image/svg+xml');
    const svg = await svgOf(t.api().get('/catalog/A1/flowchart.svg'));
    expect(svg).toContain('<svg');
    expect(svg).toContain('党员大会审议');
  });

  it('lays a chart out once, then answers from the cache, and 304 to a browser that has it', async () => {
    const charts = t.get(FlowchartCache);
    const first = await t.api().get('/catalog/B1/flowchart.svg').expect(200);
    const layouts = charts.layouts;
    const again = await t.api().get('/catalog/B1/flowchart.svg').expect(200);
    expect(charts.layouts).toBe(layouts);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('public, no-cache');
    const revalidated = await t
      .api()
      .get('/catalog/B1/flowchart.svg')
      .set('if-none-match', String(first.headers.etag))
      .expect(304);
    expect(revalidated.text).toBe('');
    // Another version is another chart, with another validator.
    const other = await t.api().get('/catalog/A1/flowchart.svg').expect(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('answers a chart’s second request without asking the database which version is the newest', async () => {
    await t.api().get('/catalog/C1/flowchart.svg').expect(200);
    const statements = await recordedStatements(t, () =>
      t.api().get('/catalog/C1/flowchart.svg').expect(200),
    );
    expect(statements).toEqual([]);
  });

  it('answers an unknown item with the error shape', async () => {
    const response = await t.api().get('/catalog/Z9').expect(404);
    expect(response.body.code).toBe('PROCEDURE.NOT_FOUND');
  });

  it('draws a matter’s chart with its current step and the path it took', async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    const svg = await svgOf(t.api(world.people.villager1.token).get(`${matter.path}/flowchart.svg`));
    expect(svg).toContain('#ffd27f');
    expect(svg).toContain('#1f5fbf');
    // The chart moves with the matter: a new step is a new validator, so a browser's copy is not reused.
    const before = await t.api(world.people.villager1.token).get(`${matter.path}/flowchart.svg`).expect(200);
    expect(before.headers['cache-control']).toBe('private, no-cache');
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    const after = await t.api(world.people.villager1.token).get(`${matter.path}/flowchart.svg`).expect(200);
    expect(after.headers.etag).not.toBe(before.headers.etag);
    await t
      .api(world.people.villager1.token)
      .get(`/villages/${world.villageId}/matters/${world.villageId}/flowchart.svg`)
      .expect(404);
  });

  it('records a conflict of interest declared during a matter, traced', async () => {
    const matter = await MatterDriver.start(t, world);
    const response = await t
      .api(world.people.supervisor.token)
      .post(`${matter.path}/conflicts`, {
        personId: world.people.party2.personId,
        relation: 'closeRelative',
        note: '申请人配偶',
      })
      .expect(200);
    expect(response.body.conflicts).toEqual([
      expect.objectContaining({ personId: world.people.party2.personId, relation: 'closeRelative' }),
    ]);
    expect((await matter.trace()).at(-1)).toMatchObject({
      eventType: 'DECLARE_CONFLICT',
      accepted: true,
      actor: { role: 'supervisor' },
    });
    const refused = await t
      .api(world.people.villager2.token)
      .post(`${matter.path}/conflicts`, { personId: world.people.party3.personId, relation: 'other' });
    expect(refused.status).toBe(403);
  });
});
