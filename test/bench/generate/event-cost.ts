import type { ManualClock } from '../../../src/common/clock.js';
import type { BenchApp } from '../common/bench-app.js';
import { captureQueries } from './plans.js';
import { summarise, type Summary } from './stats.js';
import { majorMatter } from './template-matters.js';
import type { BenchVillage } from './village-people.js';

/**
 * Events through EngineService.send, one after another, as a village's office holders send them: major
 * matters from the proposal to their resolution in its public period (three meetings with attendance and
 * ballots, a disclosure and its review), 28 events each. Each round carries `matters` new matters.
 */
export class EventCostMeter {
  private readonly samples: number[] = [];

  constructor(
    private readonly app: BenchApp<ManualClock>,
    private readonly village: BenchVillage,
  ) {}

  /** One matter, not counted: code paths compiled, caches (procedures, lineage) filled. */
  async warmUp(): Promise<void> {
    await this.keepingTheClock(() => majorMatter(this.app, this.village, 'public'));
  }

  /** The mean ms per event of a round. */
  async round(matters: number): Promise<number> {
    const times: number[] = [];
    await this.keepingTheClock(async () => {
      for (let index = 0; index < matters; index++) {
        await majorMatter(this.app, this.village, 'public', (ms) => times.push(ms));
      }
    });
    this.samples.push(...times);
    return summarise(times).mean;
  }

  /** SQL statements the app sends per event (transaction control included), over one matter. */
  async statementsPerEvent(): Promise<number> {
    let events = 1; // the START, which is not timed
    const statements = await captureQueries(this.app.dataSource, () =>
      this.keepingTheClock(() => majorMatter(this.app, this.village, 'public', () => events++)),
    );
    return statements.length / events;
  }

  /** A matter's meetings move the clock days ahead; the reads measured afterwards run at the real "now". */
  private async keepingTheClock(run: () => Promise<unknown>): Promise<void> {
    const now = this.app.clock.now();
    try {
      await run();
    } finally {
      this.app.clock.set(now);
    }
  }

  get all(): Summary {
    return summarise(this.samples);
  }
}
