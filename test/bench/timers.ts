import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ManualClock } from '../../src/common/clock.js';
import { PasswordHasher } from '../../src/identity/password-hasher.js';
import { AppProcess } from './generate/app-processes.js';
import { startBenchApp, type BenchApp } from './common/bench-app.js';
import { createBenchDatabase, databaseUrl } from './common/bench-database.js';
import { dropOnInterrupt } from './common/database-cleanup.js';
import { flagsOrExit, positiveNumber, readFlags } from './common/flags.js';
import { describeMachine, loadLine } from './common/machine.js';
import { duration, heading, int, say, verdict } from './common/output.js';
import { runBench } from './common/run-bench.js';
import { bulkGenerate } from './generate/bulk.js';
import { recordTimerSettlements } from './generate/delivery-record.js';
import {
  databaseCounters,
  describeClaim,
  describePerTimer,
  explainClaim,
  oneDelivery,
} from './generate/scheduler-figures.js';
import { proveDelivery, type DeliveryProof } from './generate/delivery-proof.js';
import { loadPopulation } from './generate/population-load.js';
import { ProgressBar } from './generate/progress.js';
import { Random } from './generate/random.js';
import { verifySampleChains } from './generate/scale-checks.js';
import { buildTemplates } from './generate/template-set.js';
import { majorMatter } from './generate/template-matters.js';
import { startOfShanghaiDay } from './generate/trace-chainer.js';
import { VillageGenerator } from './generate/village-generator.js';
import { Population, type BenchVillage } from './generate/village-people.js';

const USAGE = `usage: npm run bench:timers -- [--timers N] [--per-village N] [--poll-ms N] [--keep] [--seed N]
                               [--timeout-min N]`;

/**
 * Timers falling due at once: major matters in their resolution's public period, cloned from one carried
 * there through the engine, each with its timer, all due at the same instant (already past). Two app
 * processes (`node dist/src/main.js`) are started on the database; the bench waits until every timer is
 * settled, then proves from the database that each was delivered exactly once.
 */
const options = flagsOrExit(() =>
  readFlags(
    {
      timers: '100000',
      'per-village': '100',
      'poll-ms': '50',
      seed: String(Date.now() % 1_000_000),
      'timeout-min': '240',
      keep: false,
    },
    USAGE,
  ),
);

const PROCESSES = ['scheduler-a', 'scheduler-b'];
/** How often the bench counts what is still pending: seldom enough not to weigh on the deliveries. */
const POLL_MS = 1000;

async function main(): Promise<void> {
  const timers = Math.round(positiveNumber(options.timers, 'timers'));
  const perVillage = Math.round(positiveNumber(options['per-village'], 'per-village'));
  const random = new Random(Number(options.seed));
  say(
    `bench:timers: ${int(timers)} timers due at once, ${PROCESSES.length} app processes (seed ${options.seed})`,
  );
  await describeMachine();
  const database = await createBenchDatabase('bench_timers');
  say(`database: ${database.name}`);
  const processes: AppProcess[] = [];
  dropOnInterrupt([database], options.keep ? [database] : [], () =>
    Promise.all(processes.map((child) => child.stop())),
  );
  let app: BenchApp<ManualClock> | undefined;
  try {
    heading('1. Matters waiting on their timers');
    app = await startBenchApp(database.url, { clock: new ManualClock(new Date()) });
    const population = new Population(random, await app.get(PasswordHasher).hash('bench-timers password'));
    const [templateVillage] = population.addMeasuringVillages('样板村');
    await loadPopulation(database.url, population);
    // Published 30 days ago: its seven working days are over, so its timer (and every clone's) is due now.
    const set = await buildTemplates(
      app,
      database.url,
      templateVillage,
      [{ key: 'A1 public', weight: 1, build: (a, v) => majorMatter(a, v, 'public') }],
      30,
    );
    const [template] = set.templates;
    say(
      `template: ${template.state}, ${template.trace.length} trace rows, ${template.pendingTimers} pending timer`,
    );
    const villages = Math.ceil((timers - 1) / perVillage);
    const generator = new VillageGenerator(
      set.templates,
      [1],
      templateVillage,
      // Clones keep the template's timeline: every timer falls due at the very same instant.
      () => ({ weeks: 0, minutes: 0 }),
      startOfShanghaiDay(app.clock.now()),
    );
    const bulk = await bulkGenerate(database.url, population, generator, set.tables, random, {
      label: 'generating',
      villages,
      matters: timers - 1,
      villagersPerVillage: 20,
      villagesPerTownship: 10,
      villagesPerBatch: 10,
      expectedTraceRows: (timers - 1) * template.trace.length,
      minFreeDiskGb: 15,
    });
    say(
      `loaded ${int(bulk.traceRows)} trace rows and ${int(timers - 1)} cloned matters in ${duration(bulk.seconds)}`,
    );
    await app.dataSource.query('VACUUM (ANALYZE)');
    describeClaim('the scheduler claims with', await explainClaim(app));
    const one = await oneDelivery(app);
    say(
      `one delivery (claim, EngineService.deliverOrThrow, settle; a batch of one, rolled back) in this process: ` +
        `${one.statements} statements, ${one.ms.toFixed(1)} ms (median of 15)`,
    );
    // As after any bulk load (and as bench:scale does): the loader's and VACUUM's dirty pages are written
    // now, not by a checkpoint in the middle of the measured deliveries.
    await app.dataSource.query('CHECKPOINT');
    await app.close();
    app = undefined;

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await recordTimerSettlements(client);
      const [due] = (
        await client.query<{ n: string; at: Date; instants: string }>(
          `SELECT count(*) AS n, min(due_at) AS at, count(DISTINCT due_at) AS instants FROM timer
            WHERE status = 'pending' AND due_at <= now()`,
        )
      ).rows;
      say(
        `pending timers due now: ${int(Number(due.n))}, at ${due.instants} instant(s) (${due.at.toISOString()})`,
      );
      if (Number(due.n) !== timers) throw new Error(`Expected ${timers} due timers`);

      heading('2. Two app processes deliver them');
      say(loadLine());
      const counters = await databaseCounters(client);
      const started = performance.now();
      for (const name of PROCESSES) {
        processes.push(
          new AppProcess(name, {
            DATABASE_URL: databaseUrl(database.name, name),
            PGAPPNAME: name,
            PORT: '0',
            DEMO_SEED: 'off',
            TIMER_POLL_MS: options['poll-ms'],
            CLOCK: 'system',
            NODE_ENV: 'production',
            // Nobody follows a link here, and the port is the system's pick.
            PUBLIC_URL: 'http://localhost',
          }),
        );
      }
      const { seconds, settled } = await waitUntilSettled(client, processes, timers, started);
      const cpu = new Map(processes.map((child) => [child.name, cpuOf(child)]));
      for (const child of processes) {
        const code = await child.stop();
        if (code !== 0 && code !== null) say(`${child.name} exited with ${code}:\n${child.tail()}`);
      }
      say(loadLine());
      describePerTimer(counters, await databaseCounters(client), settled);

      heading('3. Proof');
      const proof = await proveDelivery(client, timers, settled);

      heading('4. Chains (the app verifies: hashes, daily heads, chain head)');
      app = await startBenchApp(database.url, { clock: new ManualClock(new Date()) });
      const sample: BenchVillage[] = [
        templateVillage,
        ...Array.from({ length: 3 }, () => random.pick(bulk.villages).village),
      ];
      const chainsOk = await verifySampleChains(app, sample);
      describeClaim('\nthe same claim at the end', await explainClaim(app));

      heading('Figures');
      describeFigures(settled, seconds, proof, cpu, chainsOk);
    } finally {
      await client.end();
    }
  } finally {
    for (const child of processes) await child.stop();
    await app?.close();
    if (options.keep) say(`kept database ${database.name}`);
    else await database.drop();
  }
}

