import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import request from 'supertest';
import type { Page } from 'playwright-core';
import { seedConsoleWorld } from '../factories/console-world.js';
import type { MemberKey } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { consoleLinks } from '../support/console-links.js';
import {
  cspViolations,
  describeInBrowser,
  openPage,
  startBrowserWorld,
  type BrowserWorld,
} from '../support/browser.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  nodes: { target: string[] }[];
}

/** WCAG 2.1 A and AA, as axe-core checks them in the page as the browser laid it out. */
async function violations(page: Page, path: string): Promise<string[]> {
  // Evaluated, not added as a script tag: the site's CSP rightly refuses an inline script.
  await page.evaluate(AXE_SOURCE);
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
/** Start forms differ by item only in their fields: the secretary's crawl reads every one, the others one. */
const startKindOf = (path: string) => kindOf(path).replace(/\/start\?code=.*$/, '/start');

/**
 * axe-core on every page of the console (and no style or script the site's CSP refuses) (as secretary, committee member, supervisor, township officer
 * and villager, every page their links reach) and every public page, on a phone-sized window.
 */
describeInBrowser('Accessibility (axe-core) of every console and public page', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
    await seedConsoleWorld(env.t, env.world);
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
      const kind = who === 'secretary' ? kindOf(path) : startKindOf(path);
      if (kinds.has(kind)) continue;
      kinds.add(kind);
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
      expect(cspViolations(page)).toEqual([]);
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
    expect(cspViolations(page)).toEqual([]);
  }, 120_000);
});
