import { DataSource } from 'typeorm';
import { TraceService } from '../../../src/engine/trace.service.js';
import type { BenchMatter } from './a1-path.js';
import type { BenchApp } from '../common/bench-app.js';

/** Revision of a matter once in implementation: the start, the 25 acts to the public period, the timer. */
const REVISION_IN_IMPLEMENTATION = 27;

/**
 * After a run: every village's hash chain verifies (for the raw path this shows it wrote what the engine
 * would have), and every matter counted exactly the events sent to it. Throws when something is off.
 */
export async function checkWorld(
  bench: BenchApp,
  matters: BenchMatter[],
  eventsEach: number,
): Promise<string> {
  const dataSource = bench.get(DataSource);
  const traces = bench.get(TraceService);
  const villageIds = [...new Set(matters.map((matter) => matter.village.villageId))];
  let rows = 0;
  for (const villageId of villageIds) {
    const report = await traces.verify(dataSource.manager, villageId);
    if (!report.ok)
      throw new Error(`Chain of village ${villageId} broken: ${JSON.stringify(report.firstBroken)}`);
    rows += report.checked;
  }
  const expected = REVISION_IN_IMPLEMENTATION + eventsEach;
  const revisions = await dataSource.query<{ revision: number; count: string }[]>(
    `SELECT revision, count(*) AS count FROM matter WHERE id = ANY($1) GROUP BY revision`,
    [matters.map((matter) => matter.matterId)],
  );
  if (revisions.length !== 1 || revisions[0].revision !== expected) {
    throw new Error(`Expected every matter at revision ${expected}, found ${JSON.stringify(revisions)}`);
  }
  return `${villageIds.length} chains (${rows} rows) verify, ${matters.length} matters at revision ${expected}`;
}
