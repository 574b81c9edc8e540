import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDataSource, pgliteOf } from '../../src/database/open-data-source.js';

const MIGRATIONS_DIR = join(import.meta.dirname, '../../src/database/migrations');
const CACHE_DIR = join(tmpdir(), 'micropower-test');
const STALE_LOCK_MS = 120_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The migrations' source decides the template: change a migration and a new one is built. */
function templatePath(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(MIGRATIONS_DIR).sort())
    hash.update(readFileSync(join(MIGRATIONS_DIR, file)));
  return join(CACHE_DIR, `pglite-${hash.digest('hex').slice(0, 16)}.tar`);
}

async function build(path: string): Promise<void> {
  const dataSource = await openDataSource({ kind: 'pglite' });
  try {
    await migrate(dataSource);
    const dump = await pgliteOf(dataSource)!.dumpDataDir('none');
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, path);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * A PGlite data folder with every migration applied, dumped once and shared by all test files (and
 * later runs): loading it takes under a second where initdb takes several. Workers take turns through
 * a lock directory; the first builds it.
 */
export async function pgliteTemplate(): Promise<Blob> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = templatePath();
  const lock = `${path}.lock`;
  while (!existsSync(path)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > STALE_LOCK_MS)
        rmSync(lock, { recursive: true, force: true });
      await sleep(200);
      continue;
    }
    try {
      if (!existsSync(path)) await build(path);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return new Blob([readFileSync(path)]);
}
