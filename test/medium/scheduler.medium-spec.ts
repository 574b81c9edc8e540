import { DAY_MS } from '../../src/common/clock.js';
import { SchedulerService, TIMER_RETRIES } from '../../src/time/scheduler.service.js';
import { TimerRepository, type ClaimedTimers } from '../../src/time/timer.repository.js';
import { JobClaimsRepository } from '../../src/time/job-claims.repository.js';
import { EngineService } from '../../src/engine/engine.service.js';
import { TraceService } from '../../src/engine/trace.service.js';
import { AppConfig } from '../../src/config/app-config.js';
import { LocalTime } from '../../src/common/local-time.js';
import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, testConfig, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-database.js';
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const periodEventsOf = (t: TestApp, matterId: string) =>
  t.dataSource.query<{ accepted: boolean }[]>(
    `SELECT accepted FROM trace WHERE matter_id = $1 AND event_type = 'PUBLIC_PERIOD_ENDED'`,
    [matterId],
  );

describe(SchedulerService.name, () => {
  it('delivers, after a restart, a timer that fell due while the app was down: once', async () => {
    const database = await createTestDatabase({ survivesRestart: true });
    const first = await startTestApp({ database });
    const world = await createVillage(first);
    const matter = await EngineDriver.start(first, world);
    const view = await matter.toResolutionPublic();
    expect(view.deadlines).toEqual([
      {
        eventType: 'PUBLIC_PERIOD_ENDED',
        dueAt: '2026-03-09T16:00:00.000Z',
        state: 'resolutionDisclosure.public',
      },
    ]);
    await first.close({ keepDatabase: true });

    const second = await startTestApp({ database, now: new Date(TEST_NOW.getTime() + 10 * DAY_MS) });
    try {
      const sut = second.get(SchedulerService);
      await expect(sut.deliverDue()).resolves.toBe(1);
      await expect(sut.deliverDue()).resolves.toBe(0);
      const [matterRow] = await second.dataSource.query<{ state: string }[]>(
        `SELECT state FROM matter WHERE id = $1`,
        [matter.matterId],
      );
      expect(matterRow.state).toBe('implementation');
      expect(await periodEventsOf(second, matter.matterId)).toEqual([{ accepted: true }]);
    } finally {
      await second.close();
    }
  });

  describe('on one database', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(async () => {
      await t.close();
    });

    /**
     * Makes a delivery fail as a bug would (not a refusal: those are traced and settled) wherever `failure`
     * names an error for the matter, on whichever path the scheduler takes; the returned function mends it.
     */
    const breakDeliveries = (failure: (matterId: string) => Error | null) => {
      const traces = t.get(TraceService);
      // Every delivery ends by appending its trace row, whether the batch's claim read the matter or it did.
      const append = traces.append.bind(traces);
      traces.append = (db, attempt, options) => {
        const error = attempt.matterId ? failure(attempt.matterId) : null;
        return error ? Promise.reject(error) : append(db, attempt, options);
      };
      return () => {
        traces.append = append;
      };
    };

    it('does not deliver before the public period ends, at 24:00 of its last day', async () => {
      const world = await createVillage(t);
      const matter = await EngineDriver.start(t, world);
      await matter.toResolutionPublic();
      const sut = t.get(SchedulerService);
      t.clock.set(new Date('2026-03-09T15:59:59.000Z'));
      await expect(sut.deliverDue()).resolves.toBe(0);
      t.clock.set(new Date('2026-03-09T16:00:00.000Z'));
      await expect(sut.deliverDue()).resolves.toBe(1);
      t.clock.set(TEST_NOW);
    });

    it('cancels the timer when an objection sends the disclosure back', async () => {
      const world = await createVillage(t);
      const matter = await EngineDriver.start(t, world);
      await matter.toResolutionPublic();
      const view = await matter.send('supervisor2', 'OBJECT', { reason: '公开内容有误' });
      expect(view.deadlines).toEqual([]);
      expect((view.disclosures as { status: string }[]).map((disclosure) => disclosure.status)).toEqual([
        'withdrawn',
      ]);
      t.clock.advance(10 * DAY_MS);
      try {
        await expect(t.get(SchedulerService).deliverDue()).resolves.toBe(0);
      } finally {
        t.clock.set(TEST_NOW);
      }
    });

    it('retries a timer whose delivery fails unexpectedly, then sets it aside for the township, never holding the others', async () => {
      const world = await createVillage(t);
      const poisoned = await EngineDriver.start(t, world);
      await poisoned.toResolutionPublic();
      const healthy = await EngineDriver.start(t, world);
      await healthy.toResolutionPublic();
      const mend = breakDeliveries((matterId) =>
        matterId === poisoned.matterId ? new TypeError('boom') : null,
      );
      const sut = t.get(SchedulerService);
      t.clock.advance(10 * DAY_MS);
      try {
        // The failing timer falls due first, yet the other is delivered in the same run.
        await expect(sut.deliverDue()).resolves.toBe(1);
        expect(await periodEventsOf(t, healthy.matterId)).toEqual([{ accepted: true }]);
        const timerOf = async () =>
          (
            await t.dataSource.query<{ status: string; attempts: number; last_error: string }[]>(
              `SELECT status, attempts, last_error FROM timer WHERE matter_id = $1`,
              [poisoned.matterId],
            )
          )[0];
        expect(await timerOf()).toEqual({ status: 'pending', attempts: 1, last_error: 'boom' });
        // Not again before its back-off ends (1 minute, then 2, 4, 8).
        await expect(sut.deliverDue()).resolves.toBe(0);
        expect((await timerOf()).attempts).toBe(1);
        for (const minutes of [1, 2, 4, 8]) {
          t.clock.advance(minutes * 60_000);
          await sut.deliverDue();
        }
        expect(await timerOf()).toMatchObject({ status: 'failed', attempts: TIMER_RETRIES.attempts });
        t.clock.advance(DAY_MS);
        await expect(sut.deliverDue()).resolves.toBe(0);
        expect((await timerOf()).attempts).toBe(TIMER_RETRIES.attempts);

        const overdue = await t
          .api(world.people.township.token)
          .get(`/regions/${world.townshipId}/overdue`)
          .expect(200);
        expect(overdue.body).toContainEqual(
          expect.objectContaining({ kind: 'timer-failed', matterId: poisoned.matterId, status: 'overdue' }),
        );
        const health = await t.api().get('/health').expect(200);
        expect(health.body.warnings).toContain('1 个定时事项多次处理失败，已暂停并报乡镇，请查看日志');
      } finally {
        mend();
        await t.dataSource.query(`UPDATE timer SET status = 'cancelled' WHERE status = 'failed'`);
        t.clock.set(TEST_NOW);
      }
    });

    /** A scheduler of this app with its own batch size and loops. */
    const schedulerWith = (config: Partial<AppConfig>) =>
      new SchedulerService(
        t.dataSource,
        t.get(TimerRepository),
        t.get(EngineService),
        testConfig(config),
        t.get(LocalTime),
        t.get(JobClaimsRepository),
      );
    /** A scheduler of this app that claims `timerBatchSize` timers per transaction, in one loop. */
    const schedulerWithBatches = (timerBatchSize: number) =>
      schedulerWith({ timerBatchSize, timerWorkers: 1 });

    const mattersInPublicPeriod = async (count: number) => {
      const world = await createVillage(t);
      const matters = [];
      for (let index = 0; index < count; index++) {
        const matter = await EngineDriver.start(t, world);
        await matter.toResolutionPublic();
        matters.push(matter);
      }
      return matters;
    };

    it('delivers in batches, each timer once, a failing one in the middle of a batch holding none of the others', async () => {
      const matters = await mattersInPublicPeriod(5);
      const poisoned = matters[2];
      const mend = breakDeliveries((matterId) =>
        matterId === poisoned.matterId ? new TypeError('boom') : null,
      );
      t.clock.advance(10 * DAY_MS);
      try {
        await expect(schedulerWithBatches(2).deliverDue()).resolves.toBe(4);
        for (const matter of matters.filter((matter) => matter !== poisoned))
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
        const [timer] = await t.dataSource.query<{ status: string; attempts: number }[]>(
          `SELECT status, attempts FROM timer WHERE matter_id = $1`,
          [poisoned.matterId],
        );
        expect(timer).toEqual({ status: 'pending', attempts: 1 });
        expect(await periodEventsOf(t, poisoned.matterId)).toEqual([]);
      } finally {
        mend();
        t.clock.advance(DAY_MS);
        await t.get(SchedulerService).deliverDue();
        t.clock.set(TEST_NOW);
      }
      expect(await periodEventsOf(t, poisoned.matterId)).toEqual([{ accepted: true }]);
    });

    it('rolls a whole batch back when the database fails under it: its events and its settlements go together', async () => {
      const matters = await mattersInPublicPeriod(4);
      // The database goes away while the batch's second timer is delivered (after the first one's event).
      let deliveries = 0;
      const mend = breakDeliveries(() =>
        ++deliveries === 2 ? Object.assign(new Error('terminating connection'), { code: '57P01' }) : null,
      );
      t.clock.advance(10 * DAY_MS);
      try {
        await expect(schedulerWithBatches(4).deliverDue()).rejects.toThrow('terminating connection');
        for (const matter of matters) expect(await periodEventsOf(t, matter.matterId)).toEqual([]);
        const pending = await t.dataSource.query<{ attempts: number }[]>(
          `SELECT attempts FROM timer WHERE matter_id = ANY($1) AND status = 'pending'`,
          [matters.map((matter) => matter.matterId)],
        );
        expect(pending).toEqual(matters.map(() => ({ attempts: 0 })));
        mend();
        await expect(schedulerWithBatches(4).deliverDue()).resolves.toBe(4);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
      } finally {
        mend();
        t.clock.set(TEST_NOW);
      }
    });

    it('delivers each due timer exactly once with two batching schedulers running at the same time', async () => {
      const matters = await mattersInPublicPeriod(7);
      t.clock.advance(10 * DAY_MS);
      try {
        const settled = await Promise.all([
          schedulerWithBatches(2).deliverDue(),
          schedulerWithBatches(3).deliverDue(),
        ]);
        expect(settled[0] + settled[1]).toBe(7);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
      } finally {
        t.clock.set(TEST_NOW);
      }
    });

    it('delivers a batch of one village in order: its chain holds, each timer once, settled as delivered', async () => {
      const matters = await mattersInPublicPeriod(4);
      t.clock.advance(10 * DAY_MS);
      // The careful door (a savepoint per timer) is for batches that met a refusal or failure: a batch whose
      // appends took the wrong chain head would fail and end up there, delivered all the same.
      const engine = t.get(EngineService);
      const deliver = engine.deliver.bind(engine);
      let carefulDeliveries = 0;
      engine.deliver = (db, command) => (carefulDeliveries++, deliver(db, command));
      try {
        await expect(schedulerWithBatches(10).deliverDue()).resolves.toBe(4);
        expect(carefulDeliveries).toBe(0);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
        const timers = await t.dataSource.query<{ status: string }[]>(
          `SELECT status FROM timer WHERE matter_id = ANY($1)`,
          [matters.map((matter) => matter.matterId)],
        );
        expect(timers).toEqual(matters.map(() => ({ status: 'delivered' })));
        const report = await t.get(TraceService).verify(t.dataSource.manager, matters[0].world.villageId);
        expect(report).toMatchObject({ ok: true, firstBroken: null });
      } finally {
        engine.deliver = deliver;
        t.clock.set(TEST_NOW);
      }
    });

    /**
     * Delivers the timers of `matters` with `scheduler` while `claimAs` stands between the loops and their
     * claims (each numbered from 1): races a test cannot time, as a loop would meet them.
     */
    const deliversAllClaimingAs = async (
      matters: EngineDriver[],
      scheduler: SchedulerService,
      claimAs: (claim: () => Promise<ClaimedTimers>, nth: number) => Promise<ClaimedTimers>,
    ) => {
      t.clock.advance(10 * DAY_MS);
      const repository = t.get(TimerRepository);
      const claimDue = repository.claimDue.bind(repository);
      let claims = 0;
      repository.claimDue = (db, now, limit) => claimAs(() => claimDue(db, now, limit), ++claims);
      try {
        await expect(scheduler.deliverDue()).resolves.toBe(matters.length);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
      } finally {
        repository.claimDue = claimDue;
        t.clock.set(TEST_NOW);
      }
    };

    it('claims again after a claim whose matters another loop delivered meanwhile, instead of ending the run', async () => {
      // A claim chooses matters from its statement's snapshot and then locks them: another loop that
      // delivers one and commits in between leaves it a locked matter with no pending timer.
      await deliversAllClaimingAs(
        await mattersInPublicPeriod(2),
        schedulerWithBatches(1),
        async (claim, nth) => {
          const claimed = await claim();
          return nth === 1 ? { timers: [], matters: claimed.matters } : claimed;
        },
      );
    });

    it('runs its loops again while a round delivered something, so that loops stopping on each other leave nothing due', async () => {
      // Under load three loops on two villages could each find both villages held by the others for a
      // moment (even by a claim that locked nothing in the end), and stop one after another with timers
      // left: four of six, in CI. Here each loop's second claim finds everything held (two loops on
      // PostgreSQL; the embedded database's one loop).
      const heldClaims = process.env.DATABASE_URL ? [3, 4] : [3];
      const matters = [...(await mattersInPublicPeriod(2)), ...(await mattersInPublicPeriod(2))];
      await deliversAllClaimingAs(
        matters,
        schedulerWith({ timerBatchSize: 1, timerWorkers: 2 }),
        (claim, nth) => (heldClaims.includes(nth) ? Promise.resolve({ timers: [], matters: [] }) : claim()),
      );
    });

    it('delivers with several loops in one process, each timer once, every village chain whole', async () => {
      const matters = [...(await mattersInPublicPeriod(3)), ...(await mattersInPublicPeriod(3))];
      t.clock.advance(10 * DAY_MS);
      try {
        const scheduler = schedulerWith({ timerBatchSize: 1, timerWorkers: 3 });
        await expect(scheduler.deliverDue()).resolves.toBe(6);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
        for (const villageId of new Set(matters.map((matter) => matter.world.villageId)))
          expect(await t.get(TraceService).verify(t.dataSource.manager, villageId)).toMatchObject({
            ok: true,
          });
      } finally {
        t.clock.set(TEST_NOW);
      }
    });

    if (process.env.DATABASE_URL) {
      /**
       * While another transaction holds the row `lock` locks, a batch delivers `free`'s timer and leaves
       * `held`'s for later; once that transaction commits, the next batch delivers `held`'s. A batch that
       * waited for the row instead would wait on the open transaction until the test timed out.
       */
      const deliversAroundHeldRow = async (
        lock: { sql: string; params: unknown[] },
        held: EngineDriver,
        free: EngineDriver,
      ) => {
        t.clock.advance(10 * DAY_MS);
        const runner = t.dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction();
          await runner.query(lock.sql, lock.params);
          await expect(schedulerWithBatches(10).deliverDue()).resolves.toBe(1);
          expect(await periodEventsOf(t, free.matterId)).toEqual([{ accepted: true }]);
          expect(await periodEventsOf(t, held.matterId)).toEqual([]);
          await runner.commitTransaction();
          await expect(schedulerWithBatches(10).deliverDue()).resolves.toBe(1);
          expect(await periodEventsOf(t, held.matterId)).toEqual([{ accepted: true }]);
        } finally {
          if (runner.isTransactionActive) await runner.rollbackTransaction();
          await runner.release();
          t.clock.set(TEST_NOW);
        }
      };

      it("leaves a village whose chain head someone holds for a later batch, and delivers other villages' timers meanwhile", async () => {
        const [busy] = await mattersInPublicPeriod(1);
        const [free] = await mattersInPublicPeriod(1);
        // As an act in that village holds it between its append and its commit.
        const lock = {
          sql: `SELECT seq FROM trace_head WHERE village_id = $1 FOR UPDATE`,
          params: [busy.world.villageId],
        };
        await deliversAroundHeldRow(lock, busy, free);
      });

      it('leaves a timer whose matter a request holds for a later batch, and delivers the others meanwhile', async () => {
        const [held, free] = await mattersInPublicPeriod(2);
        const lock = { sql: `SELECT id FROM matter WHERE id = $1 FOR UPDATE`, params: [held.matterId] };
        await deliversAroundHeldRow(lock, held, free);
      });
    }

    it('delivers each due timer exactly once with two schedulers running at the same time', async () => {
      const world = await createVillage(t);
      const matters = [];
      for (let index = 0; index < 4; index++) {
        const matter = await EngineDriver.start(t, world);
        await matter.toResolutionPublic();
        matters.push(matter);
      }
      t.clock.advance(10 * DAY_MS);
      try {
        const second = new SchedulerService(
          t.dataSource,
          t.get(TimerRepository),
          t.get(EngineService),
          t.get(AppConfig),
          t.get(LocalTime),
          t.get(JobClaimsRepository),
        );
        const settled = await Promise.all([t.get(SchedulerService).deliverDue(), second.deliverDue()]);
        expect(settled[0] + settled[1]).toBe(4);
        for (const matter of matters)
          expect(await periodEventsOf(t, matter.matterId)).toEqual([{ accepted: true }]);
      } finally {
        t.clock.set(TEST_NOW);
      }
    });
  });

  it('runs one beat at a time: a slow job is never started again while it is still running', async () => {
    const t = await startTestApp();
    const sut = new SchedulerService(
      t.dataSource,
      t.get(TimerRepository),
      t.get(EngineService),
      testConfig({ timerPollMs: 2 }),
      t.get(LocalTime),
      t.get(JobClaimsRepository),
    );
    let running = 0;
    let mostAtOnce = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    sut.registerJob('slow', async () => {
      mostAtOnce = Math.max(mostAtOnce, ++running);
      await gate;
      running--;
    });
    try {
      sut.onApplicationBootstrap();
      // Fifty beats fall due while the first one's job waits at the gate.
      await new Promise((resolve) => setTimeout(resolve, 100));
      release();
      await sut.onApplicationShutdown();
      expect(mostAtOnce).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('runs each housekeeping job once per half beat between processes, and never in two at once', async () => {
    const t = await startTestApp();
    // Two schedulers on one database, as two processes with a beat of a minute.
    const appProcess = () =>
      new SchedulerService(
        t.dataSource,
        t.get(TimerRepository),
        t.get(EngineService),
        testConfig({ timerPollMs: 60_000 }),
        t.get(LocalTime),
        t.get(JobClaimsRepository),
      );
    const [first, second] = [appProcess(), appProcess()];
    let runs = 0;
    for (const scheduler of [first, second]) scheduler.registerJob('sweep', () => Promise.resolve(runs++));
    try {
      await Promise.all([first.runDue(), second.runDue()]);
      expect(runs).toBe(1);
      // The other process's beat a few seconds later finds it done for this beat.
      t.clock.advance(5_000);
      await second.runDue();
      expect(runs).toBe(1);
      // Half a beat on, whichever comes next runs it.
      t.clock.advance(30_000);
      await second.runDue();
      await first.runDue();
      expect(runs).toBe(2);
    } finally {
      t.clock.set(TEST_NOW);
      await t.close();
    }
  });

  describe('with two app processes on one database', () => {
    if (process.env.DATABASE_URL) {
      it('delivers each due timer exactly once, whichever process claims it', async () => {
        const database = await createTestDatabase();
        const first = await startTestApp({ database });
        const second = await startTestApp({ database });
        try {
          const world = await createVillage(first);
          const matters = [];
          for (let index = 0; index < 6; index++) {
            const matter = await EngineDriver.start(index % 2 ? first : second, world);
            await matter.toResolutionPublic();
            matters.push(matter);
          }
          for (const app of [first, second]) app.clock.advance(10 * DAY_MS);
          const delivered = await Promise.all([
            first.get(SchedulerService).deliverDue(),
            second.get(SchedulerService).deliverDue(),
          ]);
          expect(delivered[0] + delivered[1]).toBe(6);
          for (const matter of matters)
            expect(await periodEventsOf(first, matter.matterId)).toEqual([{ accepted: true }]);
        } finally {
          await second.close({ keepDatabase: true });
          await first.close();
        }
      });
    } else {
      // The embedded database belongs to one process; a second one cannot open it, so cannot deliver.
      it('refuses to start a second process on the embedded data folder', async () => {
        const dataDir = join(tmpdir(), 'micropower-test', `locked-${randomBytes(6).toString('hex')}`);
        mkdirSync(join(dataDir, '..'), { recursive: true });
        const otherProcess = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)']);
        try {
          writeFileSync(`${dataDir}.lock`, String(otherProcess.pid));
          await expect(
            startTestApp({ database: { target: { kind: 'pglite', dataDir }, drop: async () => {} } }),
          ).rejects.toThrow(`in use by process ${otherProcess.pid}`);
        } finally {
          otherProcess.kill();
          rmSync(`${dataDir}.lock`, { force: true });
        }
      });
    }
  });
});
