import { DAY_MS } from '../../src/common/clock.js';
import type { MatterView } from '../../src/engine/matter-view.service.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

interface DisclosureView {
  status: string;
  objections: { id: string; status: string; answer: string | null }[];
}

describe('Objections to a disclosure (异议)', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    world = await createVillage(t);
  });

  const disclosures = (view: MatterView) => view.disclosures as DisclosureView[];
  const objectAndWaitOut = async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.toResolutionPublic();
    const filed = await matter.send('villager1', 'FILE_OBJECTION', { content: '预算偏高，请公开明细' });
    const objectionId = disclosures(filed)[0].objections[0].id;
    t.clock.advance(10 * DAY_MS);
    await t.get(SchedulerService).deliverDue();
    return { matter, objectionId };
  };

  it('holds the step past the end of the public period until the objection is answered', async () => {
    const { matter, objectionId } = await objectAndWaitOut();
    const held = await matter
      .send('committee1', 'REPORT_PROGRESS', { note: '试图越过异议' })
      .catch((error: unknown) => error);
    expect(held).toMatchObject({
      code: 'MATTER.STEP_NOT_ALLOWED',
      details: { state: 'resolutionDisclosure.objectionsPending' },
    });
    const view = await matter.send('committee1', 'DISMISS_OBJECTION', {
      objectionId,
      reasons: '预算经第三方评估，明细已附',
    });
    expect(view.state).toBe('implementation');
    expect(disclosures(view)[0]).toMatchObject({
      status: 'ended',
      objections: [{ status: 'dismissed', answer: '预算经第三方评估，明细已附' }],
    });
  });

  it('lets the period end normally once an objection is dismissed in time', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.toResolutionPublic();
    const filed = await matter.send('villager2', 'FILE_OBJECTION', { content: '施工时间影响春耕' });
    await matter.send('secretary', 'DISMISS_OBJECTION', {
      objectionId: disclosures(filed)[0].objections[0].id,
      reasons: '安排在农闲施工',
    });
    t.clock.advance(10 * DAY_MS);
    await t.get(SchedulerService).deliverDue();
    const view = await matter.send('committee1', 'REPORT_PROGRESS', { note: '开工' });
    expect(view.state).toBe('implementation');
  });

  it('sends the matter back for rework when an objection is upheld, withdrawing the disclosure', async () => {
    const { matter, objectionId } = await objectAndWaitOut();
    await matter.send('villager2', 'FILE_OBJECTION', { content: '迟到的异议' }).catch(() => undefined);
    const view = await matter.send('committee1', 'UPHOLD_OBJECTION', {
      objectionId,
      reasons: '预算确有错误，重新表决',
    });
    expect(view.state).toBe('resolutionMeeting.convening');
    expect(disclosures(view)[0]).toMatchObject({ status: 'withdrawn', objections: [{ status: 'upheld' }] });
  });

  it('publishes a corrected disclosure again, starting a new public period', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.toResolutionPublic();
    const first = await matter.send('villager1', 'FILE_OBJECTION', { content: '金额写错' });
    await matter.send('villager3', 'FILE_OBJECTION', { content: '日期写错' });
    let view = await matter.send('committee1', 'REPUBLISH_DISCLOSURE', {
      objectionId: disclosures(first)[0].objections[0].id,
      reasons: '已更正',
    });
    expect(view.state).toBe('resolutionDisclosure.drafting');
    expect(disclosures(view)[0].objections.map((objection) => objection.status)).toEqual([
      'republished',
      'superseded',
    ]);
    await matter.send('committee1', 'SUBMIT_DISCLOSURE', { title: '决议公开（更正）', body: '更正后的正文' });
    view = await matter.send('supervisor', 'GIVE_OPINION', { opinion: '同意重新公示' });
    expect(disclosures(view).map((disclosure) => disclosure.status)).toEqual(['withdrawn', 'published']);
    expect(view.deadlines).toEqual([expect.objectContaining({ eventType: 'PUBLIC_PERIOD_ENDED' })]);
  });

  it('refuses an answer to an objection that is not open', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.toResolutionPublic();
    await expect(
      matter.send('committee1', 'DISMISS_OBJECTION', { objectionId: world.villageId, reasons: '无' }),
    ).rejects.toMatchObject({ code: 'DISCLOSURE.OBJECTION_NOT_OPEN' });
  });

  it('takes objections only from people of the village', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.toResolutionPublic();
    await expect(
      matter.send('township', 'FILE_OBJECTION', { content: '乡镇干部代为提出' }),
    ).rejects.toMatchObject({
      code: 'AUTH.ROLE_NOT_ALLOWED',
    });
  });
});
