import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../support/free-port.js';

const run = promisify(execFile);

/** The newest PostgreSQL installed the Debian way, unless PG_BIN names another. */
function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((version) => existsSync(join(root, version, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL server binaries under ${root}; set PG_BIN`);
  return join(root, versions[0], 'bin');
}

/** initdb and the server refuse to run as root: as root, run them as the postgres OS user. */
const asServerUser = (command: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];

/**
 * A throwaway PostgreSQL server of the test's own, so that it can be stopped and restarted under the app
 * without disturbing the machine's shared server (and whoever else is using it).
 */
export class PrivateCluster {
  private constructor(
    private readonly dir: string,
    private readonly bin: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivateCluster> {
    const bin = binDir();
    const dir = mkdtempSync(join(tmpdir(), 'micropower-faults-pg-'));
    const cluster = new PrivateCluster(dir, bin, await freePort());
    try {
      if (process.getuid?.() === 0) await run('chown', ['postgres:', dir]);
      await cluster.serverCommand('initdb', ['-D', cluster.dataDir, '-A', 'trust', '-U', 'postgres', '-N']);
      await cluster.start();
      return cluster;
    } catch (error) {
      await cluster.destroy();
      throw error;
    }
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  private get logFile(): string {
    return join(this.dir, 'server.log');
  }

  private logTail(): string {
    return existsSync(this.logFile)
      ? readFileSync(this.logFile, 'utf8').split('\n').slice(-20).join('\n')
      : '';
  }

  async start(): Promise<void> {
    // fsync off: the tests stop the server, they do not pull the plug on the machine.
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.pgCtl(['start', '-w', '-t', '60', '-l', this.logFile, '-o', options]).catch((error: Error) => {
      throw new Error(`${error.message}\n--- server log ---\n${this.logTail()}`);
    });
  }

  /** `fast` rolls back open transactions and closes connections; `immediate` quits as in a crash. */
  async stop(mode: 'fast' | 'immediate'): Promise<void> {
    await this.pgCtl(['stop', '-w', '-t', '60', '-m', mode]);
  }

  async restart(): Promise<void> {
    await this.pgCtl(['restart', '-w', '-t', '60', '-m', 'fast', '-l', this.logFile]);
  }

  /** Stops the server if it runs and removes every file; safe to call after a failed start. */
  async destroy(): Promise<void> {
    if (existsSync(join(this.dataDir, 'postmaster.pid'))) {
      await this.pgCtl(['stop', '-w', '-t', '60', '-m', 'immediate']).catch(() => undefined);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private pgCtl(args: string[]) {
    return this.serverCommand('pg_ctl', ['-D', this.dataDir, ...args]);
  }

  private async serverCommand(name: string, args: string[]): Promise<void> {
    const [command, argv] = asServerUser(join(this.bin, name), args);
    await run(command, argv, { timeout: 90_000 });
  }
}
