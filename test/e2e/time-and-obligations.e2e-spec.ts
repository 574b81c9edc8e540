import { BASE_CATALOG } from '../../workflows/index.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { CatalogWalker } from '../factories/catalog-walker.js';
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
      (await t.api(world.people.township.token).get(`/regions/${world.townshipId}/overdue`).expect(200))
        .body as ObligationBody[]
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

    it('counts a day another app process added, though this one has the calendar in memory', async () => {
      await at('2026-09-30T02:00:00Z');
      const first = await startItem('F4', { title: '2026 年耕地地力保护补贴', year: 2026 });
      expect((await publishNotice(first)).deadlines).toEqual([
        expect.objectContaining({ dueAt: '2026-10-13T16:00:00.000Z' }),
      ]);
      // Written straight to the table, as another process's service would: nothing here is told.
      await t.dataSource.query(
        `INSERT INTO calendar_day (id, region_id, date, kind, name, provisional, created_at)
         VALUES (gen_random_uuid(), $1, '2026-10-12', 'holiday', '区庙会', false, now())`,
        [world.districtId],
      );
      const second = await startItem('F4', { title: '2026 年耕地地力保护补贴（补报）', year: 2026 });
      expect((await publishNotice(second)).deadlines).toEqual([
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

  describe('a step’s time limit (办理时限: F3 乡镇审核确认, 10 working days)', () => {
    const F3 = BASE_CATALOG.find((item) => item.id === 'F3')!;
    /** Walks an F3 application to the township's decision, the notice period having ended on 10 March. */
    const atTownshipDecision = async () => {
      await at('2026-03-02T02:00:00Z');
      const { matterId, state } = await new CatalogWalker(t, world).walk(F3, 'townshipDecision');
      expect(state).toBe('townshipDecision');
      return new MatterDriver(t, world, matterId);
    };
    const deadlineOf = async (matter: MatterDriver) =>
      (await obligations()).find(
        (obligation) => obligation.matterId === matter.matterId && obligation.kind === 'step-deadline',
      );

    it('is flagged to the township when it passes, traced as a system event, and met by a late decision', async () => {
      const matter = await atTownshipDecision();
      // Reached on Tuesday 10 March: 11–13, 16–20, 23 and 24 March.
      expect((await matter.read()).deadlines).toEqual([
        expect.objectContaining({ eventType: 'STEP_DEADLINE_PASSED', dueAt: '2026-03-24T16:00:00.000Z' }),
      ]);
      expect(await deadlineOf(matter)).toMatchObject({ status: 'open' });

      await at('2026-03-24T16:00:00Z');
      expect(await overdueUnderTownship()).toEqual([
        expect.objectContaining({ kind: 'step-deadline', matterId: matter.matterId, status: 'overdue' }),
      ]);
      const passed = (await matter.trace()).filter((row) => row.eventType === 'STEP_DEADLINE_PASSED');
      expect(passed).toEqual([
        expect.objectContaining({
          accepted: true,
          actor: expect.objectContaining({ personId: null, role: 'system' }),
        }),
      ]);
      const board = await t.api().get(`/public/villages/${world.villageId}/board`).expect(200);
      expect(board.body.overdue).toEqual([expect.objectContaining({ kind: 'step-deadline' })]);

      const decided = await matter.ok('township', 'TOWNSHIP_APPROVE', { opinion: '经审核，符合低保条件' });
      expect(decided.state).not.toBe('townshipDecision');
      expect(await deadlineOf(matter)).toMatchObject({ status: 'fulfilled' });
      expect(await overdueUnderTownship()).toEqual([]);
    });

    it('is met by a decision in time, and its timer never fires', async () => {
      const matter = await atTownshipDecision();
      await matter.ok('township', 'TOWNSHIP_REJECT', { reason: '家庭收入超过当地低保标准' });
      expect(await deadlineOf(matter)).toMatchObject({ status: 'fulfilled' });
      expect((await matter.read()).deadlines).toEqual([]);
      await at('2026-04-30T02:00:00Z');
      expect((await matter.trace()).map((row) => row.eventType)).not.toContain('STEP_DEADLINE_PASSED');
      expect(await overdueUnderTownship()).not.toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'step-deadline' })]),
      );
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
