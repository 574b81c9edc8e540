import { statfs } from 'node:fs/promises';
import { availableParallelism, cpus, freemem, loadavg, totalmem } from 'node:os';
import { onServer } from './bench-database.js';
import { say } from './output.js';

const GIB = 1024 ** 3;

/** The settings that shape write throughput and query plans, so figures from two servers compare. */
const SERVER_SETTINGS = [
  'shared_buffers',
  'work_mem',
  'effective_cache_size',
  'max_wal_size',
  'synchronous_commit',
  'random_page_cost',
  'autovacuum',
  'max_connections',
  'fsync',
  'checkpoint_timeout',
  'maintenance_work_mem',
];

export async function freeDiskGb(path = '/'): Promise<number> {
  const stats = await statfs(path);
  return (stats.bavail * stats.bsize) / GIB;
}

/** The server's version, then its settings on one line. */
export function serverFacts(): Promise<string[]> {
  return onServer(async (client) => {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM pg_settings WHERE name = ANY($1) ORDER BY name`,
      [SERVER_SETTINGS],
    );
    const version = (await client.query<{ version: string }>('SELECT version()')).rows[0].version;
    return [version, rows.map((row) => `${row.name}=${row.setting}`).join(' ')];
  });
}

/** What the figures were measured on: printed first, so figures from two machines can be compared. */
export async function describeMachine(): Promise<void> {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  say(
    `machine: ${availableParallelism()} cores (${cpu}), ` +
      `${(totalmem() / GIB).toFixed(1)} GiB RAM (${(freemem() / GIB).toFixed(1)} GiB free), ` +
      `${(await freeDiskGb()).toFixed(0)} GiB disk free, Node ${process.version}`,
  );
  for (const line of await serverFacts()) say(`postgres: ${line}`);
}

/**
 * Other work on the machine shares the cores with the app, the client and the database: printed beside
 * the figures it may have weighed on.
 */
export const loadLine = (when?: string): string =>
  `load average${when ? ` ${when}` : ''}: ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' ')} (1, 5, 15 min) on ${availableParallelism()} cores`;

/** The machine's CPU time so far, busy and in all, summed over its cores (milliseconds). */
function machineCpuMs(): { busy: number; all: number } {
  let busy = 0;
  let all = 0;
  for (const { times } of cpus()) {
    const total = times.user + times.nice + times.sys + times.irq + times.idle;
    all += total;
    busy += total - times.idle;
  }
  return { busy, all };
}

/** What a stretch of work cost in CPU: the machine's, and this process's own. */
export interface CpuSpent {
  /** Share of all the machine's cores that were busy, 0 to 1. */
  machineBusy: number;
  /** This process's CPU (user and system, all its threads), milliseconds. */
  processMs: number;
  /** Every process's CPU on the machine, milliseconds. */
  machineBusyMs: number;
}

/** Starts a CPU meter; calling what it returns reads what was spent since. */
export function cpuMeter(): () => CpuSpent {
  const machine = machineCpuMs();
  const own = process.cpuUsage();
  return () => {
    const now = machineCpuMs();
    const spent = process.cpuUsage(own);
    const all = now.all - machine.all;
    return {
      machineBusy: all > 0 ? (now.busy - machine.busy) / all : 0,
      processMs: (spent.user + spent.system) / 1000,
      machineBusyMs: now.busy - machine.busy,
    };
  };
}
