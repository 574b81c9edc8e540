import { performance } from 'node:perf_hooks';
import { fixed, mebibytes } from '../common/output.js';

export interface MemorySample {
  events: number;
  matters: number;
  seconds: number;
  rss: number;
  heapUsed: number;
  /** Buffers and other memory outside the JS heap. */
  external: number;
  /** Events per second since the previous sample. */
  rate: number;
}

/**
 * Takes a sample every `every` events: a full garbage collection first (the bench runs with
 * --expose-gc), so what is left is what the process holds on to, not garbage waiting to be collected.
 */
export class MemorySampler {
  readonly samples: MemorySample[] = [];
  private nextAt: number;
  private readonly started = performance.now();

  constructor(
    private readonly every: number,
    private readonly onSample: (sample: MemorySample) => void,
  ) {
    this.nextAt = every;
  }

  /** Called after each event with the running totals; samples when a threshold is crossed. */
  passed(events: number, matters: number): void {
    if (events < this.nextAt) return;
    this.nextAt += this.every;
    this.take(events, matters);
  }

  take(events: number, matters: number): MemorySample {
    global.gc?.();
    const usage = process.memoryUsage();
    const seconds = (performance.now() - this.started) / 1000;
    const previous = this.samples.at(-1);
    const sample: MemorySample = {
      events,
      matters,
      seconds,
      rss: usage.rss,
      heapUsed: usage.heapUsed,
      external: usage.external,
      rate: previous ? (events - previous.events) / (seconds - previous.seconds) : 0,
    };
    this.samples.push(sample);
    this.onSample(sample);
    return sample;
  }

  /** The first sample taken at or after `share` of the run's events. */
  at(share: number, total: number): MemorySample {
    return this.samples.find((sample) => sample.events >= share * total) ?? this.samples.at(-1)!;
  }
}

/** One line per sample, columns wide enough for the largest run, so lines printed apart still align. */
export function sampleLine(cells: readonly string[]): string {
  return cells.map((cell, column) => cell.padStart(column === 0 ? 9 : 11)).join(' ');
}

export const sampleCells = (sample: MemorySample): string[] => [
  String(sample.events),
  String(sample.matters),
  fixed(sample.seconds / 60, 1),
  fixed(sample.rate, 0),
  mebibytes(sample.rss),
  mebibytes(sample.heapUsed),
  mebibytes(sample.external),
];

export const SAMPLE_HEADER = ['events', 'matters', 'minutes', 'events/s', 'RSS', 'heap used', 'external'];
