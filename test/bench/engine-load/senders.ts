import { EngineService } from '../../../src/engine/engine.service.js';
import { progressReport, reporterRole, sendDirect, type BenchMatter } from './a1-path.js';
import type { BenchApp } from '../common/bench-app.js';
import type { JsonClient } from './http-client.js';
import type { RawEventWriter } from './raw-writer.js';

export const PATHS = ['HTTP', 'direct', 'raw SQL'] as const;
export type PathName = (typeof PATHS)[number];

/** Sends the `round`-th progress report to a matter. */
export type Sender = (matter: BenchMatter, round: number) => Promise<void>;

/** The same event by the three paths: the API, the engine service, and raw SQL with no framework. */
export function senders(bench: BenchApp, http: JsonClient, raw: RawEventWriter): Record<PathName, Sender> {
  const engine = bench.get(EngineService);
  return {
    HTTP: async (matter, round) => {
      await sendOverHttp(http, matter, round);
    },
    direct: (matter, round) => sendDirect(engine, matter, progressReport(round)),
    'raw SQL': (matter, round) => {
      const act = progressReport(round);
      return raw.reportProgress({
        villageId: matter.village.villageId,
        matterId: matter.matterId,
        personId: matter.village.people[act.who].actor.personId,
        role: reporterRole(act.who),
        payload: act.payload,
        at: bench.clock.now(),
      });
    },
  };
}

/** The `round`-th progress report by the API; resolves with the answer, the matter as the sender sees it. */
export function sendOverHttp(http: JsonClient, matter: BenchMatter, round: number): Promise<unknown> {
  const act = progressReport(round);
  return http.post(
    `/villages/${matter.village.villageId}/matters/${matter.matterId}/events`,
    matter.village.people[act.who].token,
    { type: act.type, payload: act.payload },
  );
}
