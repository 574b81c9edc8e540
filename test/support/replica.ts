import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.js';

/**
 * A streaming replica of the test server, as a county would run one: a second cluster made by
 * `pg_basebackup` from Debian's PostgreSQL, on a port of its own, replaying the primary's WAL. It is
 * started and stopped as the `postgres` user (the tests run as root in CI) and removed at the end.
 */
export class StreamingReplica {
  private constructor(
    private readonly directory: string,
    private readonly port: number,
    private readonly bin: string,
  ) {}

  /** Why no replica can be made here, or null when one can (the server, its tools, replication allowed). */
  static async unavailable(primaryUrl: string | undefined): Promise<string | null> {
    if (!primaryUrl) return 'needs a PostgreSQL server (DATABASE_URL)';
    if (process.getuid?.() !== 0) return 'needs root, to run the replica as the postgres user';
    const bin = await binaryDirectory(primaryUrl);
    if (!existsSync(join(bin, 'pg_basebackup'))) return `no pg_basebackup in ${bin}`;
    const allowed = await onServer(primaryUrl, (client) =>
      client.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_hba_file_rules WHERE 'replication' = ANY(database) AND error IS NULL`,
      ),
    );
    return allowed.rows[0].n > 0 ? null : 'pg_hba.conf allows no replication connection (.ci/run adds one)';
  }

  static async start(primaryUrl: string): Promise<StreamingReplica> {
    const primary = new URL(primaryUrl);
    const bin = await binaryDirectory(primaryUrl);
    const directory = mkdtempSync('/tmp/mp-replica-');
    const postgres = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const group = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(directory, postgres, group);
    const asPostgres = (program: string, args: string[]) =>
      execFileSync('runuser', ['-u', 'postgres', '--', join(bin, program), ...args], { stdio: 'pipe' });
    asPostgres('pg_basebackup', [
      ...['-h', primary.hostname, '-p', primary.port || '5432', '-U', primary.username || 'postgres'],
      ...['-D', directory, '-R', '-X', 'stream', '-c', 'fast'],
    ]);
    // Debian keeps a cluster's configuration outside its data: the copy gets files of its own.
    for (const [name, text] of [
      ['postgresql.conf', ''],
      ['pg_hba.conf', 'local all all trust\nhost all all 127.0.0.1/32 trust\n'],
      ['pg_ident.conf', ''],
    ]) {
      writeFileSync(join(directory, name), text);
      chownSync(join(directory, name), postgres, group);
    }
    const port = await freePort();
    const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${directory} -c hot_standby=on`;
    asPostgres('pg_ctl', [
      '-D',
      directory,
      '-w',
      '-t',
      '60',
      '-l',
      join(directory, 'server.log'),
      '-o',
      settings,
      'start',
    ]);
    return new StreamingReplica(directory, port, bin);
  }

  /** The replica's address for a database of the primary. */
  url(database: string): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Holds (or lets go) the replay of the primary's changes: the replica falls behind while held. */
  async setReplayPaused(paused: boolean): Promise<void> {
    await onServer(this.url('postgres'), (client) =>
      client.query(paused ? 'SELECT pg_wal_replay_pause()' : 'SELECT pg_wal_replay_resume()'),
    );
  }

  /** Stops it at once, as a crash or a pulled cable would: connections to it fail. */
  stop(): void {
    this.ctl(['-m', 'immediate', 'stop']);
  }

  remove(): void {
    try {
      this.ctl(['-m', 'immediate', 'stop']);
    } catch {
      // Already stopped.
    }
    rmSync(this.directory, { recursive: true, force: true });
  }

  private ctl(args: string[]): void {
    execFileSync(
      'runuser',
      ['-u', 'postgres', '--', join(this.bin, 'pg_ctl'), '-D', this.directory, '-w', ...args],
      {
        stdio: 'pipe',
      },
    );
  }
}

/** Debian's programs for the server's major version, e.g. /usr/lib/postgresql/15/bin. */
async function binaryDirectory(serverUrl: string): Promise<string> {
  const { rows } = await onServer(serverUrl, (client) =>
    client.query<{ version: number }>(`SELECT current_setting('server_version_num')::int AS version`),
  );
  return `/usr/lib/postgresql/${Math.floor(rows[0].version / 10000)}/bin`;
}

async function onServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
