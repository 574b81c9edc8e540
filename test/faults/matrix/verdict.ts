import type request from 'supertest';
import type { Target } from './matrix-world.js';
import type { Persona } from './personas.js';
import type { RoutePolicy } from './policy-table.js';
import { errorShapeProblem, outcomeOf } from './calls.js';
import { isApi, type RouteKey } from './route-listing.js';
import type { ErrorCode } from '../../../src/common/errors/error-catalog.js';
import { HTTP_STATUS_OF } from '../../../src/common/http/error-statuses.js';
import { REFUSAL_HEADER } from '../../../src/web/web-request.js';

export interface Attempt {
  key: RouteKey;
  policy: RoutePolicy;
  persona: Persona;
  target: Target;
  may: boolean;
}

/** The API's error body names the refusal; a console page that shows one names it in a header. */
function refusalCodeOf(response: request.Response): string | undefined {
  const code = (response.body as { code?: unknown } | null)?.code ?? response.headers[REFUSAL_HEADER];
  return typeof code === 'string' ? code : undefined;
}

/** `403 AUTH.FORBIDDEN`, `303 → /login?next=…`: what a reader of the failure needs. */
function describeResponse(response: request.Response): string {
  const code = refusalCodeOf(response);
  const location = response.headers.location as string | undefined;
  return [response.status, code ?? '', location ? `→ ${location}` : ''].filter(Boolean).join(' ');
}

/**
 * What is wrong with an answer, in words, or null. Allowed callers succeed (or meet the state, not a
 * refusal of who they are); everyone else is refused, by the API with 401/403/404 in the one error shape.
 */
export function problemOf(attempt: Attempt, response: request.Response): string | null {
  const { key, policy, persona, target, may } = attempt;
  const who = `${persona.key} on ${target.scope} ${target.level}`;
  const outcome = outcomeOf(key, response);
  const code = refusalCodeOf(response);
  const stateRefusal = code !== undefined && (policy.stateRefusals ?? []).some((allowed) => allowed === code);
  if (outcome === 'crashed') return `${who}: ${describeResponse(response)}`;
  if (may) {
    return outcome === 'success' || stateRefusal
      ? null
      : `${who}: refused (${describeResponse(response)}) though the table lets them`;
  }
  if (outcome === 'success') return `${who}: UNAUTHORISED SUCCESS (${describeResponse(response)})`;
  if (!isApi(key)) return consolePageProblem(who, persona, response, code, stateRefusal);
  if (persona.member === null && response.status !== 401) {
    return `${who}: anonymous refused with ${describeResponse(response)}, not 401`;
  }
  if (![401, 403, 404].includes(response.status) && !stateRefusal) {
    return `${who}: refused with ${describeResponse(response)}, not 401/403/404`;
  }
  const shape = errorShapeProblem(response.body);
  return shape ? `${who}: error body: ${shape}` : null;
}

/**
 * A console or public page refuses by sending the anonymous to the login page (an upload, which the page's
 * script sends, with the API's 401); everyone else gets a page answering 403 or 404 with the refusal's
 * code (one of who asks) in its header (a state refusal the table allows, with its own status), or a redirect back with
 * the reason in the flash message.
 */
function consolePageProblem(
  who: string,
  persona: Persona,
  response: request.Response,
  code: string | undefined,
  stateRefusal: boolean,
): string | null {
  const location = String(response.headers.location ?? '');
  if (persona.member === null) {
    // The console's uploads are sent by the page's script, which reads the API's 401.
    const toLogin = response.status === 303 && location.startsWith('/login');
    return toLogin || (response.status === 401 && code === 'AUTH.UNAUTHENTICATED')
      ? null
      : `${who}: anonymous refused with ${describeResponse(response)}, not sent to the login page`;
  }
  if (response.status === 303 || stateRefusal) return null;
  if (![403, 404].includes(response.status)) {
    return `${who}: page refused with ${describeResponse(response)}, not 403/404`;
  }
  // A refusal of who asks: AUTH.*, a not-found, or a code the API answers with 403 (the township's powers).
  const forbidden = code !== undefined && HTTP_STATUS_OF[code as ErrorCode] === 403;
  return code?.startsWith('AUTH.') || code?.endsWith('NOT_FOUND') || forbidden
    ? null
    : `${who}: page refused with ${describeResponse(response)} and code ${String(code)}`;
}
