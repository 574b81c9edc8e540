import type { Request } from 'express';
import { hostCookie } from '../common/http/cookies.js';
import { DEVICE_COOKIE } from './known-devices.js';

/** Where a login comes from, for throttling and the log. */
export interface LoginClient {
  address: string;
  userAgent?: string;
  /** The device cookie the browser sent (`KnownDevices`), not yet checked. */
  device?: string | null;
}

/**
 * The address (the proxy's client when TRUST_PROXY names the proxy), browser and device cookie a login
 * comes from.
 */
export const loginClientOf = (request: Request): LoginClient => ({
  address: request.ip ?? 'unknown',
  userAgent: request.headers['user-agent']?.slice(0, 200),
  device: hostCookie(request, DEVICE_COOKIE),
});
