import fc from 'fast-check';
import type request from 'supertest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { buildUrl, contextOf, pathIdsOf, send, targetsOf, tokenOf } from './matrix/calls.js';
import { changesBetween, databaseDigest } from './matrix/database-digest.js';
import { foundInputs } from './matrix/found-inputs.js';
import { fuzzProblems } from './matrix/fuzz-checks.js';
import { fuzzedRequests, type ValidRequest } from './matrix/fuzzed-requests.js';
import { buildMatrixWorld, type MatrixWorld, type Target } from './matrix/matrix-world.js';
import { personaNamed, type PersonaKey } from './matrix/personas.js';
import { POLICY, type RoutePolicy } from './matrix/policy-table.js';
import {
  describedRoutes,
  isApi,
  methodOf,
  type DescribedRoute,
  type RouteKey,
} from './matrix/route-listing.js';
import { REFUSAL_HEADER } from '../../src/web/web-request.js';

/**
 * The error code of an answer, whatever media type it claims (an SVG route's errors claim SVG); a console
 * page's, from the header it names it in.
 */
const codeOf = (response: request.Response): string => {
  const header = response.headers[REFUSAL_HEADER] as string | undefined;
  if (header) return header;
  const text = response.text ?? (Buffer.isBuffer(response.body) ? response.body.toString() : '');
  try {
    return String((JSON.parse(text) as { code?: unknown }).code);
  } catch {
    return `(no JSON: ${text.slice(0, 40)})`;
  }
};

/** Runs per endpoint: enough to meet each kind of hostile value a few times, bounded for CI. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

/** The caller who gets furthest: past the guard and the village check, to the validation and the work. */
const CALLER_PREFERENCE: PersonaKey[] = [
  'secretary',
  'districtAdmin',
  'townshipOfficer',
  'disciplineInspector',
  'supervisor',
  'committeeMember',
  'villager',
  'anonymous',
];

function callerOf(key: RouteKey, policy: RoutePolicy) {
  const targets = targetsOf(key, policy).filter((target) => target.scope === 'own');
  for (const persona of CALLER_PREFERENCE.map(personaNamed)) {
    const target = targets.find((candidate) => policy.may(persona, candidate));
    if (target) return { persona, target };
  }
  throw new Error(`${key}: nobody may call it on the own village`);
}

describe('Fuzzed payloads, queries, path ids and headers of every endpoint', () => {
  let t: TestApp;
  let world: MatrixWorld;
  let described: Map<RouteKey, DescribedRoute>;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildMatrixWorld(t);
    described = new Map((await describedRoutes(t)).map((route) => [route.key, route]));
  });
  afterAll(async () => {
    await t.close();
  });

  /** The route's valid request as the fuzzer's seed: the table's, plus every query parameter described. */
  async function validRequestOf(key: RouteKey, policy: RoutePolicy, target: Target): Promise<ValidRequest> {
    const fresh = policy.fresh ? await world.fresh(target.scope) : null;
    const context = contextOf(world, target, fresh);
    const query = Object.fromEntries(new URLSearchParams(policy.query?.(context) ?? ''));
    for (const name of described.get(key)?.query ?? []) query[name] ??= '1';
    const body = policy.body?.(context) as Record<string, unknown> | undefined;
    return {
      pathIds: pathIdsOf(key, policy, context),
      query,
      body: body ?? (methodOf(key) === 'POST' && !policy.upload ? {} : undefined),
      form: !isApi(key),
      upload: policy.upload === true,
      idempotent: described.get(key)?.headers.includes('idempotency-key') ?? false,
    };
  }

  it('refuses with a stable code, and without a change, the inputs that once broke it', async () => {
    const found = foundInputs(world, await world.fresh('own'));
    const answers = [];
    for (const { key, url, who, body, headers } of found) {
      const before = await databaseDigest(t.dataSource);
      const token = who ? tokenOf(world, personaNamed(who)) : null;
      // A console form's is written as the form it is; an API body as JSON.
      const text = body === undefined || typeof body === 'string' ? body : JSON.stringify(body);
      const response = await send(t, { key, url, token, body: text, headers });
      const changes = changesBetween(before, await databaseDigest(t.dataSource), 1);
      answers.push({ url, status: response.status, code: codeOf(response), changes });
    }
    expect(answers).toEqual(found.map(({ url, status, code }) => ({ url, status, code, changes: [] })));
  });

  it.each(Object.keys(POLICY) as RouteKey[])('%s: no 5xx, and refused input changes nothing', async (key) => {
    const policy = POLICY[key];
    const { persona, target } = callerOf(key, policy);
    const valid = await validRequestOf(key, policy, target);
    const token = tokenOf(world, persona);
    let before = await databaseDigest(t.dataSource);
    await fc.assert(
      fc.asyncProperty(fuzzedRequests(valid), async (fuzzed) => {
        const response = await send(t, {
          key,
          url: buildUrl(key, fuzzed.pathIds, fuzzed.query),
          token,
          body: fuzzed.body,
          upload: fuzzed.upload,
          headers: fuzzed.headers,
        });
        const after = await databaseDigest(t.dataSource);
        const problems = fuzzProblems(key, response, before, after);
        before = after;
        expect(problems).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });
});