/**
 * Polls the pending count with a progress bar until none are left. Past the time limit it stops waiting:
 * the processes are stopped and what they settled by then is proved and reported.
 */
async function waitUntilSettled(
  client: pg.Client,
  processes: AppProcess[],
  timers: number,
  started: number,
): Promise<{ seconds: number; settled: number }> {
  const progress = new ProgressBar('delivering', timers, 'timers');
  const limitMs = Number(options['timeout-min']) * 60_000;
  let settled = 0;
  for (;;) {
    const [{ pending }] = (
      await client.query<{ pending: string }>(
        `SELECT count(*) AS pending FROM timer WHERE status = 'pending'`,
      )
    ).rows;
    const now = timers - Number(pending);
    progress.advance(now - settled);
    settled = now;
    if (settled >= timers) break;
    const exited = processes.find((child) => !child.running);
    if (exited) throw new Error(`${exited.name} stopped:\n${exited.tail()}`);
    if (performance.now() - started > limitMs) {
      progress.finish(`stopped: the ${options['timeout-min']} min limit passed`);
      return { seconds: (performance.now() - started) / 1000, settled };
    }
    await sleep(POLL_MS);
  }
  progress.finish();
  return { seconds: (performance.now() - started) / 1000, settled };
}

function describeFigures(
  settled: number,
  seconds: number,
  proof: DeliveryProof,
  cpu: Map<string, ProcessCpu | null>,
  chainsOk: boolean,
): void {
  const rate = (count: number, span: number) => (span > 0 ? int(count / span) : '-');
  const window = (proof.lastSettled.getTime() - proof.firstSettled.getTime()) / 1000;
  say(
    `${proof.allSettled ? 'from starting the processes to the last timer settled' : 'waited'}: ` +
      `${duration(seconds)}, ${int(settled)} timers settled (${rate(settled, seconds)} timers/s, start-up included)`,
  );
  if (settled === 0) return say(`nothing was delivered: ${verdict(false)}`);
  say(`first to last delivery (settled_at): ${duration(window)} (${rate(settled, window)} timers/s)`);
  const marks = [proof.firstSettled, ...proof.deciles];
  const rates = proof.deciles.map((at, index) =>
    rate(settled / 10, (at.getTime() - marks[index].getTime()) / 1000),
  );
  say(`timers/s in each tenth of the deliveries: ${rates.join(', ')}`);
  for (const row of proof.byProcess) {
    const used = cpu.get(row.process);
    const delivering = used ? used.total - used.boot : 0;
    say(
      `${row.process}: ${int(row.timers)} timers (${((row.timers / settled) * 100).toFixed(1)}%)` +
        (used
          ? `; CPU ${used.total.toFixed(1)} s, of which start-up ${used.boot.toFixed(1)} s; ` +
            `${((delivering / row.timers) * 1000).toFixed(1)} ms of CPU per timer delivered`
          : ''),
    );
  }
  say(
    `all delivered: ${verdict(proof.allSettled)}; each exactly once: ${verdict(proof.exactlyOnce)}; ` +
      `sampled chains verify: ${verdict(chainsOk)}`,
  );
}

interface ProcessCpu {
  total: number;
  boot: number;
}

const cpuOf = (child: AppProcess): ProcessCpu | null => {
  const total = child.cpuSeconds();
  return total === null ? null : { total, boot: child.bootCpuSeconds ?? 0 };
};

runBench(main);
