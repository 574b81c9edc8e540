import { AdjustableClock } from '../../src/common/clock.js';
import { EngineService } from '../../src/engine/engine.service.js';
import { pathToResolutionPublic, sendDirect, startMatter, today } from './engine-load/a1-path.js';
import { startBenchApp, type BenchApp } from './common/bench-app.js';
import { withBenchDatabase } from './common/database-cleanup.js';
import { flagsOrExit, integerFlags } from './common/flags.js';
import { describeMachine, loadLine } from './common/machine.js';
import { fixed, mebibytes, say } from './common/output.js';
import { MemorySampler, SAMPLE_HEADER, sampleCells, sampleLine } from './engine-load/memory-samples.js';
import { createVillages, type BenchVillage } from './engine-load/village-world.js';

const USAGE = `usage: npm run bench:memory -- [--events N] [--villages V] [--clients C] [--samples S] [--pool P]
  N events through EngineService (starts and acts of new A1 matters, each taken by its lawful path to
  the resolution's public period) from C concurrent clients over V villages; resident memory is
  sampled S times, after a full garbage collection each time.`;

const flags = flagsOrExit(() =>
  integerFlags({ events: 1_000_000, villages: 50, clients: 8, samples: 20, pool: 10 }, USAGE),
);

/** "Flat": resident memory at the end of the run at most this much above what it was at 10%. */
const FLAT_GROWTH = 0.1;

const MAX_FAILURES = 100;

/**
 * The workload keeps creating matters, so memory held per matter (a live actor, a cached snapshot)
 * would grow with the run: every matter is started and taken through 25 acts (proposal, three
 * meetings with roster, attendance and ballots, a disclosure and its public-period timer), then left
 * waiting, as most matters in a district are. 1,000,000 events make about 38,000 matters.
 */
async function drive(bench: BenchApp, villages: BenchVillage[], sampler: MemorySampler) {
  const engine = bench.get(EngineService);
  let claimed = 0;
  let done = 0;
  let matters = 0;
  const failures: string[] = [];
  const counted = () => sampler.passed(++done, matters);
  const oneMatter = async (village: BenchVillage) => {
    const matter = { village, matterId: await startMatter(engine, village) };
    counted();
    for (const act of pathToResolutionPublic(village, today(bench))) {
      if (claimed++ >= flags.events) return;
      await sendDirect(engine, matter, act);
      counted();
    }
  };
  const client = async () => {
    while (claimed < flags.events) {
      claimed++;
      // A failed act leaves its matter behind (the rest of its path would be refused) but not the run:
      // hours of sampling are not thrown away for one error; the errors are counted and reported.
      await oneMatter(villages[matters++ % villages.length]).catch((error: unknown) => {
        failures.push(String(error));
        if (failures.length > MAX_FAILURES) throw error;
      });
    }
  };
  await Promise.all(Array.from({ length: flags.clients }, client));
  return { events: done, matters, failures };
}

async function main(): Promise<void> {
  say('bench:memory: resident memory across many events through EngineService, against PostgreSQL');
  await describeMachine();
  say(loadLine('before'));
  say(
    `workload: ${flags.events} events, ${flags.clients} concurrent clients, ${flags.villages} villages, ` +
      `a sample every ${Math.ceil(flags.events / flags.samples)} events (after global.gc())`,
  );
  await withBenchDatabase('bench_memory', async (database) => {
    const bench = await startBenchApp(database.url, {
      clock: new AdjustableClock(),
      poolSize: flags.pool,
      listen: false,
      quiet: true,
    });
    try {
      const villages = await createVillages(bench, flags.villages, 'bench memory');
      say();
      say(sampleLine(SAMPLE_HEADER));
      const sampler = new MemorySampler(Math.ceil(flags.events / flags.samples), (sample) => {
        say(sampleLine(sampleCells(sample)));
        // What autovacuum would do as the tables grow (it is off on the bench machine): fresh
        // statistics, so the hot path's prepared statements are planned for the tables as they are.
        void bench.dataSource.query('ANALYZE').catch(() => undefined);
      });
      sampler.take(0, 0);
      const { events, matters, failures } = await drive(bench, villages, sampler);
      if (sampler.samples.at(-1)!.events < events) sampler.take(events, matters);
      report(sampler);
      say(`failed events: ${failures.length}${failures.length ? ` (first: ${failures[0]})` : ''}`);
    } finally {
      await bench.close();
    }
  });
  say(loadLine('after'));
}

function report(sampler: MemorySampler): void {
  const early = sampler.at(0.1, flags.events);
  const last = sampler.samples.at(-1)!;
  const growth = (last.rss - early.rss) / early.rss;
  const heapGrowth = (last.heapUsed - early.heapUsed) / early.heapUsed;
  say();
  say(
    `RSS at ${early.events} events (10%): ${mebibytes(early.rss)}; at ${last.events} (100%): ` +
      `${mebibytes(last.rss)}; growth ${fixed(growth * 100, 1)}%`,
  );
  say(
    `heap used after GC: ${mebibytes(early.heapUsed)} → ${mebibytes(last.heapUsed)} (${fixed(heapGrowth * 100, 1)}%)`,
  );
  say(`matters created: ${last.matters}; overall ${fixed(last.events / last.seconds, 0)} events/s`);
  const met = growth < FLAT_GROWTH ? 'met' : 'missed';
  say(
    `target RSS flat (growth from 10% to 100% of the run < ${fixed(FLAT_GROWTH * 100, 0)}%): ${met} (${fixed(growth * 100, 1)}%)`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
