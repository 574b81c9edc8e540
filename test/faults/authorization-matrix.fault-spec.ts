import { SESSION_COOKIE } from '../../src/identity/auth.guard.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextOf, send, sessionOf, tableCall, targetsOf, tokenOf } from './matrix/calls.js';
import { changesBetween, databaseDigest } from './matrix/database-digest.js';
import { buildMatrixWorld, type FreshIds, type MatrixWorld, type Scope } from './matrix/matrix-world.js';
import { PERSONAS, personaNamed } from './matrix/personas.js';
import { POLICY } from './matrix/policy-table.js';
import { describedRoutes, isApi, methodOf, mountedRoutes, type RouteKey } from './matrix/route-listing.js';
import { problemOf, type Attempt } from './matrix/verdict.js';

const ROUTES = Object.keys(POLICY) as RouteKey[];

describe('Authorisation matrix: every endpoint × every role × own and foreign villages', () => {
  let t: TestApp;
  let world: MatrixWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildMatrixWorld(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has a row for every endpoint the app serves, and none for an endpoint it does not', async () => {
    const described = (await describedRoutes(t)).map((route) => route.key);
    const mounted = mountedRoutes(t);
    // The description is the API's listing: an endpoint hidden from it would hide from its clients too.
    expect(mounted.filter(isApi).sort()).toEqual([...described].sort());
    const served = new Set([...described, ...mounted]);
    expect([...served].filter((key) => !(key in POLICY))).toEqual([]);
    expect(ROUTES.filter((key) => !served.has(key))).toEqual([]);
  });

  it.each(ROUTES)('%s: only the callers of its row succeed, and refusals change nothing', async (key) => {
    const policy = POLICY[key];
    const targets = targetsOf(key, policy);
    const fresh = new Map<Scope, FreshIds>();
    if (policy.fresh) for (const { scope } of targets) fresh.set(scope, await world.fresh(scope));
    const attempts: Attempt[] = PERSONAS.flatMap((persona) =>
      targets.map((target) => ({ key, policy, persona, target, may: policy.may(persona, target) })),
    );
    const forbidden = attempts.filter((attempt) => !attempt.may);
    // The refused first, so that what the allowed callers change cannot excuse a refusal.
    const problems: string[] = [];
    const before = await databaseDigest(t.dataSource);
    for (const attempt of forbidden) problems.push(...(await attemptProblems(attempt)));
    const changes = changesBetween(before, await databaseDigest(t.dataSource), forbidden.length);
    problems.push(...changes.map((change) => `refused calls changed data: ${change}`));
    for (const attempt of attempts.filter((candidate) => candidate.may)) {
      problems.push(...(await attemptProblems(attempt)));
    }
    // A new password ends every session of the account: the matrix's people log in again.
    if (policy.endsSession) await world.renewTokens(t);
    expect(problems).toEqual([]);

    async function attemptProblems(attempt: Attempt): Promise<string[]> {
      const ids =
        policy.fresh === 'each call'
          ? await world.fresh(attempt.target.scope)
          : fresh.get(attempt.target.scope);
      const context = contextOf(world, attempt.target, ids ?? null);
      const token = policy.endsSession
        ? await sessionOf(t, world, attempt.persona)
        : tokenOf(world, attempt.persona);
      const response = await send(t, tableCall(key, policy, context, token));
      const problem = problemOf(attempt, response);
      return problem ? [problem] : [];
    }
  });

  it('refuses every API write made with the session cookie alone: the console’s cookie only reads', async () => {
    const cookie = `${SESSION_COOKIE}=${tokenOf(world, personaNamed('secretary'))}`;
    const anonymous = personaNamed('anonymous');
    const writes = ROUTES.filter((key) => isApi(key) && methodOf(key) === 'POST');
    const answers: string[] = [];
    for (const key of writes) {
      const policy = POLICY[key];
      const [target] = targetsOf(key, policy);
      if (policy.may(anonymous, target)) continue;
      const context = contextOf(world, target, policy.fresh ? await world.fresh(target.scope) : null);
      const response = await send(t, tableCall(key, policy, context, null, { cookie }));
      if (response.status !== 401) answers.push(`${key}: ${response.status}`);
    }
    expect(answers).toEqual([]);
  });
});
