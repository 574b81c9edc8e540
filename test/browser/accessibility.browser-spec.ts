import { createRequire } from 'node:module';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { BASE_CATALOG, villageItem, type ProcedureDefinition } from '../../workflows/index.js';
import { CatalogWalker } from '../factories/catalog-walker.js';
import { MatterDriver } from '../factories/matter.driver.js';
import type { MemberKey } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { consoleLinks } from '../support/console-links.js';
import { describeInBrowser, openPage, startBrowserWorld, type BrowserWorld } from '../support/browser.js';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const item = (code: string) => BASE_CATALOG.find((entry) => entry.id === code) as ProcedureDefinition;

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA, as axe-core checks them in the page as the browser laid it out. */
async function violations(page: Page, path: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate<AxeViolation[]>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((result) => result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => ({ target: n.target })) })))`,
  );
  return found.map(
    (violation) =>
      `${path}: ${violation.id} ${violation.nodes
        .map((node) => node.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

/** A page kind once: the same template with other ids draws the same markup. */
const kindOf = (path: string) => path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id');

/**
 * axe-core on every page of the console (as secretary, committee member, supervisor, township officer
 * and villager, every page their links reach) and every public page, on a phone-sized window.
 */
describeInBrowser('Accessibility (axe-core) of every console and public page', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
    const { t, world } = env;
    const walker = new CatalogWalker(t, world);
    await walker.walk(item('A1'), 'closed');
    await walker.walk(item('F1'), 'survey');
    const objected = await MatterDriver.start(t, world, { title: '被提出异议的事项' });
    await objected.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await objected.holdMeeting({ present: ['secretary', 'committee1', 'committee2'], yes: ['secretary'] });
    await objected.ok('supervisor', 'OBJECT', { reason: '会议通知时间不足' });
    const inSession = await MatterDriver.start(t, world, { title: '正在开会的事项' });
    await inSession.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await inSession.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    // A list adjustment under review, with its new item's steps and chart.
    const definition = villageItem({
      code: 'X1',
      title: '零星开支审批',
      category: 'C',
      description: '500 元以下',
      startRoles: ['committee_member'],
      basis: '村规民约',
      supervised: true,
    });
    await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'L1',
        inputs: {
          title: '增加零星开支审批事项',
          summary: '纳入清单管理',
          effectiveFrom: '2026-03-02',
          changes: [{ kind: 'addItem', code: 'X1', title: '零星开支审批', definition }],
        },
      })
      .expect(201);
  }, 240_000);
  afterAll(() => env.close());

  /** The console pages `who` reaches by following links from the workbench, one of each kind. */
  const consolePages = async (who: MemberKey): Promise<string[]> => {
    const cookie = await consoleCookie(env.t, env.world, who);
    const queue = ['/c'];
    const kinds = new Set<string>();
    const pages: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (kinds.has(kindOf(path))) continue;
      kinds.add(kindOf(path));
      pages.push(path);
      const html = (await request(env.t.app.getHttpServer()).get(path).set('cookie', cookie).expect(200))
        .text;
      queue.push(...consoleLinks(html, path));
    }
    return pages;
  };

  it.each(['secretary', 'committee1', 'supervisor', 'township', 'villager1'] as const)(
    'finds nothing on the console pages %s reaches',
    async (who) => {
      const paths = await consolePages(who);
      expect(paths.length).toBeGreaterThan(4);
      const page = await env.loggedIn('phone', who);
      const found: string[] = [];
      for (const path of paths) {
        await page.goto(`${env.base}${path}`);
        found.push(...(await violations(page, path)));
      }
      expect(found).toEqual([]);
    },
    180_000,
  );

  it('finds nothing on the public pages', async () => {
    const { world, base } = env;
    const board = (await request(env.t.app.getHttpServer()).get(`/p/${world.villageId}`).expect(200)).text;
    const record = board.match(/href="(\/p\/[^"#]+\/m\/[^"#]+)/)?.[1];
    expect(record).toBeDefined();
    const paths = [
      '/',
      '/login',
      '/p/catalog',
      '/p/catalog/A1',
      '/p/catalog/F1',
      `/p/${world.villageId}`,
      `/p/${world.villageId}/lists`,
      `/p/${world.villageId}/bulletin`,
      `/p/${world.villageId}/verify`,
      record!,
    ];
    const page = await openPage(env.browser, 'phone');
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      found.push(...(await violations(page, path)));
    }
    expect(found).toEqual([]);
  }, 120_000);
});
