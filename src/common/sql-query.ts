/** A statement's text with its parameters ($1, $2, …), to run alone or to embed in another. */
export interface SqlQuery {
  text: string;
  params: unknown[];
}

/**
 * A query's text with its parameters renumbered to follow `offset` others, so that it can be embedded
 * as a subquery in a statement of its own ($1 becomes $(offset + 1)).
 */
export const shiftParams = (text: string, offset: number): string =>
  text.replace(/\$(\d+)/g, (_match, index: string) => `$${Number(index) + offset}`);

/**
 * Writes to run inside another statement's WITH: data-modifying CTEs (`name AS (UPDATE …)`, comma-separated)
 * with their own parameters ($1, $2, …), renumbered when joined. PostgreSQL runs every data-modifying CTE of
 * a statement once, whether or not its output is read, and allows them only at the statement's top level.
 */
export interface SqlWrites {
  ctes: string;
  params: unknown[];
}

/** Joins writes into one WITH list, each renumbered after those before it. */
export function joinWrites(writes: readonly SqlWrites[]): SqlWrites {
  const ctes: string[] = [];
  const params: unknown[] = [];
  for (const write of writes) {
    ctes.push(shiftParams(write.ctes, params.length));
    params.push(...write.params);
  }
  return { ctes: ctes.join(', '), params };
}
