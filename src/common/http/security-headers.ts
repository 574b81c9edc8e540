import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../../config/app-config.js';

/**
 * The pages load their one script and one style sheet from this site and post only to it; nothing may
 * frame them (clickjacking a seal approval). Charts are inline SVG or this site's images.
 */
const PAGE_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const headers = (config: AppConfig, policy: Record<string, string[]> | false) =>
  helmet({
    contentSecurityPolicy: policy && {
      useDefaults: false,
      directives: {
        ...policy,
        // Only where the site is served over TLS: on a plain-http intranet it would break every link.
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    // Same-origin pages see where a person came from; other sites do not see console addresses.
    referrerPolicy: { policy: 'same-origin' },
    // Not on sibling subdomains: a county's other sites may not all be on https yet.
    strictTransportSecurity: { maxAge: 180 * 24 * 3600, includeSubDomains: false },
    // Feeds, attachments and charts are meant to be fetched and embedded by others (a WeChat relay).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });

/**
 * helmet's headers on every answer (nosniff, frame-ancestors, Referrer-Policy, CSP…). Two pages need
 * more than the strict policy: the printable dossier carries its print style inline, and the API's
 * interactive documentation (Swagger UI) runs its own inline code, so it gets the headers without a CSP.
 */
export function securityHeaders(config: AppConfig) {
  const pages = headers(config, PAGE_POLICY);
  const dossier = headers(config, { ...PAGE_POLICY, styleSrc: ["'self'", "'unsafe-inline'"] });
  const documentation = headers(config, false);
  return (request: Request, response: Response, next: NextFunction): void => {
    if (/^\/api\/docs(\/|$)/.test(request.path)) return documentation(request, response, next);
    if (request.path.endsWith('/dossier.html')) return dossier(request, response, next);
    return pages(request, response, next);
  };
}
