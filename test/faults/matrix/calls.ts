import request from 'supertest';
import { majorMatterProcedure } from '../../../workflows/procedures/a1-major-matter.procedure.js';
import { ERROR_CATALOG } from '../../../src/common/errors/error-catalog.js';
import { SESSION_COOKIE } from '../../../src/identity/auth.guard.js';
import { TokenService } from '../../../src/identity/token.service.js';
import { FLASH_COOKIE } from '../../../src/web/web-request.js';
import type { TestApp } from '../../support/test-app.js';
import type { MatrixWorld, Scope, Target } from './matrix-world.js';
import type { Persona } from './personas.js';
import type { CallContext, RoutePolicy } from './policy-table.js';
import { isApi, methodOf, paramsOf, pathOf, type RouteKey } from './route-listing.js';

/** The targets worth trying for a route: by the ids its path (or body) points with. */
export function targetsOf(key: RouteKey, policy: RoutePolicy): Target[] {
  const params = paramsOf(key);
  if (params.includes('villageId')) {
    return (['own', 'neighbour', 'far'] as Scope[]).map((scope) => ({ scope, level: 'village' }));
  }
  if (params.includes('regionId') || params.includes('districtId') || policy.targets === 'regions') {
    // The neighbour shares the own township and district: it adds nothing here.
    return (['own', 'far'] as Scope[]).flatMap((scope) =>
      (['township', 'district'] as const).map((level) => ({ scope, level })),
    );
  }
  return [{ scope: 'own', level: 'none' }];
}

let counter = 0;

export function contextOf(world: MatrixWorld, target: Target, fresh: CallContext['fresh']): CallContext {
  const site = world.sites[target.scope];
  const regionId = target.level === 'district' ? site.world.districtId : site.world.townshipId;
  return { target, site, regionId, fresh, unique: `${process.pid}-${++counter}` };
}

/** The ids a route's path needs, filled from the context: real ones, of the target's village. */
export function pathIdsOf(key: RouteKey, policy: RoutePolicy, context: CallContext): Record<string, string> {
  const { site, fresh, regionId } = context;
  const ids: Record<string, string> = {
    villageId: site.world.villageId,
    regionId,
    districtId: regionId,
    matterId: fresh?.matterId ?? site.matterId,
    attachmentId: site.attachmentId,
    requestId: fresh?.requestId ?? '',
    personId: fresh?.personId ?? '',
    membershipId: fresh?.membershipId ?? '',
    complaintId: fresh?.complaintId ?? site.complaintId,
    receiptCode: fresh?.answeredReceiptCode ?? site.receiptCode,
    evidenceId: site.evidenceId,
    act: 'acknowledge',
    procedureId: 'A1',
    // Version 0 of a village's lists is the base list alone; a procedure's, the one this release ships.
    version: key.includes('/lists/') ? '0' : String(majorMatterProcedure.version),
    code: 'A1',
    month: '2026-03',
    ...policy.params?.(context),
  };
  return Object.fromEntries(
    paramsOf(key).map((name) => {
      if (!(name in ids)) throw new Error(`${key}: no id for :${name}; give pathIdsOf (calls.ts) one`);
      return [name, ids[name]];
    }),
  );
}

/** Path segments as a client would encode them; a lone surrogate goes out as the bytes it would be. */
const segment = (text: string) => {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
};

export function buildUrl(key: RouteKey, ids: Record<string, string>, query?: string): string {
  const path = pathOf(key).replace(/:(\w+)/g, (_, name: string) => segment(ids[name]));
  return query ? `${path}?${query}` : path;
}

export const urlOf = (key: RouteKey, policy: RoutePolicy, context: CallContext): string =>
  buildUrl(key, pathIdsOf(key, policy, context), policy.query?.(context));

export interface Call {
  key: RouteKey;
  url: string;
  token: string | null;
  /** An object (sent as JSON, or as a form to web pages), or text sent as it is. */
  body?: unknown;
  upload?: Buffer;
  /** Raw headers, e.g. an Idempotency-Key. */
  headers?: Record<string, string>;
}

/** Sends as a browser would: the API with the bearer token, web pages with the session cookie. */
export function send(t: TestApp, call: Call): request.Test {
  const server = t.app.getHttpServer();
  const api = isApi(call.key);
  let test = methodOf(call.key) === 'GET' ? request(server).get(call.url) : request(server).post(call.url);
  if (call.token) {
    test = api
      ? test.set('authorization', `Bearer ${call.token}`)
      : test.set('cookie', `${SESSION_COOKIE}=${call.token}`);
  }
  if (call.headers) test = test.set(call.headers);
  if (call.upload)
    return test.set('content-type', call.headers?.['content-type'] ?? 'text/plain').send(call.upload);
  if (call.body === undefined) return test;
  if (typeof call.body === 'string') return test.type(api ? 'json' : 'form').send(call.body);
  return api ? test.send(call.body as object) : test.type('form').send(call.body as object);
}

export const tokenOf = (world: MatrixWorld, persona: Persona): string | null =>
  persona.member ? world.sites.own.world.people[persona.member].token : null;

/** A token of its own for a call that revokes the caller's (a logout, a new password). */
export async function sessionOf(t: TestApp, world: MatrixWorld, persona: Persona): Promise<string | null> {
  if (!persona.member) return null;
  const { accountId, personId } = world.sites.own.world.people[persona.member];
  return (await t.get(TokenService).issue({ accountId, personId })).token;
}

const UPLOADED_FILE = Buffer.from('矩阵测试文件');

/** The table's request for a route in a context, as the holder of `token` sends it. */
export function tableCall(
  key: RouteKey,
  policy: RoutePolicy,
  context: CallContext,
  token: string | null,
  headers?: Record<string, string>,
): Call {
  const upload = policy.upload === true ? UPLOADED_FILE : policy.upload;
  const allHeaders = policy.headers || headers ? { ...policy.headers?.(context), ...headers } : undefined;
  return {
    key,
    url: urlOf(key, policy, context),
    token,
    body: policy.body?.(context),
    upload,
    headers: allHeaders,
  };
}

export type Outcome = 'success' | 'refused' | 'crashed';

/**
 * What the caller got. A web page refuses by sending the person to the login page or back with an
 * error flash (in its cookie); a redirect elsewhere (the new matter, the next page) is a success.
 */
export function outcomeOf(key: RouteKey, response: request.Response): Outcome {
  if (response.status >= 500) return 'crashed';
  if (response.status < 300) return 'success';
  if (response.status < 400 && !isApi(key)) {
    const location = String(response.headers.location ?? '');
    const cookies = (response.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
    const errorFlash = cookies.some((cookie) => cookie.startsWith(`${FLASH_COOKIE}=error.`));
    return location.startsWith('/login') || errorFlash ? 'refused' : 'success';
  }
  return 'refused';
}

/** The one error shape, with a code of the catalog; null when the body has it. */
export function errorShapeProblem(body: unknown): string | null {
  const error = body as { code?: unknown; message?: unknown; details?: unknown } | null;
  if (!error || typeof error !== 'object') return 'no JSON error body';
  if (typeof error.code !== 'string' || !(error.code in ERROR_CATALOG)) return `code ${String(error.code)}`;
  if (typeof error.message !== 'string' || error.message === '') return 'no message';
  if (!error.details || typeof error.details !== 'object') return 'no details object';
  return null;
}
