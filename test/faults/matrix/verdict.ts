import type request from 'supertest';
import type { Target } from './matrix-world.js';
import type { Persona } from './personas.js';
import type { RoutePolicy } from './policy-table.js';
import { errorShapeProblem, outcomeOf } from './calls.js';
import { isApi, type RouteKey } from './route-listing.js';
import { REFUSAL_HEADER } from '../../../src/web/web-request.js';

export interface Attempt {
  key: RouteKey;
  policy: RoutePolicy;
  persona: Persona;
  target: Target;
  may: boolean;
}

/** `403 AUTH.FORBIDDEN`, `303 → /login?next=…`: what a reader of the failure needs. */
function describeResponse(response: request.Response): string {
  const code = (response.body as { code?: unknown } | null)?.code;
  const location = response.headers.location as string | undefined;
  return [response.status, typeof code === 'string' ? code : '', location ? `→ ${location}` : '']
    .filter(Boolean)
    .join(' ');
}

/**
 * What is wrong with an answer, in words, or null. Allowed callers succeed (or meet the state, not a
 * refusal of who they are); everyone else is refused, by the API with 401/403/404 in the one error shape.
 */
export function problemOf(attempt: Attempt, response: request.Response): string | null {
  const { key, policy, persona, target, may } = attempt;
  const who = `${persona.key} on ${target.scope} ${target.level}`;
  const outcome = outcomeOf(key, response);
  // The API's error body names the refusal; a console page that shows one names it in a header.
  const code = (response.body as { code?: string } | null)?.code ?? response.headers[REFUSAL_HEADER];
  const stateRefusal = code !== undefined && (policy.stateRefusals ?? []).some((allowed) => allowed === code);
  if (outcome === 'crashed') return `${who}: ${describeResponse(response)}`;
  if (may) {
    return outcome === 'success' || stateRefusal
      ? null
      : `${who}: refused (${describeResponse(response)}) though the table lets them`;
  }
  if (outcome === 'success') return `${who}: UNAUTHORISED SUCCESS (${describeResponse(response)})`;
  if (!isApi(key)) return null;
  if (persona.member === null && response.status !== 401) {
    return `${who}: anonymous refused with ${describeResponse(response)}, not 401`;
  }
  if (![401, 403, 404].includes(response.status) && !stateRefusal) {
    return `${who}: refused with ${describeResponse(response)}, not 401/403/404`;
  }
  const shape = errorShapeProblem(response.body);
  return shape ? `${who}: error body: ${shape}` : null;
}
