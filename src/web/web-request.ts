import type { Request, Response } from 'express';
import { isDomainError } from '../common/errors/domain-error.js';
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

/** The console needs a login: send the person to it, and back here afterwards. */
export function requireActor(request: Request, response: Response): PersonActor | null {
  const actor = actorOf(request);
  if (!actor) response.redirect(303, `/login?next=${encodeURIComponent(request.originalUrl)}`);
  return actor;
}

/** A refusal as a person reads it: the API's message (already Chinese) or a generic one. */
export const messageOf = (error: unknown): string =>
  isDomainError(error) ? error.messageIn('zh') : '操作失败，请稍后再试';

/** Flash messages travel in the query string of the redirect (no server-side session needed). */
export function flashOf(request: Request): PageFrame['flash'] {
  const { ok, error } = request.query as { ok?: string; error?: string };
  if (typeof error === 'string') return { kind: 'error', text: error };
  if (typeof ok === 'string') return { kind: 'ok', text: ok };
  return null;
}

export const withFlash = (path: string, kind: 'ok' | 'error', text: string) =>
  `${path}${path.includes('?') ? '&' : '?'}${kind}=${encodeURIComponent(text)}`;

/** A posted field as trimmed text; anything else (absent, a list) as empty. */
export const textOf = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? body[name].trim() : '';
