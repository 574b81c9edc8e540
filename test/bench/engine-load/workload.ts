import { performance } from 'node:perf_hooks';

export interface Measurement {
  events: number;
  seconds: number;
  /** Per event, in milliseconds, in no particular order. */
  latencies: Float64Array;
}

export interface Summary {
  events: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * `clients` concurrent clients, each owning every `clients`-th matter, send `rounds` events to each of
 * their matters in turn (round by round), awaiting each answer before the next: a closed loop, so the
 * throughput is what the path sustains and the latency is what a client waits. A matter belongs to one
 * client, so no two events on one matter race for its lock; villages are shared, as in real use.
 */
export async function driveRounds<M>(
  matters: readonly M[],
  rounds: { from: number; count: number },
  clients: number,
  send: (matter: M, round: number) => Promise<void>,
): Promise<Measurement> {
  const lanes = Array.from({ length: Math.min(clients, matters.length) }, (_, lane) =>
    matters.filter((_, index) => index % clients === lane),
  );
  const latencies = new Float64Array(matters.length * rounds.count);
  let recorded = 0;
  const started = performance.now();
  await Promise.all(
    lanes.map(async (lane) => {
      for (let round = rounds.from; round < rounds.from + rounds.count; round++) {
        for (const matter of lane) {
          const sent = performance.now();
          await send(matter, round);
          latencies[recorded++] = performance.now() - sent;
        }
      }
    }),
  );
  return { events: recorded, seconds: (performance.now() - started) / 1000, latencies };
}

/** Runs jobs on `clients` concurrent workers, each taking the next job as soon as it is free. */
export async function onWorkers<J, R>(
  jobs: readonly J[],
  clients: number,
  run: (job: J) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await run(jobs[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(clients, jobs.length) }, worker));
  return results;
}

export function summarise({ events, seconds, latencies }: Measurement): Summary {
  const sorted = Float64Array.from(latencies).sort();
  const at = (quantile: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] ?? 0;
  return { events, seconds, perSecond: events / seconds, p50: at(0.5), p99: at(0.99) };
}

/** Measurements of one path taken in slices, as one: times add up, latencies pool. */
export function merged(parts: readonly Measurement[]): Measurement {
  const latencies = new Float64Array(parts.reduce((sum, part) => sum + part.latencies.length, 0));
  let offset = 0;
  for (const part of parts) {
    latencies.set(part.latencies, offset);
    offset += part.latencies.length;
  }
  return {
    events: parts.reduce((sum, part) => sum + part.events, 0),
    seconds: parts.reduce((sum, part) => sum + part.seconds, 0),
    latencies,
  };
}
