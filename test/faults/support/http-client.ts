/** What a client saw: an answer (any status), or none at all (refused, reset, timed out). */
export type Outcome =
  | { kind: 'answer'; status: number; body: unknown; ms: number }
  | { kind: 'no-answer'; error: string; ms: number };

export interface CallOptions {
  token?: string;
  body?: object;
  idempotencyKey?: string;
  timeoutMs?: number;
}

/** One HTTP request to the app under test; never throws, so that the load can tell every outcome apart. */
export async function call(
  baseUrl: string,
  method: 'GET' | 'POST',
  path: string,
  { token, body, idempotencyKey, timeoutMs = 15_000 }: CallOptions = {},
): Promise<Outcome> {
  const started = Date.now();
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body) headers['content-type'] = 'application/json';
  if (idempotencyKey) headers['idempotency-key'] = idempotencyKey;
  try {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers,
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: kept as text, and no JSON error shape will match it.
    }
    return { kind: 'answer', status: response.status, body: parsed, ms: Date.now() - started };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const reason = cause?.code ?? cause?.message ?? (error as Error).name;
    return { kind: 'no-answer', error: reason, ms: Date.now() - started };
  }
}

/** The answer the app owes while its database is away: 503 with the one error shape. */
export function isUnavailableAnswer(outcome: Outcome): boolean {
  if (outcome.kind !== 'answer' || outcome.status !== 503) return false;
  const body = outcome.body as { code?: unknown; message?: unknown; details?: unknown } | null;
  return (
    body?.code === 'SERVICE.UNAVAILABLE' &&
    typeof body.message === 'string' &&
    body.message.length > 0 &&
    typeof body.details === 'object' &&
    body.details !== null
  );
}

export const isSuccess = (outcome: Outcome) =>
  outcome.kind === 'answer' && outcome.status >= 200 && outcome.status < 300;
