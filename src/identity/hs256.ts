import { createHmac, timingSafeEqual } from 'node:crypto';

/** The only header a token of ours carries: anything else (another algorithm, `crit`, `none`) is refused. */
const EXPECTED_HEADER = { alg: 'HS256' };

const decodedJson = (part: string): Record<string, unknown> | null => {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
};

/**
 * Verifies a compact HS256 JWT with node:crypto, synchronously: every request with a token runs it, and
 * WebCrypto's asynchronous verify cost more than the rest of the guard. Only the exact header we issue is
 * accepted; the signature is compared in constant time before the payload is read; `exp` is required and
 * must be in the future, `iss` must match. Returns the payload, or null for anything else.
 */
export function verifyHs256(
  token: string,
  key: Uint8Array,
  expected: { issuer: string; nowSeconds: number },
): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, signature] = parts;
  const headerValue = decodedJson(header);
  if (!headerValue || JSON.stringify(headerValue) !== JSON.stringify(EXPECTED_HEADER)) return null;
  const given = Buffer.from(signature, 'base64url');
  // base64url decoding ignores stray characters: only the canonical encoding of the signature counts.
  if (given.toString('base64url') !== signature) return null;
  const wanted = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return null;
  const claims = decodedJson(payload);
  if (!claims || claims.iss !== expected.issuer) return null;
  if (typeof claims.exp !== 'number' || claims.exp <= expected.nowSeconds) return null;
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > expected.nowSeconds))
    return null;
  return claims;
}
