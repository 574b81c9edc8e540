import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { AdjustableClock } from '../../src/common/clock.js';
import {
  endPublicPeriods,
  matterInPublicPeriod,
  progressReport,
  type BenchMatter,
} from './engine-load/a1-path.js';
import { startBenchApp } from './common/bench-app.js';
import { withBenchDatabase } from './common/database-cleanup.js';
import { flagsOrExit, integerFlags } from './common/flags.js';
import { describeMachine, loadLine } from './common/machine.js';
import { fixed, say } from './common/output.js';
import { table } from './common/table.js';
import { JsonClient } from './engine-load/http-client.js';
import { freePort } from '../support/free-port.js';
import { createVillages } from './engine-load/village-world.js';
import { driveRounds, onWorkers, summarise, type Summary } from './engine-load/workload.js';

const USAGE = `usage: npm run bench:processes -- [--most N] [--villages V] [--matters M] [--events E]
                                   [--clients C] [--warmup W] [--pool P]
  M matters over V villages take E measured events each (after W warm-up events) over HTTP from C
  concurrent clients, served by 1, 2, 4 … up to N app processes (npm run start:cluster) on one
  PostgreSQL database, each process with a pool of P connections. Prints events/s and latency per
  process count, and each count's throughput as a ratio of one process's.`;

const flags = flagsOrExit(() =>
  integerFlags({ most: 4, villages: 16, matters: 64, events: 30, clients: 16, warmup: 3, pool: 10 }, USAGE, [
    'warmup',
  ]),
);

/**
 * Issue 21's scaling curve: the same event as `bench:events` (REPORT_PROGRESS, which persists a snapshot
 * and a trace row) over HTTP, with the app in 1, 2, 4 … processes. The matters are prepared in this
 * process; the app processes run under `src/cluster.ts` (`npm run start:cluster`), as a county would run
 * them behind one address, and they accept this process's tokens (the same AUTH_SECRET).
 */
async function main(): Promise<void> {
  say('bench:processes: events over HTTP served by several app processes on one PostgreSQL database');
  await describeMachine();
  say(loadLine('before'));
  const counts = processCounts(flags.most);
  say(
    `workload: ${flags.matters} matters in ${flags.villages} villages, ${flags.warmup} warm-up and ` +
      `${flags.events} measured events each per process count, ${flags.clients} concurrent clients; ` +
      `processes ${counts.join(', ')}, ${flags.pool} connections each`,
  );
  await withBenchDatabase('bench_processes', async (database) => {
    const authSecret = randomBytes(32).toString('hex');
    const clock = new AdjustableClock();
    const bench = await startBenchApp(database.url, { clock, listen: false, quiet: true, authSecret });
    let matters: BenchMatter[];
    try {
      const villages = await createVillages(bench, flags.villages, 'bench processes');
      const slots = Array.from({ length: flags.matters }, (_, index) => villages[index % villages.length]);
      matters = await onWorkers(slots, 8, (village) => matterInPublicPeriod(bench, village));
      await endPublicPeriods(bench, matters);
      // The app processes read the business clock's offset from the database, as they do each beat.
      await bench.dataSource.query(
        `INSERT INTO app_setting (key, value) VALUES ('clock.offset-ms', $1)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
        [String(clock.offset)],
      );
      await bench.dataSource.query('ANALYZE');
    } finally {
      await bench.close();
    }
    const results: [number, Summary][] = [];
    let round = 0;
    for (const processes of counts) {
      const port = await freePort();
      const app = startCluster(processes, port, database.url, authSecret);
      const http = new JsonClient(`http://127.0.0.1:${port}/api`, flags.clients);
      try {
        await ready(port, app);
        const send = (matter: BenchMatter, at: number) => {
          const act = progressReport(at);
          return http
            .post(
              `/villages/${matter.village.villageId}/matters/${matter.matterId}/events`,
              matter.village.people[act.who].token,
              { type: act.type, payload: act.payload },
            )
            .then(() => undefined);
        };
        await driveRounds(matters, { from: round, count: flags.warmup }, flags.clients, send);
        round += flags.warmup;
        const measured = await driveRounds(
          matters,
          { from: round, count: flags.events },
          flags.clients,
          send,
        );
        round += flags.events;
        results.push([processes, summarise(measured)]);
      } finally {
        http.close();
        await stopCluster(app);
      }
    }
    const one = results[0][1].perSecond;
    say();
    say(
      table(
        ['processes', 'events', 'seconds', 'events/s', 'p50 ms', 'p99 ms', '÷ 1 process'],
        results.map(([processes, r]) => [
          String(processes),
          String(r.events),
          fixed(r.seconds, 2),
          fixed(r.perSecond, 1),
          fixed(r.p50, 2),
          fixed(r.p99, 2),
          fixed(r.perSecond / one, 2),
        ]),
      ).join('\n'),
    );
  });
  say(loadLine('after'));
}

/** 1, 2, 4 … up to `most`, and `most` itself. */
function processCounts(most: number): number[] {
  const counts: number[] = [];
  for (let count = 1; count < most; count *= 2) counts.push(count);
  return [...counts, most];
}

function startCluster(
  processes: number,
  port: number,
  databaseUrl: string,
  authSecret: string,
): ChildProcess {
  // The launcher a county runs (`npm run start:cluster`), as built beside the bench.
  const launcher = join(import.meta.dirname, '..', '..', 'src', 'cluster.js');
  return spawn(process.execPath, [launcher], {
    cwd: join(import.meta.dirname, '..', '..', '..'),
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      APP_PROCESSES: String(processes),
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(flags.pool),
      AUTH_SECRET: authSecret,
      DEMO_SEED: 'off',
      CLOCK: 'adjustable',
      // No timers fall due in the measured events; the beat would only add its sweeps to the load.
      TIMER_POLL_MS: '0',
      PUBLIC_RATE_LIMIT: '1000000',
      LOG_FORMAT: 'json',
    },
  });
}

/** Waits until every process answers (the health check, through the shared port) or one fails. */
async function ready(port: number, app: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  let answered = 0;
  while (Date.now() < deadline) {
    if (app.exitCode !== null) throw new Error(`the app processes ended with ${app.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      answered = response.ok ? answered + 1 : 0;
      // A few answers in a row: the cluster hands connections round, so late workers are asked too.
      if (answered >= 8) return;
    } catch {
      answered = 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('the app processes did not answer within two minutes');
}

function stopCluster(app: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (app.exitCode !== null) return resolve();
    app.once('exit', () => resolve());
    app.kill('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
