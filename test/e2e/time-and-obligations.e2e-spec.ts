import { SchedulerService } from '../../src/time/scheduler.service.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ObligationBody {
  kind: string;
  period: string | null;
  matterId: string | null;
  dueAt: string;
  status: string;
  village?: { id: string };
}

/** Time in these tests moves only by the clock; the scheduler runs when told, as its poll loop would. */
describe('Working-day periods and disclosure obligations over HTTP', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });

  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    await t.get(SchedulerService).runDue();
  };
  const startItem = async (procedureId: string, inputs: object, who: MemberKey = 'committee1') => {
    const response = await t
      .api(world.people[who].token)
      .post(`/villages/${world.villageId}/matters`, { procedureId, inputs })
      .expect(201);
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  };
  const publishNotice = async (matter: MatterDriver) => {
    await matter.ok('committee1', 'SUBMIT_DISCLOSURE', { title: '公示', body: '公示正文' });
    return matter.ok('supervisor', 'GIVE_OPINION', { opinion: '同意公示' });
  };
  const obligations = async (who: MemberKey = 'secretary') =>
    (await t.api(world.people[who].token).get(`/villages/${world.villageId}/obligations`).expect(200))
      .body as ObligationBody[];
  const overdueUnderTownship = async () =>
    (
      (
        await t
          .api(world.people.township.token)
          .get(`/regions/${world.townshipId}/overdue-disclosures`)
          .expect(200)
      ).body as ObligationBody[]
    ).filter((obligation) => obligation.village?.id === world.villageId);

  describe('a five-working-day notice (F4 补贴清册公示)', () => {
    it('spans National Day and its adjusted working Saturday, and completes the step when it ends', async () => {
      await at('2026-09-30T02:00:00Z');
      const matter = await startItem('F4', { title: '2026 年耕地地力保护补贴', year: 2026 });
      const published = await publishNotice(matter);
      // 8, 9, 10 (调休 Saturday), 12 and 13 October: it ends as 14 October begins in Beijing.
      expect(published.deadlines).toEqual([
        expect.objectContaining({ eventType: 'PUBLIC_PERIOD_ENDED', dueAt: '2026-10-13T16:00:00.000Z' }),
      ]);
      await at('2026-10-13T15:59:00Z');
      expect((await matter.read()).state).toBe('registerNotice.public');
      await at('2026-10-13T16:00:00Z');
      expect((await matter.read()).state).toBe('townshipVerification');
    });

    it('counts a holiday the district adds as a day off', async () => {
      await t
        .api(world.people.district.token)
        .post(`/regions/${world.districtId}/calendar`, {
          date: '2026-10-12',
          kind: 'holiday',
          name: '区庙会',
        })
        .expect(201);
      const listed = await t.api().get(`/regions/${world.districtId}/calendar?year=2026`).expect(200);
      expect(listed.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ date: '2026-10-12', kind: 'holiday', name: '区庙会' }),
        ]),
      );
      await at('2026-09-30T02:00:00Z');
      const matter = await startItem('F4', { title: '2026 年耕地地力保护补贴', year: 2026 });
      expect((await publishNotice(matter)).deadlines).toEqual([
        expect.objectContaining({ dueAt: '2026-10-14T16:00:00.000Z' }),
      ]);
    });

    it('refuses a calendar entry from someone who is not the district’s administrator', async () => {
      const refused = await t
        .api(world.people.township.token)
        .post(`/regions/${world.districtId}/calendar`, {
          date: '2026-10-12',
          kind: 'holiday',
          name: '区庙会',
        })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    });
  });

  describe('the monthly finance disclosure (C3)', () => {
    const financeFor = (list: ObligationBody[], period: string) =>
      list.find((obligation) => obligation.kind === 'finance-monthly' && obligation.period === period);

    it('is opened for the month, due by the 10th of the next, and flagged to the township when missed', async () => {
      await at('2026-03-02T02:00:00Z');
      expect(financeFor(await obligations(), '2026-03')).toMatchObject({
        status: 'open',
        dueAt: '2026-04-10T16:00:00.000Z',
      });
      expect(await overdueUnderTownship()).toEqual([]);

      await at('2026-04-10T16:00:00Z');
      expect(financeFor(await obligations(), '2026-03')).toMatchObject({ status: 'overdue' });
      expect(await overdueUnderTownship()).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'finance-monthly', period: '2026-03' })]),
      );
      // The new month's obligation was opened in the same sweep.
      expect(financeFor(await obligations(), '2026-04')).toMatchObject({ status: 'open' });
    });

    it('is fulfilled by publishing that month’s finances in time, and never flagged', async () => {
      await at('2026-03-02T02:00:00Z');
      const matter = await startItem('C3', { title: '2026 年 3 月财务收支公开', period: '2026-03' });
      await matter.ok('supervisor', 'SUPERVISOR_APPROVE', { opinion: '凭证齐全' });
      await publishNotice(matter);
      expect(financeFor(await obligations(), '2026-03')).toMatchObject({ status: 'fulfilled' });
      await at('2026-04-11T02:00:00Z');
      expect(financeFor(await obligations(), '2026-03')).toMatchObject({ status: 'fulfilled' });
      expect(await overdueUnderTownship()).not.toEqual(
        expect.arrayContaining([expect.objectContaining({ period: '2026-03' })]),
      );
    });

    // As for any village's data, an outsider is not told the village exists.
    it('is not shown to someone outside the village', async () => {
      const other = await createVillage(t);
      const refused = await t
        .api(other.people.secretary.token)
        .get(`/villages/${world.villageId}/obligations`)
        .expect(404);
      expect(refused.body).toMatchObject({ code: 'REGION.NOT_FOUND' });
    });
  });

  describe('a matter’s own disclosure', () => {
    it('is owed within five working days of reaching the step; late, it is flagged; published, it is met', async () => {
      await at('2026-03-02T02:00:00Z');
      const matter = await startItem('F4', { title: '2026 年耕地地力保护补贴', year: 2026 });
      const owed = (await obligations()).find((obligation) => obligation.matterId === matter.matterId);
      expect(owed).toMatchObject({
        kind: 'matter-resolution',
        status: 'open',
        dueAt: '2026-03-09T16:00:00.000Z',
      });

      await at('2026-03-10T02:00:00Z');
      expect(await overdueUnderTownship()).toEqual([
        expect.objectContaining({ matterId: matter.matterId, status: 'overdue' }),
      ]);
      await publishNotice(matter);
      expect(
        (await obligations()).find((obligation) => obligation.matterId === matter.matterId),
      ).toMatchObject({
        status: 'fulfilled',
      });
      expect(await overdueUnderTownship()).toEqual([]);
    });
  });

  it('shows a village’s calendar of what falls due: obligations and running deadlines', async () => {
    await at('2026-03-02T02:00:00Z');
    const matter = await startItem('F4', { title: '2026 年耕地地力保护补贴', year: 2026 });
    await publishNotice(matter);
    const calendar = await t
      .api(world.people.villager1.token)
      .get(`/villages/${world.villageId}/calendar?from=2026-03-01&to=2026-04-30`)
      .expect(200);
    expect(calendar.body).toMatchObject({
      obligations: expect.arrayContaining([
        expect.objectContaining({ kind: 'finance-monthly', period: '2026-03' }),
      ]),
      deadlines: [
        { matterId: matter.matterId, eventType: 'PUBLIC_PERIOD_ENDED', dueAt: '2026-03-09T16:00:00.000Z' },
      ],
    });
  });
});
