import { randomUUID } from 'node:crypto';
import { localDate } from '../../../src/time/calendar.js';
import type { MemberKey, VillageWorld } from '../../factories/village.factory.js';
import { call, isSuccess, isUnavailableAnswer, type Outcome } from './http-client.js';
import { MAJOR_MATTER_INPUTS, majorMatterScript } from './major-matter-script.js';
import { sleep } from './wait.js';

/** A step the app answered with 2xx: from then on it must be in the matter's trace. */
export interface Acknowledged {
  villageId: string;
  matterId: string;
  /** The matter's revision in the answer: the step is the matter's `revision`-th accepted trace row. */
  revision: number;
  eventType: string;
  personId: string;
}

/** An answer a client should never get, whatever the fault: neither success nor "try again later". */
export interface Surprise {
  request: string;
  outcome: Outcome | { kind: 'gave-up'; error: string };
}

export interface LoadOptions {
  baseUrl: string;
  villages: VillageWorld[];
  /** Matters driven at once; each worker runs one matter after another. */
  workers: number;
  /** No step is retried after this long from the start: the load gives up instead of hanging the test. */
  deadlineMs: number;
}

class SurpriseError extends Error {
  constructor(readonly surprise: Surprise) {
    super(`${surprise.request}: ${JSON.stringify(surprise.outcome)}`);
  }
}

const RETRY_PAUSE_MS = 150;
const POLL_MS = 150;

/**
 * Concurrent villagers running major matters over HTTP, the way a careful client does: every write
 * carries an Idempotency-Key, and one that got no answer (app killed) or 503 (database away) is retried
 * with the same key until it is answered. Records what was acknowledged and anything surprising.
 */
export class MatterLoad {
  readonly acknowledged: Acknowledged[] = [];
  readonly surprises: Surprise[] = [];
  /** `cutOff`: requests that reached the app and lost their connection before an answer (a kill). */
  readonly counts = { success: 0, unavailable: 0, noAnswer: 0, cutOff: 0 };
  slowestAnswerMs = 0;
  readonly closedMatters: string[] = [];
  private readonly runId = randomUUID().slice(0, 8);
  private stopping = false;
  private workers: Promise<void>[] = [];
  private deadline = 0;
  private requestsInFlight = 0;
  private onRequestSent: (() => void)[] = [];

  constructor(private readonly options: LoadOptions) {}

  start(): void {
    this.deadline = Date.now() + this.options.deadlineMs;
    this.workers = Array.from({ length: this.options.workers }, (_, index) => this.work(index));
  }

  /** Starts no new matter, lets every worker carry its current one to the end. */
  async finish(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.workers);
  }

  /** After a failure: every worker stops at its next retry, so that nothing outlives the test. */
  async abandon(): Promise<void> {
    this.stopping = true;
    this.deadline = 0;
    await Promise.all(this.workers);
  }

  /**
   * Resolves when a request is on its way to the app: a fault injected then is felt by a client for
   * certain, where one at a random moment can fall while every worker sits in a pause.
   */
  requestInFlight(): Promise<void> {
    if (this.requestsInFlight > 0) return Promise.resolve();
    return new Promise((resolve) => this.onRequestSent.push(resolve));
  }

  private async work(worker: number): Promise<void> {
    const world = this.options.villages[worker % this.options.villages.length];
    for (let round = 0; !this.stopping; round++) {
      try {
        await this.runMatter(world, `${this.runId}-w${worker}-m${round}`);
      } catch (error) {
        this.surprises.push(
          error instanceof SurpriseError
            ? error.surprise
            : {
                request: `worker ${worker}, matter ${round}`,
                outcome: { kind: 'gave-up', error: String(error) },
              },
        );
        return;
      }
    }
  }

  private async runMatter(world: VillageWorld, keyPrefix: string): Promise<void> {
    const matters = `/villages/${world.villageId}/matters`;
    const start = { procedureId: 'A1', inputs: MAJOR_MATTER_INPUTS };
    const { id: matterId } = await this.write(
      world,
      'secretary',
      'START',
      matters,
      `${keyPrefix}-start`,
      start,
    );
    const matterPath = `${matters}/${matterId}`;
    const script = majorMatterScript(world, localDate(new Date(), 'Asia/Shanghai'));
    for (const [index, step] of script.entries()) {
      if (step.kind === 'await') {
        await this.awaitState(world, matterPath, step.state);
        continue;
      }
      const body = { type: step.type, payload: step.payload };
      await this.write(world, step.who, step.type, `${matterPath}/events`, `${keyPrefix}-${index}`, body);
    }
    this.closedMatters.push(matterId);
  }

  /** Sends one write until it is answered with 2xx, with the same Idempotency-Key every time. */
  private async write(
    world: VillageWorld,
    who: MemberKey,
    eventType: string,
    path: string,
    idempotencyKey: string,
    body: object,
  ): Promise<{ id: string; revision: number }> {
    const { token, personId } = world.people[who];
    const answer = (await this.untilAnswered(`POST ${path} ${eventType}`, () =>
      call(this.options.baseUrl, 'POST', path, { token, body, idempotencyKey }),
    )) as { id: string; revision: number };
    this.acknowledged.push({
      villageId: world.villageId,
      matterId: answer.id,
      revision: answer.revision,
      eventType,
      personId,
    });
    return answer;
  }

  /** Waits for the scheduler to deliver a timer that moves the matter to `state`. */
  private async awaitState(world: VillageWorld, matterPath: string, state: string): Promise<void> {
    const token = world.people.secretary.token;
    for (;;) {
      const view = (await this.untilAnswered(`GET ${matterPath}`, () =>
        call(this.options.baseUrl, 'GET', matterPath, { token }),
      )) as { state: string };
      if (view.state === state) return;
      this.checkDeadline(`${matterPath} to reach ${state} (still ${view.state})`);
      await sleep(POLL_MS);
    }
  }

  private async untilAnswered(request: string, attempt: () => Promise<Outcome>): Promise<unknown> {
    for (;;) {
      const outcome = await this.inFlight(attempt);
      if (outcome.kind === 'answer') this.slowestAnswerMs = Math.max(this.slowestAnswerMs, outcome.ms);
      if (outcome.kind === 'answer' && isSuccess(outcome)) {
        this.counts.success++;
        return outcome.body;
      }
      if (isUnavailableAnswer(outcome)) this.counts.unavailable++;
      else if (outcome.kind === 'no-answer' && outcome.error !== 'TimeoutError') {
        this.counts.noAnswer++;
        if (outcome.error !== 'ECONNREFUSED') this.counts.cutOff++;
      } else throw new SurpriseError({ request, outcome });
      this.checkDeadline(request);
      await sleep(RETRY_PAUSE_MS);
    }
  }

  private async inFlight(attempt: () => Promise<Outcome>): Promise<Outcome> {
    this.requestsInFlight++;
    for (const resolve of this.onRequestSent.splice(0)) resolve();
    try {
      return await attempt();
    } finally {
      this.requestsInFlight--;
    }
  }

  private checkDeadline(what: string): void {
    if (Date.now() > this.deadline) throw new Error(`load deadline passed while waiting for ${what}`);
  }
}
