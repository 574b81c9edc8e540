import { performance } from 'node:perf_hooks';
import { fixed } from '../common/output.js';
import { table } from '../common/table.js';
import { profiled, selfTimeByPlace, type CpuProfile } from './cpu-profile.js';
import { QueryCensus, type StatementCount } from './query-census.js';

export interface Breakdown {
  events: number;
  /** Wall time per event with one client, in ms: nothing else competes for the cores. */
  wallMs: number;
  /** This process's CPU (user + system) per event, in ms: JS, framework, pg driver, hashing. */
  cpuMs: number;
  queries: number;
  /** Time spent waiting for statements per event, in ms: the database's share plus the round trips. */
  queryMs: number;
  statements: StatementCount[];
  /** This process's CPU by place (package or app folder), busiest first. */
  cpuByPlace: { place: string; ms: number; share: number }[];
  profile: CpuProfile;
}

/**
 * Sends `events` events one at a time (one client) while counting statements and this process's CPU; then
 * as many again under V8's sampling profiler (which costs CPU of its own, so its pass is not the one timed).
 */
export async function breakDown<M>(
  matters: readonly M[],
  events: number,
  firstRound: number,
  send: (matter: M, round: number) => Promise<void>,
): Promise<Breakdown> {
  const sendAll = async (from: number) => {
    for (let index = 0; index < events; index++) {
      await send(matters[index % matters.length], from + Math.floor(index / matters.length));
    }
  };
  const census = new QueryCensus();
  census.start();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let statements: StatementCount[] = [];
  try {
    await sendAll(firstRound);
  } finally {
    statements = census.stop();
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const { profile } = await profiled(() => sendAll(firstRound + Math.ceil(events / matters.length)));
  const total = (pick: (s: StatementCount) => number) => statements.reduce((sum, s) => sum + pick(s), 0);
  return {
    events,
    wallMs: wall / events,
    cpuMs: (used.user + used.system) / 1000 / events,
    queries: total((s) => s.count) / events,
    queryMs: total((s) => s.ms) / events,
    statements,
    cpuByPlace: selfTimeByPlace(profile).map((entry) => ({ ...entry, ms: entry.ms / events })),
    profile,
  };
}

/** A summary row per path, then each path's statements with how often and how long. */
export function breakdownLines(breakdowns: readonly (readonly [string, Breakdown])[]): string[] {
  const lines = table(
    ['path', 'ms/event', 'node CPU ms', 'statements', 'waiting on db ms'],
    breakdowns.map(([path, b]) => [
      path,
      fixed(b.wallMs, 2),
      fixed(b.cpuMs, 2),
      fixed(b.queries, 1),
      fixed(b.queryMs, 2),
    ]),
  );
  for (const [path, b] of breakdowns) {
    lines.push('', `statements per event, ${path}:`);
    lines.push(
      ...table(
        ['statement', 'per event', 'ms each'],
        b.statements.map((s) => [s.statement, fixed(s.count / b.events, 2), fixed(s.ms / s.count, 3)]),
      ),
    );
    lines.push('', `node CPU per event by place, ${path} (V8 sampling profile, top 12):`);
    lines.push(
      ...table(
        ['place', 'ms/event', 'share'],
        b.cpuByPlace.slice(0, 12).map((c) => [c.place, fixed(c.ms, 3), `${fixed(c.share * 100, 1)} %`]),
      ),
    );
  }
  return lines;
}
