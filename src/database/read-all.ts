import type { EntityManager } from 'typeorm';

/**
 * Runs independent reads: at once on the pool's manager, where each takes a connection of its own, and one
 * after another on a manager bound to one connection (a transaction's). A connection runs one statement at
 * a time anyway; pg queues overlapping queries on one client today, warns that it does, and will refuse
 * them in its next major version.
 */
export async function readAll<T extends readonly unknown[]>(
  db: EntityManager,
  reads: readonly [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (!db.queryRunner) return (await Promise.all(reads.map((read) => read()))) as unknown as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as unknown as T;
}
