import type { Request } from 'express';

/** Where a login comes from, for throttling and the log. */
export interface LoginClient {
  address: string;
  userAgent?: string;
}

/** The address (the proxy's client when TRUST_PROXY names the proxy) and browser a login comes from. */
export const loginClientOf = (request: Request): LoginClient => ({
  address: request.ip ?? 'unknown',
  userAgent: request.headers['user-agent']?.slice(0, 200),
});
