import type { Page } from 'playwright-core';
import { DAY_MS } from '../../src/common/clock.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import type { MemberKey } from '../factories/village.factory.js';
import {
  act,
  describeInBrowser,
  snap,
  startBrowserWorld,
  VIEWPORTS,
  type BrowserWorld,
  type ViewportName,
} from '../support/browser.js';

/** The representatives' meeting, counted: 2/3 of the representatives' roster present. */
const REPRESENTATIVES: MemberKey[] = ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3'];

/**
 * Journeys carried to their end in the console alone, as each person takes their own step from their
 * own phone: a 低保 application (F1) from the villager's request to the township's decision, read
 * afterwards on the public board with its meeting's counts; and a major matter (A1) objected to by the
 * supervisors, the secretary seeing who objected and why.
 */
describeInBrowser.each(Object.keys(VIEWPORTS) as ViewportName[])(
  'Journeys in the console (%s)',
  (viewport) => {
    let env: BrowserWorld;

    beforeAll(async () => {
      env = await startBrowserWorld();
    });
    afterAll(() => env.close());

    const villagePage = async (who: MemberKey): Promise<Page> => {
      const page = await env.loggedIn(viewport, who);
      await page
        .getByRole('link', { name: /village-/ })
        .first()
        .click();
      return page;
    };
    /** Opens the matter from the person's 待办 list (or, for staff, their region's). */
    const fromInbox = async (who: MemberKey, title: RegExp): Promise<Page> => {
      const page = await env.loggedIn(viewport, who);
      const staff = who === 'township' || who === 'district';
      await page
        .getByRole('link', { name: staff ? /township-|district-/ : /village-/ })
        .first()
        .click();
      await page.getByRole('link', { name: title }).first().click();
      return page;
    };

    it('runs a 低保 application from the villager’s request to the township’s decision; a villager reads it back', async () => {
      const { t, world, base } = env;
      const villager = await villagePage('villager1');
      await villager.getByLabel('清单事项').selectOption({ label: 'F1 最低生活保障申请（协助）' });
      await villager.getByRole('button', { name: '下一步' }).click();
      await villager.getByLabel('标题（必填）').fill('郭家申请低保');
      await villager.getByLabel('申请户（户主姓名）（必填）').fill('郭芳户');
      await villager.getByRole('button', { name: '发起' }).click();
      expect(await villager.getByRole('status').textContent()).toContain('事项已发起');
      const application = /郭家申请低保/;

      const cadre = await fromInbox('committee1', application);
      await act(cadre, '受理申请');
      await act(cadre, '登记入户调查', async (form) => {
        await form.getByLabel('调查人员（每行一人）（必填）').fill('李秀英\n张志强');
        await form.getByLabel('调查或审计发现（必填）').fill('家中二人，无固定收入');
      });

      // 民主评议: convened by the secretary, attendance from the roster, each representative votes from
      // their own phone, the count beside the close button.
      const secretary = await fromInbox('secretary', application);
      await act(secretary, '召集会议', async (form) => {
        await form.getByLabel('会议日期（必填）').fill('2026-03-02');
        await form.getByLabel('表决方式（必填）').selectOption({ label: '公开表决（举手）' });
      });
      await act(secretary, '登记到会情况', async (form) => {
        const people = form.getByRole('group', { name: '到会人员' });
        for (const who of REPRESENTATIVES)
          await people.getByRole('checkbox', { name: new RegExp(`^${who}（`) }).check();
      });
      const matterPath = new URL(secretary.url()).pathname;
      for (const who of REPRESENTATIVES) {
        const voter = who === 'secretary' ? secretary : await env.loggedIn(viewport, who);
        await voter.goto(`${base}${matterPath}`);
        await act(voter, '投票', async (form) => {
          await form.getByLabel('表决意见（必填）').selectOption({ label: '赞成' });
        });
      }
      await secretary.reload();
      const closing = secretary.locator('section.card', {
        has: secretary.getByRole('heading', { name: '结束表决并计票', exact: true }),
      });
      expect(await closing.locator('.panel').textContent()).toMatch(/到会 6 \/ 应到 8 · 已投 6/);
      await act(secretary, '结束表决并计票', async (form) => {
        await form.getByLabel('会议记录').fill('代表一致认为情况属实');
      });

      await cadre.reload();
      await act(cadre, '提交公开内容', async (form) => {
        await form.getByLabel('标题').fill('郭芳户低保申请公示');
        await form.getByLabel('正文').fill('郭芳户申请最低生活保障，经入户调查和民主评议，现予公示。');
      });
      const supervisor = await fromInbox('supervisor', application);
      await act(supervisor, '监督委员会审核同意公开', async (form) => {
        await form.getByLabel('意见（必填）').fill('调查和评议材料齐全');
      });
      t.clock.advance(8 * DAY_MS);
      await t.get(SchedulerService).deliverDue();

      const township = await fromInbox('township', application);
      await act(township, '乡镇审核同意', async (form) => {
        await form.getByLabel('意见（必填）').fill('符合低保条件，自下月起发放');
      });
      expect(await township.getByText('结果：办结').count()).toBe(1);
      // The applicant, back on the page their application opened on, reads the outcome.
      await villager.reload();
      expect(await villager.getByText('结果：办结').count()).toBe(1);
      await snap(villager, 'journeys', viewport, 'f1-done');

      // Any villager, without logging in: the past disclosure opens on the matter's public record, with
      // the appraisal meeting's attendance and counts.
      const reader = await env.browser.newPage({ viewport: VIEWPORTS[viewport] });
      await reader.goto(`${base}/p/${world.villageId}`);
      await reader.getByRole('link', { name: '郭芳户低保申请公示' }).click();
      expect(await reader.getByRole('heading', { name: '郭芳户低保申请公示' }).count()).toBe(1);
      expect(await reader.getByText('实到 6 人；赞成 6，反对 0，弃权 0').count()).toBe(1);
      expect(await reader.locator('ol.steps li').allTextContents()).toEqual([
        '受理申请（已办）',
        '入户调查（已办）',
        '民主评议（已办）',
        '在申请人所在村公示（已办）',
        '乡镇审核确认（已办）',
        '办结（当前）',
      ]);
      await snap(reader, 'journeys', viewport, 'f1-public-record');
    }, 240_000);

    it('shows the secretary who objected to a major matter, why, and where it went back to', async () => {
      const secretary = await villagePage('secretary');
      await secretary.getByLabel('清单事项').selectOption('A1');
      await secretary.getByRole('button', { name: '下一步' }).click();
      await secretary.getByLabel('标题（必填）').fill('修缮村委会办公楼');
      await secretary.getByLabel('议题来源').selectOption({ label: '群众建议' });
      await secretary
        .getByLabel(/^法定事项类别/)
        .selectOption({ label: '兴办村公益事业的筹资筹劳及建设承包方案' });
      await secretary.getByLabel(/^决策主体/).selectOption({ label: '村民代表会议' });
      await secretary.getByRole('button', { name: '发起' }).click();
      expect(await secretary.getByRole('status').textContent()).toContain('事项已发起');
      await act(secretary, '提出方案', async (form) => {
        await form.getByLabel('方案（必填）').fill('修缮屋顶，预算 6 万元');
      });

      const supervisor = await fromInbox('supervisor', /修缮村委会办公楼/);
      await act(supervisor, '监督委员会提出异议并退回', async (form) => {
        await form.getByLabel('理由（必填）').fill('方案未附预算明细');
        await form.getByLabel('退回到').selectOption({ label: '议题登记与方案拟定' });
      });

      const back = await villagePage('secretary');
      const card = back.locator('article.card', { hasText: '修缮村委会办公楼' });
      expect(await card.locator('.objection').textContent()).toContain('方案未附预算明细');
      await card.getByRole('link', { name: '修缮村委会办公楼' }).click();
      const objection = back.locator('.flash.error', { hasText: '监督委员会最近一次异议' });
      expect(await objection.textContent()).toContain('方案未附预算明细');
      expect(await objection.textContent()).toContain('supervisor');
      expect(await objection.textContent()).toContain('退回到：议题登记与方案拟定');
      expect(await back.getByRole('heading', { name: '提出方案', exact: true }).count()).toBe(1);
      await snap(back, 'journeys', viewport, 'a1-objection');
    }, 120_000);
  },
);
