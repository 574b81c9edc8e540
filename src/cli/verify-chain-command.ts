import { Metrics } from '../common/metrics.js';
import type { DataSource } from 'typeorm';
import { ChainCheckpointRepository } from '../engine/chain-checkpoint.repository.js';
import type { BrokenLink } from '../engine/trace-chain.js';
import { TraceRepository } from '../engine/trace.repository.js';
import { TraceService, type ChainReport } from '../engine/trace.service.js';
import { isUuid } from '../common/uuid.js';

export const VERIFY_USAGE = `Usage: npm run verify -- <villageId>... | --all [--head <seq>:<hash>]... [--json]

Walks each village's trace hash chain from its first row and names the first row that does not hold.
--head   a head copied from the public board (or kept elsewhere); the chain must still pass through it.
--json   one JSON report per village instead of text.
Exit status: 0 when every chain holds, 1 when one is broken, 2 on a usage or connection error.`;

export class UsageError extends Error {}

interface Options {
  villageIds: string[];
  all: boolean;
  heads: { seq: number; hash: string }[];
  json: boolean;
}

const HEAD = /^(\d+):([0-9a-f]{64})$/i;

export function parseVerifyArgs(args: readonly string[]): Options {
  const options: Options = { villageIds: [], all: false, heads: [], json: false };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (arg === '--all') options.all = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--head') {
      const match = HEAD.exec(args[++index] ?? '');
      if (!match) throw new UsageError('--head wants <seq>:<64 hex digits>, as the public board shows it');
      options.heads.push({ seq: Number(match[1]), hash: match[2].toLowerCase() });
    } else if (isUuid(arg)) options.villageIds.push(arg.toLowerCase());
    else throw new UsageError(`not a village id or option: ${arg}`);
  }
  if (options.all === options.villageIds.length > 0) {
    throw new UsageError('name the villages to verify, or --all (not both)');
  }
  if (options.heads.length > 0 && options.villageIds.length !== 1) {
    throw new UsageError('--head belongs to one village: name exactly one');
  }
  return options;
}

const REASONS: Record<BrokenLink['reason'], string> = {
  'missing-row': 'row missing',
  'prev-hash-mismatch': 'previous hash does not match the row before',
  'payload-digest-mismatch': 'payload differs from its digest',
  'hash-mismatch': 'row hash does not match its contents',
  'head-mismatch': 'chain head does not match the last row',
  'checkpoint-mismatch': 'differs from a published daily head (history rewritten and rehashed)',
};

export function describeReport(report: ChainReport): string {
  const where = `village ${report.villageId}`;
  if (report.ok)
    return `OK     ${where}: ${report.checked} rows, head ${report.head.seq} ${report.head.hash}`;
  const link = report.firstBroken!;
  const range =
    link.after !== undefined ? ` (changed row after ${link.after}, at or before ${link.seq})` : '';
  return [
    `BROKEN ${where}: first broken link at row ${link.seq}: ${REASONS[link.reason]}${range}`,
    `       expected ${link.expected}`,
    `       found    ${link.found}`,
    `       ${report.checked} rows hold before it`,
  ].join('\n');
}

/**
 * Verifies the named villages (or all with a trace) and writes one report each; returns the exit status.
 * A data source, or an open transaction's manager (the copy to PostgreSQL verifies before it commits).
 */
export async function verifyChains(
  dataSource: Pick<DataSource, 'manager'>,
  options: Options,
  write: (line: string) => void,
): Promise<number> {
  const traces = new TraceService(new TraceRepository(), new ChainCheckpointRepository(), new Metrics());
  const db = dataSource.manager;
  const villageIds = options.all
    ? (await db.query<{ village_id: string }[]>('SELECT village_id FROM trace_head ORDER BY village_id')).map(
        (row) => row.village_id,
      )
    : options.villageIds;
  let broken = 0;
  for (const villageId of villageIds) {
    const report = await traces.verify(db, villageId, options.heads);
    if (!report.ok) broken++;
    write(options.json ? JSON.stringify(report) : describeReport(report));
  }
  if (!options.json) write(`${villageIds.length} village(s) checked, ${broken} broken.`);
  return broken > 0 ? 1 : 0;
}
