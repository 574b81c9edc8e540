import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { VillageWorld } from '../../factories/village.factory.js';
import { AppProcess } from './app-process.js';
import { freePort } from '../../support/free-port.js';
import { verifyAllChains, type ChainVerdict } from './chain-verdicts.js';
import { checkInvariants, type Findings } from './invariants.js';
import { MatterLoad, type LoadOptions } from './matter-load.js';
import { PrivateCluster } from './private-cluster.js';
import { seedVillages } from './seed-villages.js';
import { TimerHastener } from './timer-hastener.js';
import { waitFor } from './wait.js';

/** The scheduler's beat in the fault tests: quick, so that timers fall due while the faults happen. */
const TIMER_POLL_MS = 200;

export interface Settled {
  findings: Findings;
  chains: { exitCode: number; chains: ChainVerdict[] };
}

/**
 * Everything a fault test runs on: a private PostgreSQL server, seeded villages, the built app as a
 * child process, the timer hastener and the load. `dispose` cleans up whatever was started, even after
 * a failure half-way through setting up.
 */
export class FaultRig {
  cluster?: PrivateCluster;
  app?: AppProcess;
  load?: MatterLoad;
  villages: VillageWorld[] = [];
  /** How long setting up and settling took, for the run's summary (the fault tests have a time budget). */
  readonly timings = { setUpMs: 0, settleMs: 0 };
  private hastener?: TimerHastener;

  async setUp({ villages }: { villages: number }): Promise<void> {
    const started = Date.now();
    this.cluster = await PrivateCluster.create();
    const authSecret = randomBytes(32).toString('hex');
    this.villages = await seedVillages(this.cluster.url, authSecret, villages);
    this.app = new AppProcess({
      databaseUrl: this.cluster.url,
      port: await freePort(),
      authSecret,
      timerPollMs: TIMER_POLL_MS,
    });
    await this.app.start();
    this.hastener = new TimerHastener(this.cluster.url);
    this.hastener.start();
    this.timings.setUpMs = Date.now() - started;
  }

  startLoad(options: Pick<LoadOptions, 'workers' | 'deadlineMs'>): MatterLoad {
    this.load = new MatterLoad({ ...options, baseUrl: this.app!.baseUrl, villages: this.villages });
    this.load.start();
    return this.load;
  }

  /**
   * Lets the load carry its matters to the end and the scheduler deliver what is due, stops the app, and
   * reads what the database now holds.
   */
  async settle(): Promise<Settled> {
    const started = Date.now();
    await this.load!.finish();
    await this.hastener!.stop();
    await waitFor('the scheduler to deliver every due timer', () => this.noDueTimer(), { timeoutMs: 30_000 });
    await this.app!.stop();
    const settled = {
      findings: await checkInvariants(this.cluster!.url, this.load!.acknowledged),
      chains: await verifyAllChains(this.cluster!.url),
    };
    this.timings.settleMs = Date.now() - started;
    return settled;
  }

  /** Counts rows with SQL of the test's own (not through the app). */
  async count(sql: string, params: unknown[] = []): Promise<number> {
    const client = new pg.Client({ connectionString: this.cluster!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: string }>(sql, params);
      return Number(rows[0].count);
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    const abandoned = this.load?.abandon();
    await this.hastener?.stop().catch(() => undefined);
    await this.app?.stop().catch(() => undefined);
    await abandoned;
    await this.cluster?.destroy();
  }

  private async noDueTimer(): Promise<true | undefined> {
    const due = await this.count(`SELECT count(*) FROM timer WHERE status = 'pending' AND due_at <= now()`);
    return due === 0 ? true : undefined;
  }
}

/** One line for the test's output: what the load did, so that a run can be compared with another. */
export function describeRun(name: string, rig: FaultRig, settled: Settled): string {
  const { findings } = settled;
  const load = rig.load!;
  const errors = rig.app!.errorOutput();
  return (
    `[${name}] ${load.closedMatters.length} matters closed; answers: ${load.counts.success} ok, ` +
    `${load.counts.unavailable} 503, ${load.counts.noAnswer} without answer (${load.counts.cutOff} cut off); ` +
    `slowest ${load.slowestAnswerMs} ms; ` +
    `${findings.traceRows} trace rows; timers ${JSON.stringify(findings.timers)}; ` +
    `set up in ${rig.timings.setUpMs} ms, settled in ${rig.timings.settleMs} ms\n` +
    (errors ? `[${name}] the app's stderr:\n${errors}\n` : '')
  );
}
