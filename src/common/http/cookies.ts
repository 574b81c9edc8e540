import type { Response } from 'express';

/** One cookie's value from a request's Cookie header, or null. */
export const cookieValue = (header: string | undefined, name: string): string | null =>
  (header ?? '')
    .split(';')
    .map((part) => part.trim().split('='))
    .find(([key]) => key === name)?.[1] ?? null;

/**
 * A cookie of ours as named on this request: over HTTPS with the `__Host-` prefix, which a browser keeps
 * only when this very host set it Secure, with `Path=/` and no `Domain`, so that neither a sibling
 * subdomain nor a page on plain HTTP can plant one (a session fixed to someone else's account, a system
 * message in our voice). Over plain HTTP (the demo on localhost) the bare name, as browsers refuse the
 * prefix without Secure; and a bare cookie sent over HTTPS is not read at all.
 */
export const hostCookieName = (name: string, secure: boolean): string => (secure ? `__Host-${name}` : name);

/** Our cookie `name` from the request, under the name `hostCookieName` gives it there. */
export const hostCookie = (request: { headers: { cookie?: string }; secure: boolean }, name: string) =>
  cookieValue(request.headers.cookie, hostCookieName(name, request.secure));

/**
 * Sets our cookie `name` under the name `hostCookieName` gives it on this request, with what the prefix
 * requires and all our cookies share: HttpOnly, SameSite=Strict, `Path=/`, no `Domain`, Secure over HTTPS.
 */
export function setHostCookie(
  response: Response,
  name: string,
  value: string,
  lifetime: { expires: Date } | { maxAge: number },
): Response {
  const secure = response.req.secure;
  const attributes = { httpOnly: true, sameSite: 'strict' as const, secure, path: '/', ...lifetime };
  return response.cookie(hostCookieName(name, secure), value, attributes);
}

/** Clears our cookie `name` as `setHostCookie` set it. */
export function clearHostCookie(response: Response, name: string): Response {
  const secure = response.req.secure;
  return response.clearCookie(hostCookieName(name, secure), { path: '/', secure });
}
