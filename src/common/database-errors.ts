import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

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
  const candidate = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = candidate?.driverError?.code ?? candidate?.code;
  if (code && UNAVAILABLE_CODES.has(code)) return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    candidate?.message ?? '',
  );
}

/** A serialisation failure or deadlock: the transaction was sound and may simply be run again. */
export function isRetryableConflict(error: unknown): boolean {
  const candidate = error as { code?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code;
  return code === '40001' || code === '40P01';
}

/**
 * Whatever the database, not the statement, is to blame for: it is away, out of resources, read-only after
 * a failover, timed out, or the transaction lost a race. Trying the same work later is right.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  if (isDatabaseUnavailable(error) || isRetryableConflict(error)) return true;
  const candidate = error as { code?: string; driverError?: { code?: string } };
  const code = candidate?.driverError?.code ?? candidate?.code ?? '';
  return /^(08|53|57|58)/.test(code) || code === '55P03' || code === '25006';
}
