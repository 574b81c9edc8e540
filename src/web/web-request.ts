import type { Request, Response } from 'express';
import { DomainError, isDomainError } from '../common/errors/domain-error.js';
import { HTTP_STATUS_OF } from '../common/http/error-statuses.js';
import { clearHostCookie, hostCookie, setHostCookie } from '../common/http/cookies.js';
import type { AuthenticatedRequest } from '../identity/auth.guard.js';
import type { PersonActor } from '../identity/actor.js';
import { renderPage, type PageFrame, type PageName } from './templates.js';

/** Who is logged in on this page, if anyone (the session cookie, read by the auth guard). */
export const actorOf = (request: Request): PersonActor | null =>
  (request as AuthenticatedRequest).actor ?? null;

export function sendPage(
  response: Response,
  name: PageName,
  frame: PageFrame,
  data: object,
  status = 200,
): void {
  response
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'no-store')
    .send(renderPage(name, frame, data));
}

/** Whoever this browser is logged in as, whether or not they have set their own password yet (`AuthGuard`). */
export const holderOf = (request: Request): PersonActor | null =>
  (request as AuthenticatedRequest).pendingActor ?? actorOf(request);

/** The login page, and back to `next` afterwards (a path already made safe, or this request's own). */
export const loginPath = (next: string) => `/login?next=${encodeURIComponent(next)}`;

/** Where a login still on the password its opener gave it sets its own, then goes on to `next`. */
export const ownPasswordPath = (next: string) => `/password?next=${encodeURIComponent(next)}`;

/**
 * The console needs a login: send the person to it, and back here afterwards. A login still on the
 * password its opener gave it is sent to set its own first.
 */
export function requireActor(request: Request, response: Response): PersonActor | null {
  const actor = actorOf(request);
  if (actor) return actor;
  const next = request.originalUrl;
  response.redirect(303, holderOf(request) ? ownPasswordPath(next) : loginPath(next));
  return null;
}

/** The HTTP status a page answers a refusal with: the API's for its code, else a server error's. */
const statusOf = (error: unknown): number => (isDomainError(error) ? HTTP_STATUS_OF[error.code] : 500);

/** The header in which a page that shows a refusal names its code, as the API's error body does. */
export const REFUSAL_HEADER = 'x-error-code';

/** A page showing a refusal: its status, and the refusal's code in `REFUSAL_HEADER`. */
export function markRefusal(response: Response, error: unknown): number {
  if (isDomainError(error)) response.setHeader(REFUSAL_HEADER, error.code);
  return statusOf(error);
}

/** A refusal as a person reads it: the API's message (already Chinese) or a generic one. */
export const messageOf = (error: unknown): string =>
  isDomainError(error) ? error.messageIn('zh') : '操作失败，请稍后再试';

/**
 * Flash messages travel in a short-lived HttpOnly cookie set on the redirect, never in the address: a
 * link that carried `?error=…` would let anyone show their own words as a system message. Over HTTPS the
 * cookie is `__Host-` prefixed (`hostCookieName`), so no other host can plant one either.
 */
export const FLASH_COOKIE = 'mp_flash';

/** A cookie holds about 4 KB; the longest refusal (every field's problem) is cut to fit. */
const FLASH_LIMIT = 600;

export function redirectWithFlash(
  response: Response,
  path: string,
  kind: 'ok' | 'error',
  text: string,
): void {
  const cut = [...text].length > FLASH_LIMIT ? `${[...text].slice(0, FLASH_LIMIT).join('')}…` : text;
  setHostCookie(response, FLASH_COOKIE, `${kind}.${Buffer.from(cut).toString('base64url')}`, {
    maxAge: 60_000,
  }).redirect(303, path);
}

/** The message the last redirect left for this page, shown once. */
export function flashOf(request: Request, response: Response): PageFrame['flash'] {
  const raw = hostCookie(request, FLASH_COOKIE);
  if (!raw) return null;
  clearHostCookie(response, FLASH_COOKIE);
  const [kind, encoded = ''] = raw.split('.');
  const text = Buffer.from(encoded, 'base64url').toString('utf8');
  return (kind === 'ok' || kind === 'error') && text ? { kind, text } : null;
}

/** A posted field as trimmed text; anything else (absent, a list, no form at all) as empty. */
export const textOf = (body: Record<string, unknown> | undefined, name: string) => {
  const value = body?.[name];
  return typeof value === 'string' ? value.trim() : '';
};

/** A form's field refused, in the words its page shows beside the form (nothing was changed). */
export const formFieldRefused = (field: string, words: string) =>
  new DomainError('REQUEST.INVALID', { problems: [{ field, problem: words, words }] }, words);
