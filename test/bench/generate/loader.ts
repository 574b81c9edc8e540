import { setImmediate as yieldToIo } from 'node:timers/promises';
import type pg from 'pg';
import { copyIn } from './copy-in.js';
import type { CopyBuffer } from './copy-text.js';

/** Rows copied into each table, and the seconds its COPYs took (the server's ingest, mostly). */
export type LoadTally = Map<string, { rows: number; seconds: number }>;

/** A table's gathered rows, taken out of its buffer so that the buffer can fill again meanwhile. */
export interface CopyPart {
  table: string;
  statement: string;
  rows: number;
  chunks: Buffer[];
}

export function takeParts(buffers: readonly CopyBuffer[]): CopyPart[] {
  return buffers
    .filter((buffer) => buffer.rows > 0)
    .map((buffer) => ({
      table: buffer.table,
      statement: buffer.statement,
      rows: buffer.rows,
      chunks: buffer.take(),
    }));
}

/** One transaction of COPYs, in the order given (foreign keys are checked as usual). */
export async function loadParts(client: pg.ClientBase, parts: readonly CopyPart[], tally?: LoadTally) {
  await client.query('BEGIN');
  try {
    for (const part of parts) {
      const started = performance.now();
      const copied = await copyIn(client, part.statement, part.chunks);
      const sum = tally?.get(part.table) ?? { rows: 0, seconds: 0 };
      tally?.set(part.table, {
        rows: sum.rows + copied,
        seconds: sum.seconds + (performance.now() - started) / 1000,
      });
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Generates and loads in turns that overlap: while the server ingests one batch, this process builds the
 * next (the event loop is given back between villages, so the socket keeps draining). At most two batches
 * are held in memory.
 */
export class PipelinedLoader {
  private inFlight: Promise<void> = Promise.resolve();
  readonly tally: LoadTally = new Map();

  constructor(private readonly client: pg.ClientBase) {}

  /** Lets the previous load progress between units of generation work. */
  breathe(): Promise<void> {
    return yieldToIo();
  }

  async submit(buffers: readonly CopyBuffer[]): Promise<void> {
    const parts = takeParts(buffers);
    await this.inFlight;
    this.inFlight = loadParts(this.client, parts, this.tally);
    // A failure surfaces at the next submit or at finish; keep it from being reported as unhandled meanwhile.
    this.inFlight.catch(() => undefined);
  }

  finish(): Promise<void> {
    return this.inFlight;
  }
}
