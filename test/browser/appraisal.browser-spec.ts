import { appraisalConvened } from '../factories/appraisal.js';
import type { MemberKey } from '../factories/village.factory.js';
import {
  act,
  describeInBrowser,
  snap,
  startBrowserWorld,
  unlabelledControls,
  type BrowserWorld,
} from '../support/browser.js';

/** A photo of the tally sheet, as the counter's phone takes it. */
const TALLY_SHEET = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

/**
 * Issue 20's 民主测评 on phones: the counter (计票人) enters the paper ballots' count line by line from the
 * console, checks it on the confirmation page, the scrutineer confirms it, the chair of the supervision
 * committee closes it; the township sees the village's rates against 90%.
 */
describeInBrowser('A 民主测评 counted from a phone (phone)', () => {
  let env: BrowserWorld;

  beforeAll(async () => {
    env = await startBrowserWorld();
  });
  afterAll(() => env.close());

  it('is counted line by line by the counter, confirmed, closed, and compared by the township', async () => {
    const { t, world, base } = env;
    const id = (who: MemberKey) => world.people[who].personId;
    const matter = await appraisalConvened(t, world);
    const present: MemberKey[] = [
      'secretary',
      'committee1',
      'committee2',
      'rep1',
      'rep2',
      'rep3',
      'rep4',
      'rep5',
    ];
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: [...present, 'party1' as const, 'party2' as const].map(id),
    });

    // The scrutineer must have been there: the supervision committee's chair sits in.
    await matter.ok('supervisor', 'SIT_IN', { note: '列席并担任监票人' });
    const counter = await env.loggedIn('phone', 'villager1');
    await counter.goto(`${base}/c/v/${world.villageId}/m/${matter.matterId}`);
    const lines: Record<string, [number, number, number]> = {
      [id('secretary')]: [9, 1, 0],
      [id('committee1')]: [6, 2, 2],
      [id('committee2')]: [2, 3, 5],
      partyAffairs: [9, 0, 1],
      villageAffairs: [8, 1, 0],
      financialAffairs: [8, 0, 2],
    };
    const title = '登记测评计票结果';
    const form = counter.locator('section.card', {
      has: counter.getByRole('heading', { name: title, exact: true }),
    });
    await form.getByLabel(/^收回测评票/).fill('10');
    for (const [subject, counts] of Object.entries(lines)) {
      for (const [index, rating] of ['satisfied', 'basicallySatisfied', 'dissatisfied'].entries())
        await form.locator(`input[name="ratings.${subject}.${rating}"]`).fill(String(counts[index]));
    }
    await form.getByLabel(/^计票人/).selectOption(id('villager1'));
    await form.getByLabel(/^监票人/).selectOption(id('supervisor'));
    await form.locator('input[type=file]').setInputFiles({
      name: '计票单.png',
      mimeType: 'image/png',
      buffer: TALLY_SHEET,
    });
    await form.locator('input[type=hidden][name=tallySheet]').waitFor({ state: 'attached' });
    expect(await unlabelledControls(counter)).toEqual([]);
    // Nothing wider than the phone (a file chooser used to push the page sideways).
    expect(await counter.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await snap(counter, 'appraisal', 'phone', '1-count-form');
    await act(counter, title);
    // The confirmation came back through hidden inputs; the engine has the count as typed.
    const count = (
      (await t.api(world.people.secretary.token).get(`${matter.path}/meetings`).expect(200)).body as {
        appraisal: { count: { ratings: { subject: string; dissatisfied: number }[] } };
      }[]
    ).at(-1)!.appraisal.count;
    expect(count.ratings.find((line) => line.subject === id('committee2'))!.dissatisfied).toBe(5);
    // The counter is not offered the confirmation the engine would refuse them; the scrutineer is.
    await counter.goto(`${base}/c/v/${world.villageId}/m/${matter.matterId}`);
    expect(await counter.getByRole('heading', { name: '监票人确认计票结果' }).count()).toBe(0);

    const chair = await env.loggedIn('phone', 'supervisor');
    await chair.goto(`${base}/c/v/${world.villageId}/m/${matter.matterId}`);
    await act(chair, '监票人确认计票结果');
    await act(chair, '结束测评并计算满意率');
    expect(await chair.locator('table', { hasText: '测评对象' }).textContent()).toContain('不称职');
    // Appraisal ballots are on paper: the meeting's roster shows who came, not a "voted" column.
    const roster = chair.locator('table', { hasText: '应到人员' }).last();
    expect(await roster.locator('th').allTextContents()).toEqual(['应到人员', '到会']);
    await snap(chair, 'appraisal', 'phone', '2-rates');

    const township = await env.loggedIn('phone', 'township');
    await township.goto(`${base}/c/r/${world.townshipId}`);
    // The villages side by side fit the phone without a sideways scroll: a card for each village.
    const fits = `(() => { const table = document.querySelector('table.cards');
      return table.scrollWidth <= table.parentElement.clientWidth; })()`;
    expect(await township.evaluate<boolean>(fits)).toBe(true);
    expect(await township.locator('table.cards td[data-label="需关注"]').count()).toBeGreaterThan(0);
    const row = township.locator('tr', { hasText: '村干部满意率' });
    expect(await row.textContent()).toContain('76.6%');
    expect(await row.textContent()).toContain('89.6%');
    await snap(township, 'appraisal', 'phone', '3-township');
  });
});
