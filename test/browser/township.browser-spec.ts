import { villageItem } from '../../workflows/index.js';
import {
  startBrowserWorld,
  type BrowserWorld,
  snap,
  unlabelledControls,
  VIEWPORTS,
  type ViewportName,
  describeInBrowser,
} from '../support/browser.js';

/** A township officer's journey: review a village's new X item with its diff, approve, see it listed. */
describeInBrowser.each(Object.keys(VIEWPORTS) as ViewportName[])(
  'A township officer in the web console (%s)',
  (viewport) => {
    let env: BrowserWorld;

    beforeAll(async () => {
      env = await startBrowserWorld();
    });
    afterAll(() => env.close());

    it('approves an X item a village proposed, after reading what it changes', async () => {
      const { t, world, base } = env;
      const definition = villageItem({
        code: 'X1',
        title: '村级零星小额开支审批',
        category: 'C',
        description: '500 元以下的零星开支',
        startRoles: ['committee_member'],
        basis: '村规民约',
        supervised: true,
      });
      const started = await t
        .api(world.people.secretary.token)
        .post(`/villages/${world.villageId}/matters`, {
          procedureId: 'L1',
          inputs: {
            title: '增加零星开支审批事项',
            summary: '纳入清单管理',
            effectiveFrom: '2026-03-02',
            changes: [{ kind: 'addItem', code: 'X1', title: '村级零星小额开支审批', definition }],
          },
        })
        .expect(201);
      const path = `/villages/${world.villageId}/matters/${(started.body as { id: string }).id}/events`;
      await t
        .api(world.people.supervisor.token)
        .post(path, { type: 'SUPERVISOR_OPINION', payload: { opinion: '同意', agree: true } })
        .expect(200);

      const page = await env.loggedIn(viewport, 'township');
      await page
        .getByRole('link', { name: /township-/ })
        .first()
        .click();
      await page.getByRole('link', { name: /增加零星开支审批事项/ }).click();

      expect(await page.getByText('新增：X1 村级零星小额开支审批').count()).toBe(1);
      expect(await page.getByText('准入审查：通过').count()).toBe(1);
      expect(await unlabelledControls(page)).toEqual([]);
      await snap(page, 'township', viewport, '1-review');
      const form = page.locator('section.card', {
        has: page.getByRole('heading', { name: '乡镇审核同意', exact: true }),
      });
      await form.getByLabel('意见（必填）').fill('符合“基本目录+X”要求');
      await form.getByRole('button', { name: '下一步：核对' }).click();
      await page.getByRole('button', { name: '确认提交：乡镇审核同意' }).click();
      expect(await page.getByRole('status').textContent()).toContain('已办理');

      await t
        .api(world.people.district.token)
        .post(path, { type: 'DISTRICT_APPROVE', payload: { opinion: '批准' } })
        .expect(200);
      await page.goto(`${base}/p/${world.villageId}/lists`);
      expect(await page.getByRole('cell', { name: /村级零星小额开支审批（本村自有）/ }).count()).toBe(1);
      await snap(page, 'township', viewport, '2-list');

      // The village may change its item later: the template form comes back filled from the item in force.
      const secretary = await env.loggedIn(viewport, 'secretary');
      await secretary.goto(`${base}/c/v/${world.villageId}`);
      await secretary.getByRole('link', { name: /本村小微权力清单/ }).click();
      await secretary.getByRole('link', { name: '修改 X1 村级零星小额开支审批' }).click();
      expect(await secretary.getByLabel('事项名称').inputValue()).toBe('村级零星小额开支审批');
      expect(await secretary.getByLabel('说明').inputValue()).toBe('500 元以下的零星开支');
      expect(await secretary.getByLabel('编号（如 X1）').inputValue()).toBe('X1');
      // An item of the first template comes back as the editor's steps.
      expect(await secretary.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        '第 1 步：监委会审核',
        '第 2 步：“两委”审批',
        '办结',
      ]);
    });
  },
);
