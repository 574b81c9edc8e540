/**
 * The largest PostgreSQL `integer`: version numbers are stored as one, and a number past it, handed to
 * a query, fails in the database instead of meaning "no such version".
 */
export const PG_INTEGER_MAX = 2_147_483_647;

/** Whether a number can name a stored version (or offset) at all. */
export const fitsPgInteger = (value: number): boolean =>
  Number.isInteger(value) && Math.abs(value) <= PG_INTEGER_MAX;
