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
