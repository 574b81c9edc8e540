import pg from 'pg';
import { PipelinedLoader, type LoadTally } from './loader.js';
import { freeDiskGb } from '../common/machine.js';
import { ProgressBar } from './progress.js';
import type { Random } from './random.js';
import type { TableColumns } from './template-rows.js';
import { MatterBuffers, type VillageGenerator } from './village-generator.js';
import type { BenchVillage, Population } from './village-people.js';

export interface BulkPlan {
  label: string;
  villages: number;
  /** Spread over the villages as evenly as whole numbers allow. */
  matters: number;
  villagersPerVillage: number;
  villagesPerTownship: number;
  villagesPerBatch: number;
  /** For the progress bar: the trace rows the run should end with. */
  expectedTraceRows: number;
  /** Stop before the disk fills: checked between batches. */
  minFreeDiskGb: number;
}

export interface BulkVillage {
  village: BenchVillage;
  /** A few of its matters, for sampling reads. */
  matterIds: string[];
}

export interface BulkResult {
  villages: BulkVillage[];
  rowsByTable: LoadTally;
  traceRows: number;
  seconds: number;
}

const KEPT_MATTER_IDS = 5;

/** Generates villages full of cloned matters and loads them with COPY, batch by batch, with a progress bar. */
export async function bulkGenerate(
  url: string,
  population: Population,
  generator: VillageGenerator,
  tables: readonly TableColumns[],
  random: Random,
  plan: BulkPlan,
): Promise<BulkResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // As pg_restore loads data before it adds the constraints: the rows are consistent by construction, and
  // per-row foreign-key checks would double the load time. Indexes stay, and grow as the app would grow them.
  await client.query('SET session_replication_role = replica');
  const started = performance.now();
  try {
    const loader = new PipelinedLoader(client);
    const buffers = new MatterBuffers(tables);
    const progress = new ProgressBar(plan.label, plan.expectedTraceRows, 'trace rows');
    const districtId = population.addDistrict('基准区');
    let townshipId = '';
    const villages: BulkVillage[] = [];
    let traceRows = 0;
    for (let index = 0; index < plan.villages; index++) {
      if (index % plan.villagesPerTownship === 0) {
        townshipId = population.addTownship(districtId, `第${index / plan.villagesPerTownship + 1}镇`);
      }
      const village = population.addVillage(
        districtId,
        townshipId,
        `第${index + 1}村`,
        plan.villagersPerVillage,
      );
      const matters =
        Math.floor(plan.matters / plan.villages) + (index < plan.matters % plan.villages ? 1 : 0);
      const generated = await generator.generate(village, matters, buffers, random, () => loader.breathe());
      villages.push({
        village,
        matterIds: generated.matterIds.filter((_, at) => at % 97 === 0).slice(0, KEPT_MATTER_IDS),
      });
      traceRows += generated.traceRows;
      progress.advance(generated.traceRows, `village ${index + 1}/${plan.villages}`);
      const batchEnds = (index + 1) % plan.villagesPerBatch === 0 || index + 1 === plan.villages;
      if (batchEnds) {
        const free = await freeDiskGb();
        if (free < plan.minFreeDiskGb) {
          throw new Error(
            `Stopped: ${free.toFixed(1)} GB of disk left (at least ${plan.minFreeDiskGb} GB kept free)`,
          );
        }
        await loader.submit([...population.buffers, ...buffers.all]);
      }
    }
    await loader.finish();
    progress.finish('loaded');
    return { villages, rowsByTable: loader.tally, traceRows, seconds: (performance.now() - started) / 1000 };
  } finally {
    await client.end();
  }
}
