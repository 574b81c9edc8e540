import { digestOf } from '../../../src/common/canonical-json.js';
import { DAY_MS } from '../../../src/common/clock.js';
import { chainHash } from '../../../src/engine/trace-chain.js';
import { CopyBuffer } from './copy-text.js';
import type { Random } from './random.js';
import { CloneContext } from './row-cloner.js';
import { ChainBuffers, chainVillage, type UnchainedTrace } from './trace-chainer.js';
import type { TableColumns, TemplateMatter } from './template-rows.js';
import type { BenchVillage } from './village-people.js';

const WEEK_MS = 7 * DAY_MS;
const MS_BETWEEN_PAUSES = 5;

/** How far back in time a clone's timeline goes: whole weeks (weekdays keep), less a few minutes. */
export type ShiftPolicy = (template: TemplateMatter, random: Random) => { weeks: number; minutes: number };

/**
 * Clones spread over two years as a village's record would be: finished matters anywhere in it, running
 * ones over the last three months, and those whose public period is running within the last week (their
 * timers fall due in the coming days, not all at once in the past).
 */
export const spreadOverTwoYears =
  (nowMs: number): ShiftPolicy =>
  (template, random) => {
    const latest = Math.floor((nowMs - template.lastMs) / WEEK_MS);
    const back =
      template.pendingTimers > 0 ? 0 : template.status === 'active' ? random.int(13) : random.int(105);
    return { weeks: latest - back, minutes: random.int(8 * 60) };
  };

/** A batch of villages' rows, one COPY buffer per table, in an order their foreign keys accept. */
export class MatterBuffers {
  readonly tables: CopyBuffer[];
  readonly chain = new ChainBuffers();

  constructor(tables: readonly TableColumns[]) {
    this.tables = tables.map(
      ({ table, columns }) =>
        new CopyBuffer(
          table,
          columns.map((column) => column.name),
        ),
    );
  }

  get all(): CopyBuffer[] {
    return [...this.tables, this.chain.trace, this.chain.head, this.chain.checkpoint];
  }
}

export interface GeneratedVillage {
  matterIds: string[];
  traceRows: number;
}

const checkWithChainHash = (prevHash: string, villageId: string, seq: number, row: UnchainedTrace) =>
  chainHash(prevHash, { ...row, villageId, seq, at: new Date(row.atMs) });

/** Fills a village with clones of the template matters, drawn by weight, with a valid trace chain. */
export class VillageGenerator {
  constructor(
    private readonly templates: readonly TemplateMatter[],
    private readonly weights: readonly number[],
    private readonly templateVillage: BenchVillage,
    private readonly shift: ShiftPolicy,
    private readonly startOfTodayMs: number,
  ) {}

  /**
   * `pause` is awaited every few milliseconds: the COPY of the previous batch advances one protocol step
   * per turn of the event loop, so generation must give turns back often for the two to overlap.
   */
  async generate(
    village: BenchVillage,
    matters: number,
    out: MatterBuffers,
    random: Random,
    pause: () => Promise<void>,
  ): Promise<GeneratedVillage> {
    const fixed = new Map<string, string>([[this.templateVillage.id, village.id]]);
    for (const [key, person] of Object.entries(this.templateVillage.people)) {
      fixed.set(person.personId, village.people[key as keyof typeof village.people].personId);
    }
    const trace: UnchainedTrace[] = [];
    const matterIds: string[] = [];
    let lastPause = performance.now();
    for (let index = 0; index < matters; index++) {
      if (performance.now() - lastPause > MS_BETWEEN_PAUSES) {
        await pause();
        lastPause = performance.now();
      }
      const template = this.templates[random.weighted(this.weights)];
      const { weeks, minutes } = this.shift(template, random);
      const context = new CloneContext(fixed, weeks * WEEK_MS - minutes * 60_000, weeks * 7);
      template.rows.forEach((rows, table) => {
        for (const row of rows) out.tables[table].addLine(row.clone(context));
      });
      matterIds.push(context.id(template.matterId));
      for (const row of template.trace) {
        const payload = row.payloadVaries ? context.scan(row.payload) : row.payload;
        trace.push({
          atMs: row.atMs + context.shiftMs,
          order: index * 1_000_000 + row.seq,
          matterId: row.matterId && context.id(row.matterId),
          actorPersonId: row.actorPersonId && context.id(row.actorPersonId),
          actorRole: row.actorRole,
          eventType: row.eventType,
          payload,
          payloadDigest: row.payloadVaries ? digestOf(JSON.parse(payload)) : row.payloadDigest,
          stateBefore: row.stateBefore,
          stateAfter: row.stateAfter,
          accepted: row.accepted,
          refusalCode: row.refusalCode,
          refusalMessage: row.refusalMessage,
        });
      }
    }
    const traceRows = chainVillage(village.id, trace, this.startOfTodayMs, out.chain, checkWithChainHash);
    return { matterIds, traceRows };
  }
}
