import type { Page } from 'playwright-core';
import { DAY_MS } from '../../src/common/clock.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import type { MemberKey } from '../factories/village.factory.js';
import {
  act,
  describeInBrowser,
  snap,
  startBrowserWorld,
  unlabelledControls,
  VIEWPORTS,
  type BrowserWorld,
  type ViewportName,
} from '../support/browser.js';

const ITEM = '农村危房改造申请（协助）';

/**
 * A village item from the console alone: the secretary builds it from the shared steps until the checker
 * passes it, the supervisors, township and district approve it having seen its steps and chart, and a
 * villager's application runs through it to the end.
 */
describeInBrowser.each(Object.keys(VIEWPORTS) as ViewportName[])(
  'A village’s own item (X), built, approved and used in the console (%s)',
  (viewport) => {
    let env: BrowserWorld;

    beforeAll(async () => {
      env = await startBrowserWorld();
    });
    afterAll(() => env.close());

    /** Opens the matter from the person's own 待办 list, as they would find it. */
    const fromInbox = async (who: MemberKey, title: RegExp): Promise<Page> => {
      const page = await env.loggedIn(viewport, who);
      const region = page.getByRole('link', { name: /township-|district-/ });
      if ((await region.count()) > 0 && !['secretary', 'committee1', 'supervisor', 'villager1'].includes(who))
        await region.first().click();
      else
        await page
          .getByRole('link', { name: /village-/ })
          .first()
          .click();
      await page.getByRole('link', { name: title }).first().click();
      return page;
    };

    it('takes 公示 and 乡镇审批 from the checker’s words, passes review with its chart, and serves an application', async () => {
      const { t, world } = env;
      const secretary = await env.loggedIn(viewport, 'secretary');
      await secretary
        .getByRole('link', { name: /village-/ })
        .first()
        .click();
      await secretary.getByRole('link', { name: /本村小微权力清单/ }).click();
      await secretary.getByRole('link', { name: '制定新的自有事项（X）' }).click();
      await secretary.getByLabel('事项名称').fill(ITEM);
      await secretary.getByLabel('说明').fill('农户申请，村里协助，乡镇审批');
      await secretary.getByLabel('依据（村规民约等）').fill('县农村危房改造实施方案');
      await secretary.getByLabel('类别').selectOption({ label: 'F 民生保障和补贴' });
      // Checked as it is edited: the missing steps are named at the end of the list, on the same page.
      await secretary.locator('#x-end', { hasText: '乡镇审核或审批' }).waitFor();
      expect(await secretary.locator('#x-end').textContent()).toContain('公开（公示）');
      await snap(secretary, 'x-item', viewport, '1-missing-steps');

      await secretary.getByLabel('添加步骤').selectOption('notice');
      await secretary.getByRole('button', { name: '添加到最后' }).click();
      await secretary.getByLabel('添加步骤').selectOption('township');
      await secretary.getByRole('button', { name: '添加到最后' }).click();
      // The notice belongs before the approval: moved up twice, past 监委会审核 and “两委”审批.
      await secretary.getByRole('button', { name: '上移第 4 步 公示' }).click();
      await secretary.getByRole('button', { name: '上移第 3 步 公示' }).click();
      expect(await secretary.getByRole('heading', { level: 3 }).allTextContents()).toEqual([
        '第 1 步：受理',
        '第 2 步：公示',
        '第 3 步：监委会审核',
        '第 4 步：“两委”审批',
        '第 5 步：乡镇审批',
        '办结',
      ]);
      expect(await secretary.getByRole('status').textContent()).toContain('准入审查：通过');
      expect(await secretary.locator('#x-preview svg').count()).toBe(1);
      expect(await unlabelledControls(secretary)).toEqual([]);
      await snap(secretary, 'x-item', viewport, '2-passed');
      await secretary.getByRole('button', { name: '提交调整申请' }).click();
      expect(await secretary.getByRole('status').textContent()).toContain('调整申请已提交');

      const request = new RegExp(`增加或修改本村事项：X1 ${ITEM.replace(/[（）]/g, '.')}`);
      for (const [who, title, fill] of [
        ['supervisor', '村务监督委员会提出意见', true],
        ['township', '乡镇审核同意', false],
        ['district', '区级批准，发布新版清单', false],
      ] as const) {
        const page = await fromInbox(who, request);
        // Each reviewer sees the new item's steps and can open its chart before deciding.
        expect(await page.getByRole('heading', { name: `新增事项的流程：X1 ${ITEM}` }).count()).toBe(1);
        expect(await page.getByText('公示（7 个自然日）').count()).toBeGreaterThan(0);
        // The class the village chose decides who votes by which rule: the reviewers read it first.
        expect(await page.getByText('事项类别：F 民生保障和补贴').count()).toBe(1);
        expect(await page.getByText('未申报法定事项类别').count()).toBe(1);
        await page.getByText('查看该事项的流程图').click();
        expect(await page.locator('article.card svg').isVisible()).toBe(true);
        await snap(page, 'x-item', viewport, `3-review-${who}`);
        await act(page, title, async (form) => {
          await form.getByLabel('意见（必填）').fill('同意纳入清单');
          if (fill) await form.getByRole('checkbox', { name: '同意' }).check();
        });
      }

      // A villager applies on the new item; the cadres, supervisors and township carry it through.
      const villager = await env.loggedIn(viewport, 'villager1');
      await villager
        .getByRole('link', { name: /village-/ })
        .first()
        .click();
      await villager.getByLabel('清单事项').selectOption({ label: `X1 ${ITEM}` });
      await villager.getByRole('button', { name: '下一步' }).click();
      await villager.getByLabel('标题（必填）').fill('申请改造危房（三组郭家）');
      await villager.getByRole('button', { name: '发起' }).click();
      expect(await villager.getByRole('status').textContent()).toContain('事项已发起');
      const application = /申请改造危房/;

      let page = await fromInbox('committee1', application);
      await act(page, '受理申请');
      await act(page, '提交公开内容', async (form) => {
        await form.getByLabel('标题').fill('危房改造申请公示');
        await form.getByLabel('正文').fill('三组郭家申请危房改造，公示 7 天。');
      });
      page = await fromInbox('supervisor', application);
      await act(page, '监督委员会审核同意公开', async (form) => {
        await form.getByLabel('意见（必填）').fill('材料属实');
      });
      t.clock.advance(8 * DAY_MS);
      await t.get(SchedulerService).deliverDue();
      await page.reload();
      await act(page, '监督委员会审核同意', async (form) => {
        await form.getByLabel('意见（必填）').fill('程序完备');
      });
      page = await fromInbox('committee1', application);
      await act(page, '审批同意');
      page = await fromInbox('township', application);
      await act(page, '乡镇审核同意', async (form) => {
        await form.getByLabel('意见（必填）').fill('同意纳入改造计划');
      });
      expect(await page.getByText('结果：办结').count()).toBe(1);
      await snap(page, 'x-item', viewport, '4-closed');
      const view = await t
        .api(world.people.villager1.token)
        .get(`/villages/${world.villageId}/matters`)
        .expect(200);
      expect(
        (view.body as { items: { title: string; status: string }[] }).items.find((item) =>
          item.title.includes('危房'),
        ),
      ).toMatchObject({ status: 'done' });
    }, 180_000);
  },
);
