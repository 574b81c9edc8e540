import request from 'supertest';
import { seedConsoleWorld } from '../factories/console-world.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { consoleLinks } from '../support/console-links.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Words of the program a person may read, and which are fine: file kinds, units, a hash's name. Item
 * codes (A1, X2) and household codes (H001) have fewer than three letters in a row and never match.
 */
const ALLOWED = new Set(['PDF', 'SHA', 'Excel', 'CSV', 'csv', 'xlsx']);

/** The text a person reads on a page (and its tab): no markup, comments, scripts or styles. */
function visibleText(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, ' ');
}

/** Latin words of three letters or more: a program word slipped onto a page (`findings`, `awaiting_opinion`). */
const programWords = (text: string) =>
  [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]{2,}/g)].map(([word]) => word).filter((word) => !ALLOWED.has(word));

/**
 * A crawl of the console as the people who use it: every page reachable from their workbench (matters in
 * every kind of step, start forms of every item, the village's own items, the register, the township's
 * overview), read for program words a person would see.
 */
describe('The console speaks Chinese: no program word on any page', () => {
  let t: TestApp;
  let world: VillageWorld;
  const web = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
    await seedConsoleWorld(t, world);
  }, 180_000);
  afterAll(() => t.close());

  const logIn = (who: MemberKey) => consoleCookie(t, world, who);

  /**
   * The test village's people and regions are named in Latin letters (`secretary（1a2b3c）`), and a login's
   * username (`用户名：rep4-d1d58421`) is what its holder types: not program words.
   */
  const withoutTestNames = (text: string) =>
    text
      .replace(/用户名：[^。\s]+/g, ' ')
      .replace(/\b(district|township|village)-[0-9a-f]+\b/g, ' ')
      .replace(/[A-Za-z0-9]+（[0-9a-f]+）/g, ' ');

  /** Every console page `who` reaches by links and by the start form's choices, with the words found on each. */
  const crawl = async (who: MemberKey) => {
    const cookie = await logIn(who);
    const queue = ['/c'];
    const seen = new Set<string>();
    const found: string[] = [];
    while (queue.length > 0) {
      const path = queue.shift() as string;
      if (seen.has(path)) continue;
      seen.add(path);
      const page = await web().get(path).set('cookie', cookie);
      expect([path, page.status]).toEqual([path, 200]);
      const html = page.text;
      queue.push(...consoleLinks(html, path));
      for (const word of new Set(programWords(withoutTestNames(visibleText(html))))) {
        found.push(`${path}: ${word}`);
      }
    }
    return { pages: seen.size, found };
  };

  it.each(['secretary', 'committee1', 'supervisor', 'township'] as const)(
    'shows %s no program word',
    async (who) => {
      const { pages, found } = await crawl(who);
      expect(pages).toBeGreaterThan(8);
      expect(found).toEqual([]);
    },
    120_000,
  );
});
