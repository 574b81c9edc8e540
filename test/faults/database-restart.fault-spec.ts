import { FaultRig, describeRun } from './support/fault-rig.js';
import { isUnavailableAnswer } from './support/http-client.js';
import { ANSWER_BOUND_MS, probeFor, serving } from './support/outage-probes.js';
import { terminateIdleTransactions } from './support/idle-transaction-terminator.js';
import { faultSeed } from './support/seeded-random.js';
import { sleep, waitFor } from './support/wait.js';

/** Each fast restart cuts whatever the app has in flight at that moment: several, at random moments. */
const FAST_RESTARTS = 4;

describe('PostgreSQL restarted under the running app', () => {
  const rig = new FaultRig();

  afterAll(async () => {
    await rig.dispose();
  });

  it('answers 503 while the database is away, then serves again by itself with nothing corrupted', async () => {
    const random = faultSeed('database-restart');
    await rig.setUp({ villages: 2 });
    const [app, cluster, village] = [rig.app!, rig.cluster!, rig.villages[0]];
    const load = rig.startLoad({ workers: 4, deadlineMs: 120_000 });

    // Fast restarts: the server rolls back open transactions and cuts every pooled connection.
    const afterRestartMs: number[] = [];
    for (let restart = 1; restart <= FAST_RESTARTS; restart++) {
      await sleep(random.between(700, 2_000));
      await cluster.restart();
      afterRestartMs.push(await serving(app.baseUrl, village));
    }
    // A restart drops some connections while they sit idle inside a transaction, by chance; here on purpose
    // and many times over, since the transaction's next query then fails in a way of its own.
    await sleep(random.between(700, 2_000));
    const terminated = await terminateIdleTransactions(cluster.url, 2_000);
    const afterTerminationsMs = await serving(app.baseUrl, village);
    await sleep(random.between(700, 2_000));

    // A crash, and the database stays away for a while.
    await cluster.stop('immediate');
    const duringOutage = await probeFor(app.baseUrl, village, 3_000);
    const healthDuringOutage = await healthOf(app.baseUrl);
    await cluster.start();
    const backAt = new Date();
    const afterCrashMs = await serving(app.baseUrl, village);
    const healthAfterOutage = await healthOf(app.baseUrl);
    // Checked now, since a client that got a 500 stops: its matter would never reach the next timer.
    expect(load.surprises).toEqual([]);
    // The scheduler picks up again by itself: a timer falls due and is delivered after the outage.
    await waitFor(
      'a timer delivered after the outage',
      async () => {
        const delivered = await rig.count(
          `SELECT count(*) FROM timer WHERE status = 'delivered' AND settled_at > $1`,
          [backAt],
        );
        return delivered > 0 ? true : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    const settled = await rig.settle();
    process.stderr.write(
      describeRun('database-restart', rig, settled) +
        `[database-restart] serving again ${afterRestartMs.join(', ')} ms after the restarts, ` +
        `${afterTerminationsMs} ms after ${terminated} connections were cut mid-transaction, ` +
        `${afterCrashMs} ms after the crash\n`,
    );

    expect(terminated).toBeGreaterThan(0);
    expect(duringOutage.length).toBeGreaterThan(0);
    expect(duringOutage.filter((outcome) => !isUnavailableAnswer(outcome))).toEqual([]);
    expect(Math.max(...duringOutage.map((outcome) => outcome.ms))).toBeLessThan(ANSWER_BOUND_MS);
    // A load balancer or monitor asking the health check is told the truth, in the coded error shape.
    expect(healthDuringOutage).toEqual({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    expect(healthAfterOutage.status).toBe(200);
    // The load saw 503s and retried; it never saw a 500, a hang, or the process gone.
    expect(load.surprises).toEqual([]);
    expect(load.counts.unavailable).toBeGreaterThan(0);
    expect(load.counts.noAnswer).toBe(0);
    expect(load.slowestAnswerMs).toBeLessThan(ANSWER_BOUND_MS);
    expect(app.starts).toBe(1);
    const { findings, chains } = settled;
    expect(findings.violations).toEqual([]);
    expect(findings.matters).toBe(load.closedMatters.length);
    expect(findings.timers).toEqual({
      pending: 0,
      delivered: 2 * findings.matters,
      cancelled: 0,
      refused: 0,
    });
    // A broken chain is shown whole: where it broke and why.
    expect(chains.chains.filter((chain) => !chain.ok)).toEqual([]);
    expect(chains.exitCode).toBe(0);
    expect(chains.chains.map((chain) => [chain.villageId, chain.ok]).sort()).toEqual(
      rig.villages.map((village) => [village.villageId, true]).sort(),
    );
  });
});

/** The health check's status and, for an error, its code; bounded as the load's answers are. */
async function healthOf(baseUrl: string): Promise<{ status: number; code?: string }> {
  const answer = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(ANSWER_BOUND_MS) });
  const body = (await answer.json()) as { code?: string };
  return answer.ok ? { status: answer.status } : { status: answer.status, code: body.code };
}
