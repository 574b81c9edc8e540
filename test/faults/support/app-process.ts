import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait.js';

/** What `npm run test:faults` builds first (`nest build`): the app as it runs in production. */
const MAIN = join(process.cwd(), 'dist', 'src', 'main.js');
const LOG_LINES_KEPT = 200;

export interface AppProcessOptions {
  databaseUrl: string;
  port: number;
  authSecret: string;
  timerPollMs: number;
}

/**
 * The built app as a child process, so that it can be killed like a real one: SIGKILL leaves no
 * chance to finish a transaction or a timer delivery. Keeps the tail of its output for failure messages.
 */
export class AppProcess {
  private child?: ChildProcess;
  private exited?: Promise<number | null>;
  private readonly log: string[] = [];
  /** Nest writes errors (with their stack) to stderr: kept apart, since warnings can flood the log. */
  private readonly errors: string[] = [];
  /** How many times the app was started. */
  starts = 0;

  constructor(private readonly options: AppProcessOptions) {
    if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`nest build\` first`);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  /** Starts the app and resolves once it answers /api/health with 200. */
  async start({ timeoutMs = 60_000 } = {}): Promise<void> {
    if (this.child) throw new Error('The app is already running');
    const child = spawn(process.execPath, ['--enable-source-maps', MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        PUBLIC_URL: `http://127.0.0.1:${this.options.port}`,
        DATABASE_URL: this.options.databaseUrl,
        PORT: String(this.options.port),
        AUTH_SECRET: this.options.authSecret,
        TIMER_POLL_MS: String(this.options.timerPollMs),
        DEMO_SEED: 'off',
        CLOCK: 'system',
        TIME_ZONE: 'Asia/Shanghai',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const keep = (into: string[]) => (chunk: Buffer) => {
      into.push(...chunk.toString().split('\n').filter(Boolean));
      into.splice(0, Math.max(0, into.length - LOG_LINES_KEPT));
    };
    child.stdout.on('data', keep(this.log));
    child.stderr.on('data', keep(this.log));
    child.stderr.on('data', keep(this.errors));
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    // An app that dies while starting fails the test at once, with its output.
    const diedStarting = this.exited.then((code) => {
      throw new Error(`the app exited with ${code} while starting`);
    });
    diedStarting.catch(() => undefined);
    const healthy = waitFor(
      `the app (start ${this.starts}) to answer /api/health with 200`,
      async () => {
        const response = await fetch(`${this.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        return response.status === 200 ? true : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
    await Promise.race([healthy, diedStarting]).catch((error: Error) => {
      throw new Error(`${error.message}\n--- app output ---\n${this.logTail()}`);
    });
  }

  /** SIGKILL: no shutdown hooks, open transactions are cut off; resolves once the process is gone. */
  async kill(): Promise<void> {
    await this.end('SIGKILL', 10_000);
  }

  /** A graceful stop (SIGTERM runs the shutdown hooks), SIGKILL if it takes too long. */
  async stop(): Promise<void> {
    if (!this.child) return;
    const gone = await this.end('SIGTERM', 10_000).then(
      () => true,
      () => false,
    );
    if (!gone) await this.kill();
  }

  logTail(lines = 40): string {
    return this.log.slice(-lines).join('\n');
  }

  /** What the app wrote to stderr in any of its runs (the latest lines). */
  errorOutput(): string {
    return this.errors.join('\n');
  }

  private async end(signal: NodeJS.Signals, timeoutMs: number): Promise<void> {
    const child = this.child;
    if (!child) return;
    child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the app ignored ${signal} for ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      await Promise.race([this.exited, timedOut]);
      this.child = undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}
