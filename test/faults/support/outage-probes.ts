import { randomUUID } from 'node:crypto';
import type { VillageWorld } from '../../factories/village.factory.js';
import { call, type Outcome } from './http-client.js';
import { sleep, waitFor } from './wait.js';

/** How long the app may take to answer anything, database or not. */
export const ANSWER_BOUND_MS = 5_000;
/** How long after the database is back the same process must serve again. */
const RECOVERY_BOUND_MS = 20_000;

/** A read, a write and the health check, as a villager's client and a load balancer would send them. */
function probes(baseUrl: string, village: VillageWorld): Promise<Outcome>[] {
  const token = village.people.secretary.token;
  const matters = `/villages/${village.villageId}/matters`;
  return [
    call(baseUrl, 'GET', '/health', { timeoutMs: 2 * ANSWER_BOUND_MS }),
    call(baseUrl, 'GET', matters, { token, timeoutMs: 2 * ANSWER_BOUND_MS }),
    call(baseUrl, 'POST', `${matters}/${randomUUID()}/events`, {
      token,
      body: { type: 'PROPOSE_PLAN', payload: { plan: '方案' } },
      idempotencyKey: randomUUID(),
      timeoutMs: 2 * ANSWER_BOUND_MS,
    }),
  ];
}

/** Probes again and again for `durationMs`; returns every outcome seen. */
export async function probeFor(
  baseUrl: string,
  village: VillageWorld,
  durationMs: number,
): Promise<Outcome[]> {
  const seen: Outcome[] = [];
  const until = Date.now() + durationMs;
  while (Date.now() < until) {
    seen.push(...(await Promise.all(probes(baseUrl, village))));
    await sleep(250);
  }
  return seen;
}

/** Waits until the same process answers its health check and a villager's read with 200; returns how long that took. */
export async function serving(baseUrl: string, village: VillageWorld): Promise<number> {
  const since = Date.now();
  const token = village.people.secretary.token;
  await waitFor(
    'the app to serve again',
    async () => {
      const [health, read] = await Promise.all([
        call(baseUrl, 'GET', '/health'),
        call(baseUrl, 'GET', `/villages/${village.villageId}/matters`, { token }),
      ]);
      const ok = (outcome: Outcome) => outcome.kind === 'answer' && outcome.status === 200;
      return ok(health) && ok(read) ? true : undefined;
    },
    { timeoutMs: RECOVERY_BOUND_MS, intervalMs: 100 },
  );
  return Date.now() - since;
}
