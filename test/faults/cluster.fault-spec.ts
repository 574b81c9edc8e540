import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createServerDatabase, type TestDatabase } from '../support/test-database.js';
import { freePort } from '../support/free-port.js';
import { waitFor } from './support/wait.js';

/** What `npm run test:faults` builds first: the launcher a county runs (`npm run start:cluster`). */
const LAUNCHER = join(process.cwd(), 'dist', 'src', 'cluster.js');

/** The launcher's app processes: its children. */
const workersOf = (primary: ChildProcess): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(primary.pid)])
      .toString()
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return [];
  }
};

/**
 * Issue 21's processes as a county runs them: `npm run start:cluster` with APP_PROCESSES=2 on one
 * PostgreSQL database, behind one port. An app process killed outright is replaced while the other keeps
 * answering; SIGTERM stops them all.
 */
describe('Several app processes behind one port (npm run start:cluster)', () => {
  let database: TestDatabase & { url: string };
  let primary: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    if (!existsSync(LAUNCHER)) throw new Error(`${LAUNCHER} is missing: run \`nest build\` first`);
    database = await createServerDatabase(process.env.DATABASE_URL!);
  });
  afterAll(async () => {
    primary?.kill('SIGKILL');
    for (const pid of primary ? workersOf(primary) : []) process.kill(pid, 'SIGKILL');
    await database?.drop();
  });

  it('replaces a process killed outright while the other answers, and stops them all on SIGTERM', async () => {
    const port = await freePort();
    const health = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(2_000),
      });
      return response.status === 200 ? true : undefined;
    };
    primary = spawn(process.execPath, [LAUNCHER], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATABASE_URL: database.url,
        PORT: String(port),
        APP_PROCESSES: '2',
        AUTH_SECRET: randomBytes(32).toString('hex'),
        TIMER_POLL_MS: '200',
        DEMO_SEED: 'off',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [primary.stdout!, primary.stderr!]) {
      stream.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
    }
    // The launcher's own words, kept apart: a new process's start-up log would push them out of `output`.
    const launcherSaid: string[] = [];
    primary.stderr!.on('data', (chunk: Buffer) =>
      launcherSaid.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line.startsWith('app process ')),
      ),
    );
    const launched = primary;
    const twoAnswering = async () => {
      const workers = workersOf(launched);
      return workers.length === 2 && (await health()) ? workers : undefined;
    };
    const before = await waitFor('two app processes answering', twoAnswering, { timeoutMs: 60_000 }).catch(
      (error: Error) => {
        throw new Error(`${error.message}\n--- output ---\n${output}`);
      },
    );

    process.kill(before[0], 'SIGKILL');
    // The other keeps answering on the same port while the primary starts a replacement.
    await waitFor('an answer from the remaining process', health, { timeoutMs: 5_000 });
    const after = await waitFor(
      'a replacement process',
      async () => {
        const workers = await twoAnswering();
        return workers && !workers.includes(before[0]) ? workers : undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(after).toContain(before[1]);
    expect(launcherSaid).toContain(`app process ${before[0]} ended (SIGKILL); starting another`);

    const exited = new Promise<number | null>((resolve) => launched.once('exit', (code) => resolve(code)));
    launched.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(workersOf(launched)).toEqual([]);
    for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
    primary = undefined;
  });
});
