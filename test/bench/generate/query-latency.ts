import { TokenService } from '../../../src/identity/token.service.js';
import type { BenchApp } from '../common/bench-app.js';
import type { Random } from './random.js';
import { summarise, type Summary } from './stats.js';
import type { BenchPerson } from './village-people.js';

export interface SampledRequest {
  path: string;
  /** Who asks; nobody for the public board. */
  as?: BenchPerson;
}

/** Picks the next request of a kind (a random person's inbox, a random village's board…). */
export type RequestPicker = (random: Random) => SampledRequest;

/**
 * Requests over HTTP to the app in this process, one at a time, timed from sending to the last byte of the
 * answer: what a caller waits, with routing, auth, the queries and JSON included. The first `warmUp`
 * requests are not counted.
 */
export class HttpSampler {
  private readonly tokens = new Map<string, string>();
  private readonly baseUrl: string;

  constructor(
    private readonly app: BenchApp,
    private readonly random: Random,
  ) {
    if (!app.baseUrl) throw new Error('HttpSampler needs an app started to listen');
    this.baseUrl = app.baseUrl;
  }

  async sample(pick: RequestPicker, samples: number, warmUp: number): Promise<Summary> {
    const times: number[] = [];
    for (let index = 0; index < warmUp + samples; index++) {
      const request = pick(this.random);
      const headers = request.as ? { authorization: `Bearer ${await this.token(request.as)}` } : undefined;
      const started = performance.now();
      const response = await fetch(`${this.baseUrl}${request.path}`, { headers });
      await response.arrayBuffer();
      const elapsed = performance.now() - started;
      if (response.status !== 200) throw new Error(`GET ${request.path} answered ${response.status}`);
      if (index >= warmUp) times.push(elapsed);
    }
    return summarise(times);
  }

  /** One GET, for capturing the SQL behind it. */
  async once(request: SampledRequest): Promise<void> {
    const headers = request.as ? { authorization: `Bearer ${await this.token(request.as)}` } : undefined;
    const response = await fetch(`${this.baseUrl}${request.path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET ${request.path} answered ${response.status}`);
  }

  private async token(person: BenchPerson): Promise<string> {
    const known = this.tokens.get(person.accountId);
    if (known) return known;
    const { token } = await this.app.get(TokenService).issue(person);
    this.tokens.set(person.accountId, token);
    return token;
  }
}
