import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app-setup.js';
import { AdjustableClock, ManualClock } from '../../src/common/clock.js';
import { AppConfig } from '../../src/config/app-config.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Monday 2026-03-02, 10:00 in Beijing: the default "now" of every test. */
export const TEST_NOW = new Date('2026-03-02T02:00:00.000Z');

export interface TestApp {
  app: NestExpressApplication;
  clock: ManualClock;
  dataSource: DataSource;
  database: TestDatabase;
  get<T>(token: abstract new (...args: never[]) => T): T;
  /** A request to `/api{path}` as the holder of `token` (or anonymously). */
  api(token?: string): ApiClient;
  /** Stops the app; the database is dropped unless kept for a restart. */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface ApiClient {
  get(path: string): request.Test;
  post(path: string, body?: object, headers?: Record<string, string>): request.Test;
  /** A raw-body POST, as a browser uploads a file. */
  upload(path: string, content: Buffer, mediaType: string): request.Test;
}

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return new AppConfig({
    production: false,
    port: 0,
    database: { kind: 'pglite', dataDir: '' },
    authSecret: randomBytes(32).toString('hex'),
    tokenTtlMinutes: 720,
    demoSeed: false,
    clock: 'system',
    timeZone: 'Asia/Shanghai',
    timerPollMs: 0,
    timerBatchSize: 50,
    timerWorkers: 2,
    publicUrl: 'http://localhost:3000',
    trustProxy: false,
    logFormat: 'json',
    // The suites read public pages far faster than a villager: the limit has its own test.
    publicRateLimit: 1_000_000,
    notifications: { mailFrom: 'cunwu@test.invalid', bulletinDay: 5 },
    // Every suite files from one address; the limit has its own test.
    anonymousComplaintsPerHour: 1_000_000,
    appProcesses: 1,
    ...overrides,
  });
}

/** The whole app on a database of the test file's own, with a clock that moves only when told. */
export async function startTestApp(
  options: {
    database?: TestDatabase;
    now?: Date;
    config?: AppConfig;
    /** The demo's adjustable clock (moved over HTTP), standing on the test's manual clock. */
    adjustable?: boolean;
    /** Log as production does (to stdout); tests are silent otherwise. */
    logLevels?: ('log' | 'warn' | 'error')[];
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const clock = new ManualClock(options.now ?? TEST_NOW);
  const appClock = options.adjustable ? new AdjustableClock(0, () => clock.now().getTime()) : clock;
  const app = await createApp(
    { config: options.config ?? testConfig(), clock: appClock, database: database.target },
    options.logLevels ?? false,
  );
  await app.init();
  const server = app.getHttpServer();
  const withAuth = (test: request.Test, token?: string) =>
    token ? test.set('authorization', `Bearer ${token}`) : test;
  return {
    app,
    clock,
    database,
    dataSource: app.get(DataSource),
    get: (token) => app.get(token),
    api: (token) => ({
      get: (path) => withAuth(request(server).get(`/api${path}`), token),
      post: (path, body = {}, headers = {}) =>
        withAuth(request(server).post(`/api${path}`).set(headers), token).send(body),
      upload: (path, content, mediaType) =>
        withAuth(request(server).post(`/api${path}`).set('content-type', mediaType), token).send(content),
    }),
    close: async ({ keepDatabase = false } = {}) => {
      await app.close();
      if (!keepDatabase) await database.drop();
    },
  };
}
