import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

/** The SQLSTATE (or Node's network code) of a database error, as the driver or TypeORM carries it. */
const sqlStateOf = (error: unknown): string => {
  const candidate = error as { code?: string; driverError?: { code?: string } } | null;
  return candidate?.driverError?.code ?? candidate?.code ?? '';
};

/** Connection-level failures of the database: the request may succeed later, so 503 not 500. */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  // When the server drops a connection between two queries of a transaction, TypeORM releases it at once
  // (on the client's 'error' event): the transaction's next query fails with one of these instead.
  if (
    error instanceof QueryRunnerAlreadyReleasedError ||
    error instanceof QueryRunnerProviderAlreadyReleasedError
  ) {
    return true;
  }
  if (UNAVAILABLE_CODES.has(sqlStateOf(error))) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    (error as { message?: string } | null)?.message ?? '',
  );
}

/** The transaction lost a race for locks or rows: a deadlock, or a serialisation failure. */
export function isLockRace(error: unknown): boolean {
  return ['40P01', '40001'].includes(sqlStateOf(error));
}

/**
 * Whatever the database, not the statement, is to blame for: it is away, out of resources, read-only after
 * a failover, timed out, or the transaction lost a race (serialisation failure, deadlock). Trying the
 * same work later is right.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const code = sqlStateOf(error);
  return /^(08|53|57|58)/.test(code) || ['55P03', '25006'].includes(code) || isLockRace(error);
}
