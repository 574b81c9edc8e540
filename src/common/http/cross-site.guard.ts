import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config.js';
import { DomainError } from '../errors/domain-error.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const originOf = (url: string): string | null => {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
};

/**
 * Refuses a write that a browser sent from another site's page, or from another port of this host: the
 * console's forms and the login form are authorised by a cookie the browser adds by itself (CSRF, and
 * login CSRF). What the browser says about the page the request came from decides, in the order browsers
 * support it: `Sec-Fetch-Site`, then `Origin`, then `Referer`. A request with a bearer token and no
 * cookie passes; so does one with none of these headers, which no browser sends with a form (a
 * script or a server calling the API).
 */
@Injectable()
export class CrossSiteGuard implements CanActivate {
  private readonly publicOrigin: string | null;

  constructor(config: AppConfig) {
    this.publicOrigin = originOf(config.publicUrl);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method)) return true;
    // A bearer token rides on no cookie; with a cookie beside it, the cookie might be what is used.
    if (/^Bearer\s/i.test(request.headers.authorization ?? '') && !request.headers.cookie) return true;
    const fetchSite = request.headers['sec-fetch-site'];
    if (typeof fetchSite === 'string') return this.allow(fetchSite === 'same-origin' || fetchSite === 'none');
    const { origin, referer } = request.headers;
    if (origin) return this.allow(this.isOwn(request, origin));
    if (referer) return this.allow(this.isOwn(request, originOf(referer)));
    return true;
  }

  /** The configured address, or the address this request was sent to (the one its browser showed). */
  private isOwn(request: Request, origin: string | null): boolean {
    if (origin === null) return false;
    return origin === this.publicOrigin || origin === `${request.protocol}://${request.get('host') ?? ''}`;
  }

  private allow(allowed: boolean): boolean {
    if (!allowed) throw new DomainError('AUTH.CROSS_SITE');
    return true;
  }
}
