import type { Page } from 'playwright-core';
import { countPaperBallots } from '../factories/paper-count.js';
import type { MemberKey, VillageWorld } from '../factories/village.factory.js';
import {
  act,
  snap,
  startBrowserWorld,
  unlabelledControls,
  VIEWPORTS,
  type BrowserWorld,
  type ViewportName,
  describeInBrowser,
} from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';

/** A secretary's journey in a real browser: a major matter (四议两公开) up to its resolution disclosure. */
describeInBrowser.each(Object.keys(VIEWPORTS) as ViewportName[])(
  'A village secretary in the web console (%s)',
  (viewport) => {
    let env: BrowserWorld;
    let t: TestApp;
    let world: VillageWorld;

    beforeAll(async () => {
      env = await startBrowserWorld();
      ({ t, world } = env);
    });
    afterAll(() => env.close());

    /** The other people's ballots, cast through the API as each of them would from their own phone. */
    const ballots = async (matterId: string, voters: MemberKey[]) => {
      for (const who of voters) {
        await t
          .api(world.people[who].token)
          .post(`/villages/${world.villageId}/matters/${matterId}/events`, {
            type: 'CAST_BALLOT',
            payload: { choice: 'yes' },
          })
          .expect(200);
      }
    };

    const holdMeeting = async (
      page: Page,
      matterId: string,
      present: MemberKey[],
      ballot = '公开表决（举手）',
    ) => {
      await act(page, '召集会议', async (form) => {
        await form.getByLabel('会议日期（必填）').fill('2026-03-02');
        await form.getByLabel('表决方式（必填）').selectOption({ label: ballot });
      });
      await act(page, '登记到会情况', async (form) => {
        const people = form.getByRole('group', { name: '到会人员' });
        for (const who of present)
          await people.getByRole('checkbox', { name: new RegExp(`^${who}（`) }).check();
      });
      if (ballot === '无记名投票') {
        // On paper: the counter enters the count from their own phone and a scrutineer confirms it.
        const path = `/villages/${world.villageId}/matters/${matterId}`;
        const counts = { yes: present.length, no: 0, abstain: 0 };
        await countPaperBallots(t, world, path, counts);
      } else {
        await act(page, '投票', async (form) => {
          await form.getByLabel('表决意见（必填）').selectOption({ label: '赞成' });
        });
        await ballots(
          matterId,
          present.filter((who) => who !== 'secretary'),
        );
      }
      await page.reload();
      await act(page, '结束表决并计票', async (form) => {
        await form.getByLabel('会议记录').fill('会议记录：全体同意');
      });
    };

    it('starts a major matter, holds the four meetings, and submits the resolution for disclosure', async () => {
      const page = await env.loggedIn(viewport, 'secretary');
      await page
        .getByRole('link', { name: /village-/ })
        .first()
        .click();

      await page.getByLabel('清单事项').selectOption('A1');
      await page.getByRole('button', { name: '下一步' }).click();
      expect(await unlabelledControls(page)).toEqual([]);
      await page.getByLabel('标题（必填）').fill('硬化村北主干道');
      await page.getByLabel('概要').fill('硬化 1.2 公里');
      await page.getByLabel('议题来源').selectOption({ label: '群众建议' });
      // What the matter is by law, in Chinese: the class picks the body and the rule.
      await page
        .getByLabel(/^法定事项类别/)
        .selectOption({ label: '兴办村公益事业的筹资筹劳及建设承包方案' });
      await page.getByLabel(/^决策主体/).selectOption({ label: '村民代表会议' });
      // The contractor's brother sits among the villagers: he stands aside (回避) from this matter.
      const brother = page.getByLabel('回避人员 1');
      const villager2 = await brother.locator('option', { hasText: /^villager2（/ }).getAttribute('value');
      await brother.selectOption(villager2);
      await page.getByLabel('关系').first().selectOption({ label: '申请人、投标人或收款人的近亲属' });
      await page.getByLabel('说明').first().fill('施工方负责人之兄');
      await snap(page, 'secretary', viewport, '0-start');
      await page.getByRole('button', { name: '发起' }).click();
      expect(await page.getByRole('status').textContent()).toContain('事项已发起');
      const matterId = page.url().split('/m/')[1].split('?')[0];

      await act(page, '提出方案', async (form) => {
        await form.getByLabel('方案（必填）').fill('硬化村北主干道 1.2 公里，预算 38 万元');
      });
      await holdMeeting(page, matterId, ['secretary', 'committee1']);
      await holdMeeting(page, matterId, ['secretary', 'committee1', 'committee2']);
      await holdMeeting(page, matterId, ['secretary', 'committee1', 'party1', 'party2', 'party3']);
      await snap(page, 'secretary', viewport, '1-meetings');
      // The roster with attendance, and the tally as the server computed it, are on the matter page.
      expect(await page.getByRole('columnheader', { name: '应到人员' }).count()).toBe(3);
      expect(await page.getByText('计票（由系统按表决规则计算）').count()).toBe(3);
      await holdMeeting(
        page,
        matterId,
        ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3'],
        '无记名投票',
      );

      await act(page, '提交公开内容', async (form) => {
        await form.getByLabel('标题').fill('关于硬化村北主干道的决议');
        await form.getByLabel('正文').fill('经村民代表会议表决通过。');
        // Chosen files upload at once, with a progress bar, and appear in the form by name.
        await form.getByLabel('附件（每个不超过 5 MB）').setInputFiles({
          name: '表决结果.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('赞成 6 票'),
        });
        await form.getByRole('listitem').filter({ hasText: '表决结果.txt' }).waitFor();
      });
      await snap(page, 'secretary', viewport, '2-disclosure-submitted');
      const view = await t
        .api(world.people.secretary.token)
        .get(`/villages/${world.villageId}/matters/${matterId}`)
        .expect(200);
      expect(view.body).toMatchObject({
        state: 'resolutionDisclosure.awaitingOpinion',
        conflicts: [{ personId: world.people.villager2.personId, relation: 'closeRelative' }],
        disclosures: [{ attachments: [{ filename: '表决结果.txt' }] }],
      });
      expect(
        (view.body as { meetings: { outcome: string }[] }).meetings.map((meeting) => meeting.outcome),
      ).toEqual(['passed', 'passed', 'passed', 'passed']);

      // The dossier downloads with its progress shown beside the link.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: '档案（PDF）' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('硬化村北主干道-档案.pdf');
      expect(await page.getByRole('status').filter({ hasText: '已下载' }).count()).toBe(1);
    });
  },
);
