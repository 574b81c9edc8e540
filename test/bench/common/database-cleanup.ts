import { createBenchDatabase, type BenchDatabase } from './bench-database.js';

/**
 * Ctrl-C (or a kill) drops the run's databases, except those to be kept, instead of leaving tens of GB
 * behind; `first` stops whatever still writes to them. Returns the way to stop watching, for a run that
 * ends by itself and drops its databases on its own.
 */
export function dropOnInterrupt(
  databases: readonly BenchDatabase[],
  keep: readonly BenchDatabase[] = [],
  first: () => Promise<unknown> = async () => {},
): () => void {
  const dropped = databases.filter((database) => !keep.includes(database));
  const interrupted = (signal: NodeJS.Signals) => {
    const names = dropped.map((database) => database.name).join(', ') || 'nothing (all kept)';
    process.stderr.write(`\n${signal}: dropping ${names}\n`);
    void first()
      .catch(() => undefined)
      .then(() => Promise.allSettled(dropped.map((database) => database.drop())))
      .then(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return () => {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
  };
}

/**
 * Runs `work` on a database of its own and drops it afterwards, also when the work fails or is
 * interrupted, so repeated runs neither share rows nor leave databases behind.
 */
export async function withBenchDatabase<T>(
  prefix: string,
  work: (database: BenchDatabase) => Promise<T>,
): Promise<T> {
  const database = await createBenchDatabase(prefix);
  const stopWatching = dropOnInterrupt([database]);
  try {
    return await work(database);
  } finally {
    stopWatching();
    await database.drop();
  }
}
