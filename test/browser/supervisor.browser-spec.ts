import { TEST_PASSWORD, type VillageWorld } from '../factories/village.factory.js';
import {
  lowestContrast,
  openPage,
  snap,
  startBrowserWorld,
  unlabelledControls,
  VIEWPORTS,
  type BrowserWorld,
  type ViewportName,
  describeInBrowser,
} from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** The supervisor's journey in a real browser: find the step in the inbox, object, then approve. */
describeInBrowser.each(Object.keys(VIEWPORTS) as ViewportName[])(
  'A supervisor in the web console (%s)',
  (viewport) => {
    let env: BrowserWorld;
    let t: TestApp;
    let world: VillageWorld;
    let base: string;

    beforeAll(async () => {
      env = await startBrowserWorld();
      ({ t, world, base } = env);
    });
    afterAll(() => env.close());

    it('objects with a reason, sees the step restart, then approves; each act confirmed first', async () => {
      const started = await t
        .api(world.people.committee1.token)
        .post(`/villages/${world.villageId}/matters`, {
          procedureId: 'C3',
          inputs: { title: '2026-02 财务收支公开', period: '2026-02' },
        })
        .expect(201);
      const matterId = (started.body as { id: string }).id;
      const page = await env.loggedIn(viewport, 'supervisor');

      await page
        .getByRole('link', { name: /village-/ })
        .first()
        .click();
      await snap(page, 'supervisor', viewport, '1-inbox');
      await page.getByRole('link', { name: '2026-02 财务收支公开' }).first().click();
      expect(await unlabelledControls(page)).toEqual([]);

      const objection = page.locator('section.card', { hasText: '提出异议' });
      await objection.getByLabel('理由（必填）').fill('收支明细缺少凭证号');
      await objection.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByText('收支明细缺少凭证号').waitFor();
      await snap(page, 'supervisor', viewport, '2-confirm-objection');
      await page.getByRole('button', { name: /确认提交/ }).click();
      expect(await page.getByRole('status').textContent()).toContain('已办理');

      const approval = page.locator('section.card', { hasText: '审核同意' });
      await approval.getByLabel('意见（必填）').fill('凭证已补齐，同意');
      await approval.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByRole('button', { name: /确认提交/ }).click();
      expect(await page.getByRole('status').textContent()).toContain('已办理');
      await snap(page, 'supervisor', viewport, '3-approved');

      const trace = await t
        .api(world.people.secretary.token)
        .get(`/villages/${world.villageId}/matters/${matterId}/trace`)
        .expect(200);
      const acts = (trace.body as { eventType: string; accepted: boolean; actor: { role: string } }[])
        .filter((row) => row.actor.role === 'supervisor')
        .map((row) => [row.eventType, row.accepted]);
      expect(acts).toEqual([
        ['OBJECT', true],
        ['SUPERVISOR_APPROVE', true],
      ]);
    });

    it('logs in and reaches the inbox by keyboard alone, every page readable (contrast at least 4.5:1)', async () => {
      const page = await openPage(env.browser, viewport);
      await page.goto(`${base}/login`);
      for (let presses = 0; presses < 10; presses++) {
        await page.keyboard.press('Tab');
        if (
          await page
            .getByLabel('用户名')
            .evaluate((element) => element === element.ownerDocument.activeElement)
        )
          break;
      }
      await page.keyboard.type(world.people.supervisor.username);
      await page.keyboard.press('Tab');
      await page.keyboard.type(TEST_PASSWORD);
      await page.keyboard.press('Enter');
      await page.waitForURL(`${base}/c`);

      for (const path of [
        '/c',
        `/c/v/${world.villageId}`,
        '/',
        `/p/${world.villageId}`,
        `/p/${world.villageId}/lists`,
      ]) {
        await page.goto(`${base}${path}`);
        expect(await lowestContrast(page)).toBeGreaterThanOrEqual(4.5);
      }
    });
  },
);
