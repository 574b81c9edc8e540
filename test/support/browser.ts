import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import {
  createVillage,
  TEST_PASSWORD,
  type MemberKey,
  type VillageWorld,
} from '../factories/village.factory.js';
import { startTestApp, type TestApp } from './test-app.js';

/** Debian's Chromium, which `.ci/run` installs; flags keep it off the closed network. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `describe` where Chromium is present; elsewhere the browser tests are skipped with one line saying why,
 * so `npm test` runs on a newcomer's machine. CI (`CI=true`) never skips them: there a missing browser fails.
 */
export const describeInBrowser: jest.Describe = (() => {
  if (existsSync(CHROMIUM) || process.env.CI === 'true') return describe;
  process.stderr.write(
    `browser tests skipped: no Chromium at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH; CI requires it)\n`,
  );
  return describe.skip;
})();

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 800 },
} as const;
export type ViewportName = keyof typeof VIEWPORTS;

/** Screenshots are test artifacts (kept by CI, ignored by git); a few are copied into the README. */
export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

const refusedByPolicy = new WeakMap<Page, string[]>();

/** What the site's Content Security Policy refused on this page so far (a style, a script, a frame). */
export const cspViolations = (page: Page): string[] => refusedByPolicy.get(page) ?? [];

export async function openPage(browser: Browser, viewport: ViewportName): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'zh-CN' });
  const page = await context.newPage();
  const refused: string[] = [];
  refusedByPolicy.set(page, refused);
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/.test(message.text())) {
      refused.push(`${page.url()}: ${message.text().slice(0, 200)}`);
    }
  });
  return page;
}

export async function snap(page: Page, journey: string, viewport: ViewportName, step: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${journey}-${viewport}-${step}.png`), fullPage: true });
}

/** Runs in the page (the tests' TypeScript has no DOM library): controls no label, legend text or aria-label names. */
const UNLABELLED_CONTROLS = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
  .filter((element) => {
    const id = element.getAttribute('id');
    return !((id && document.querySelector('label[for="' + id + '"]')) || element.closest('label') ||
      element.getAttribute('aria-label') || (element.tagName === 'BUTTON' && element.textContent.trim()));
  })
  .map((element) => element.outerHTML.slice(0, 80))`;

/** Every form control has a name a screen reader reads out: a label, or a button's own text. */
export function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(UNLABELLED_CONTROLS);
}

/**
 * Runs in the page: the lowest contrast ratio (WCAG) between the text and its background, over the
 * elements people read and press. Backgrounds are looked up through transparent ancestors.
 */
const LOWEST_CONTRAST = `(() => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => {
    const channel = (value) => { const v = value / 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || (colour.length === 4 && colour[3] > 0)) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  let lowest = 21;
  let measured = 0;
  for (const element of document.querySelectorAll('p, li, h1, h2, h3, a, button, label, td, th, legend')) {
    if (!element.textContent.trim()) continue;
    const [a, b] = [luminance(rgb(getComputedStyle(element).color).slice(0, 3)), luminance(background(element))];
    lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
    measured++;
  }
  // Nothing measured is a broken check, not a perfect page.
  return measured > 0 ? lowest : 0;
})()`;

export function lowestContrast(page: Page): Promise<number> {
  return page.evaluate<number>(LOWEST_CONTRAST);
}

/** The app listening on a local port, a village of people, and Chromium: one per browser test file. */
export interface BrowserWorld {
  t: TestApp;
  world: VillageWorld;
  browser: Browser;
  base: string;
  /** Opens a page at the viewport, logged in as `who` through the login form, on their workbench. */
  loggedIn(viewport: ViewportName, who: MemberKey): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserWorld(): Promise<BrowserWorld> {
  const t = await startTestApp();
  await t.app.listen(0, '127.0.0.1');
  const base = await t.app.getUrl();
  const browser = await launchBrowser();
  const world = await createVillage(t);
  return {
    t,
    world,
    browser,
    base,
    loggedIn: async (viewport, who) => {
      const page = await openPage(browser, viewport);
      await page.goto(`${base}/login`);
      await page.getByLabel('用户名').fill(world.people[who].username);
      await page.getByLabel('密码').fill(TEST_PASSWORD);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL(`${base}/c`);
      return page;
    },
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Takes one act on the matter page: fills its form, checks the confirmation page, confirms. */
export async function act(
  page: Page,
  title: string,
  fill: (form: Locator) => Promise<void> = async () => {},
): Promise<void> {
  const form = page.locator('section.card', { has: page.getByRole('heading', { name: title, exact: true }) });
  if ((await form.count()) === 0) {
    const open = await page.locator('section.card h3').allTextContents();
    throw new Error(
      `no form for ${title}; open: ${open.join(', ')}; ${(await page.locator('.flash').allTextContents()).join(' ')}`,
    );
  }
  await fill(form);
  await form.getByRole('button', { name: '下一步：核对' }).click();
  await page.getByRole('button', { name: `确认提交：${title}` }).click();
  const status = await page.getByRole('status').textContent();
  if (!status?.includes('已办理')) throw new Error(`${title}: ${await page.locator('.flash').textContent()}`);
}
