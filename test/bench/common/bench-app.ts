import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../../src/app-setup.js';
import { AdjustableClock, type Clock } from '../../../src/common/clock.js';
import { AppConfig } from '../../../src/config/app-config.js';

export interface BenchAppOptions<C extends Clock> {
  /** The bench moves time itself: public periods must end, meetings fall on later days. */
  clock: C;
  /** Connections in the app's pool; 10 unless a bench measures with another. */
  poolSize?: number;
  /** Whether to serve HTTP on a free port (the default); a bench that only calls services need not. */
  listen?: boolean;
  /** No Nest log at all, not even errors: for a bench that counts and reports its failures itself. */
  quiet?: boolean;
  /** The key signing tokens, when other processes must accept the tokens this one issues. */
  authSecret?: string;
}

export interface BenchApp<C extends Clock = Clock> {
  app: NestExpressApplication;
  dataSource: DataSource;
  clock: C;
  /** `http://127.0.0.1:<port>/api`, when the app was asked to listen. */
  baseUrl?: string;
  get<T>(token: abstract new (...args: never[]) => T): T;
  close(): Promise<void>;
}

/**
 * The whole app in this process on the bench database, configured as production would be, with the
 * scheduler off and the clock the bench moves. Booting migrates the database.
 */
export async function startBenchApp<C extends Clock>(
  databaseUrl: string,
  { clock, poolSize = 10, listen = true, quiet = false, authSecret }: BenchAppOptions<C>,
): Promise<BenchApp<C>> {
  const config = new AppConfig({
    production: false,
    port: 0,
    database: { kind: 'postgres', url: databaseUrl, poolSize },
    authSecret: authSecret ?? randomBytes(32).toString('hex'),
    tokenTtlMinutes: 720,
    demoSeed: false,
    // Only main.ts builds a clock from this; here it just names the clock the bench passed in.
    clock: clock instanceof AdjustableClock ? 'adjustable' : 'system',
    timeZone: 'Asia/Shanghai',
    // No background scheduler: timers are delivered when the bench says so, never during a measurement.
    timerPollMs: 0,
    timerBatchSize: 50,
    timerWorkers: 2,
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
    logFormat: 'json',
    publicRateLimit: 1_000_000,
    notifications: { mailFrom: 'cunwu@bench.invalid', bulletinDay: 5 },
    anonymousComplaintsPerHour: 1_000_000,
    appProcesses: 1,
  });
  const app = await createApp({ config, clock }, quiet ? false : ['error']);
  await app.init();
  let baseUrl: string | undefined;
  if (listen) {
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    baseUrl = `http://127.0.0.1:${port}/api`;
  }
  return {
    app,
    dataSource: app.get(DataSource),
    clock,
    baseUrl,
    get: (token) => app.get(token),
    close: () => app.close(),
  };
}
