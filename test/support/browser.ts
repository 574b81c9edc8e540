import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

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

export async function openPage(browser: Browser, viewport: ViewportName): Promise<Page> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], locale: 'zh-CN' });
  return context.newPage();
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
