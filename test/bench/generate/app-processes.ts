import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** An app process as production runs it (`node dist/src/main.js`), its output kept for when it fails. */
export class AppProcess {
  private readonly output: string[] = [];
  /** CPU seconds spent by the time the app said it was listening: its start-up, not its deliveries. */
  bootCpuSeconds?: number | null;
  private readonly child: ChildProcess;
  /** Its exit code, or null when a signal ended it (SIGTERM, after the app's clean shutdown). */
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, [resolve('dist/src/main.js')], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      this.output.push(text);
      if (this.bootCpuSeconds === undefined && text.includes('Listening on'))
        this.bootCpuSeconds = this.cpuSeconds();
    };
    this.child.stdout!.on('data', keep);
    this.child.stderr!.on('data', keep);
    this.exited = once(this.child, 'exit').then(([code]) => code as number | null);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** The last lines it printed (its start-up alone lists every route). */
  tail(lines = 30): string {
    return this.output.join('').split('\n').slice(-lines).join('\n');
  }

  /** CPU seconds (user + system) the process has used so far, from /proc; null where there is none. */
  cpuSeconds(): number | null {
    try {
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      // utime and stime are fields 14 and 15 of stat, counted from the state (field 3) here, in clock ticks.
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  }

  /** Asks the process to stop (SIGTERM: the app shuts down cleanly) and waits for it. */
  async stop(): Promise<number | null> {
    if (this.running) this.child.kill('SIGTERM');
    return this.exited;
  }
}
