import {
  describeInBrowser,
  openPage,
  snap,
  startBrowserWorld,
  type BrowserWorld,
} from '../support/browser.js';

/**
 * Issue 20's complaint loop on phones, in the pages alone: a villager complains anonymously from the
 * village's board, keeps the receipt code, tracks it; the township's discipline inspector acknowledges it,
 * opens a rectification (S1) and answers with it; the villager reads the answer with the code and rates it.
 */
describeInBrowser('A complaint from a phone (phone)', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
  });
  afterAll(() => env.close());

  it('is filed anonymously, tracked by its code, answered with a rectification and rated', async () => {
    const { base, world, browser } = env;
    const villager = await openPage(browser, 'phone');
    await villager.goto(`${base}/p/${world.villageId}`);
    await villager.getByRole('link', { name: '我要投诉' }).click();
    await villager.getByRole('radio', { name: '村干部的履职或作风' }).check();
    await villager.getByLabel('被投诉的村干部（投诉村干部时选择）').selectOption({ index: 1 });
    await villager
      .getByLabel('具体情况（必填，5 至 2000 字）')
      .fill('村道硬化工程的施工方是村干部的亲属，没有公开比价');
    await villager.getByRole('button', { name: '提交投诉' }).click();
    const code = (await villager.getByLabel('回执码').textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await snap(villager, 'complaint', 'phone', '1-receipt');
    await villager.getByRole('button', { name: '查看办理进度' }).click();
    expect(villager.url()).not.toContain(code);
    expect(await villager.getByRole('heading', { level: 2 }).first().textContent()).toContain(
      '已提交，待受理',
    );
    // A photo of the notice board as evidence, from the phone, kept with the complaint for the inspector.
    await villager.getByLabel(/^补充证据/).setInputFiles({
      name: '公示栏.png',
      mimeType: 'image/png',
      buffer: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
    });
    await villager.locator('ul.files li', { hasText: '公示栏.png' }).waitFor();

    // The inspector's list under the township; the village's own people never see it.
    const inspector = await env.loggedIn('phone', 'inspector');
    await inspector
      .getByRole('link', { name: /township-/ })
      .first()
      .click();
    await inspector.getByRole('link', { name: '投诉举报' }).click();
    expect(await inspector.locator('article.card').first().textContent()).toContain('投诉人：匿名');
    expect(
      await inspector.locator('article.card').first().getByRole('link', { name: '公示栏.png' }).count(),
    ).toBe(1);
    await inspector.getByRole('button', { name: '受理' }).click();
    expect(await inspector.getByRole('status').textContent()).toContain('已受理');

    // A rectification first, from the answer form's link, then the answer naming it.
    await inspector.getByRole('link', { name: '先启动问题整改（S1）' }).click();
    await inspector.getByLabel('标题（必填）').fill('村道工程施工方选定不公开');
    await inspector.getByLabel(/^发现问题/).fill('村道硬化工程施工方为村干部亲属，未公开比价');
    await inspector.getByLabel(/^问题类别/).selectOption({ index: 1 });
    await inspector.getByLabel(/^严重程度/).selectOption({ index: 1 });
    await inspector.getByLabel(/^责任人/).selectOption({ index: 1 });
    await inspector.getByLabel(/^整改期限/).fill('2026-03-20');
    await inspector.getByRole('button', { name: '发起' }).click();
    expect(await inspector.getByRole('status').textContent()).toContain('事项已发起');
    await inspector.goto(`${base}/c/r/${world.townshipId}/complaints`);
    await inspector.getByLabel(/^处理方式/).selectOption({ label: '责令整改（启动问题整改程序）' });
    await inspector.getByLabel(/^责令整改的问题整改事项/).selectOption({ label: '村道工程施工方选定不公开' });
    await inspector.getByLabel(/^答复/).fill('经核查属实，已责令村委会限期整改，补充公开比价记录');
    await inspector.getByRole('button', { name: '答复投诉人' }).click();
    expect(await inspector.getByRole('status').textContent()).toContain('已答复投诉人');
    await snap(inspector, 'complaint', 'phone', '2-inspector');

    // Back on the villager's phone, with the code typed by hand.
    await villager.goto(`${base}/p/${world.villageId}/complaint`);
    await villager.getByLabel('回执码').fill(code.toLowerCase().replace(/-/g, ' '));
    await villager.getByRole('button', { name: '查询' }).click();
    expect(await villager.locator('section.card').textContent()).toContain('已责令村委会限期整改');
    await villager.getByRole('radio', { name: '基本满意' }).check();
    await villager.getByRole('button', { name: '提交评价' }).click();
    expect(await villager.getByRole('status').textContent()).toContain('评价已提交');
    expect(await villager.locator('section.card').textContent()).toContain('我的评价：基本满意');
    await snap(villager, 'complaint', 'phone', '3-rated');
  });
});
