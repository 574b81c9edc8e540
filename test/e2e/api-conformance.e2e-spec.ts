import type { OpenAPIObject } from '@nestjs/swagger';
import type request from 'supertest';
import { BUILTIN_PROCEDURES } from '../../workflows/index.js';
import { contextOf, send, tableCall, targetsOf, tokenOf } from '../faults/matrix/calls.js';
import { buildMatrixWorld, type MatrixWorld } from '../faults/matrix/matrix-world.js';
import { PERSONAS, type Persona } from '../faults/matrix/personas.js';
import { POLICY, type RoutePolicy } from '../faults/matrix/policy-table.js';
import { isApi, methodOf, pathOf, type RouteKey } from '../faults/matrix/route-listing.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { TEST_PASSWORD } from '../factories/village.factory.js';
import { describedPath, ResponseConformance } from '../support/response-conformance.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Calls that end the caller's sessions (a new password ends them all): last, with a token of their own. */
const SESSION_ENDING: RouteKey[] = ['POST /api/auth/logout', 'POST /api/auth/password'];
const API_ROUTES = (Object.keys(POLICY) as RouteKey[])
  .filter(isApi)
  .sort((a, b) => SESSION_ENDING.indexOf(a) - SESSION_ENDING.indexOf(b));

/**
 * Every answer the API gives is one its description states: each endpoint called by someone it lets
 * through and by someone it refuses, and a matter carried through meetings and a disclosure so that
 * the sections of its view are filled. A client generated from the description reads them safely.
 */
describe('Answers as the API description states them', () => {
  let t: TestApp;
  let world: MatrixWorld;
  let conformance: ResponseConformance;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildMatrixWorld(t);
    conformance = new ResponseConformance(
      (await t.api().get('/docs-json').expect(200)).body as OpenAPIObject,
    );
  });
  afterAll(async () => {
    await t.close();
  });

  const problemOf = (key: RouteKey, response: request.Response) =>
    conformance.problemOf(methodOf(key), describedPath(pathOf(key)), response);

  /** A token of the persona's own for a call that ends it, so that the matrix's tokens stay valid. */
  async function tokenFor(key: RouteKey, persona: Persona): Promise<string | null> {
    if (!SESSION_ENDING.includes(key) || !persona.member) return tokenOf(world, persona);
    const { username } = world.sites.own.world.people[persona.member];
    const login = await t.api().post('/auth/login', { username, password: TEST_PASSWORD }).expect(200);
    return (login.body as { token: string }).token;
  }

  async function callAs(key: RouteKey, policy: RoutePolicy, persona: Persona, allowed: boolean) {
    const target = targetsOf(key, policy).find((candidate) => policy.may(persona, candidate) === allowed);
    if (!target) return null;
    const fresh = policy.fresh ? await world.fresh(target.scope) : null;
    const call = tableCall(key, policy, contextOf(world, target, fresh), await tokenFor(key, persona));
    return send(t, call);
  }

  it('states every catalog item as it is answered', async () => {
    const problems: string[] = [];
    for (const { id } of BUILTIN_PROCEDURES) {
      const response = await t.api().get(`/catalog/${id}`);
      const problem = conformance.problemOf('GET', '/api/catalog/{code}', response);
      if (problem) problems.push(`${id}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('states a matter’s view, records and reports once meetings and a disclosure have filled them', async () => {
    const village = world.sites.own.world;
    const matter = await MatterDriver.start(t, village);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案：硬化主干道', mergeWithDeliberation: false });
    await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    await matter.ok('supervisor', 'SIT_IN', { note: '列席党员大会' });
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: ['secretary', 'committee1', 'party1', 'party2', 'party3'].map((who) =>
        matter.personId(who as 'party1'),
      ),
    });
    const problems: string[] = [];
    const check = async (
      path: string,
      url: string,
      who: 'secretary' | 'supervisor' | 'township' = 'secretary',
    ) => {
      const response = await t.api(village.people[who].token).get(url);
      const problem = conformance.problemOf('GET', `/api${path}`, response);
      if (problem) problems.push(`${url}: ${problem}`);
    };
    // An open meeting shows its running count.
    await check('/villages/{villageId}/matters/{matterId}/meetings', `${matter.path}/meetings`);
    for (const who of ['secretary', 'committee1', 'party1', 'party2'] as const)
      await matter.ok(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.ok('secretary', 'CLOSE_VOTE', {});
    await matter.holdMeeting({
      ballot: 'secret',
      present: ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3'],
      yes: ['secretary', 'committee1', 'rep1', 'rep2'],
      no: ['rep3'],
    });
    await matter.publish('决议公开');
    await t
      .api(village.people.secretary.token)
      .post(`${matter.path}/conflicts`, {
        personId: village.people.villager2.personId,
        relation: 'payee',
        note: '本人是收款人',
      })
      .expect(200);
    await t
      .api(village.people.supervisor.token)
      .post(`${matter.path}/document-requests`, { request: '请提供工程预算明细' })
      .expect(200);

    const villagePath = `/villages/${village.villageId}`;
    await check('/villages/{villageId}/matters/{matterId}', matter.path);
    await check('/villages/{villageId}/matters/{matterId}/meetings', `${matter.path}/meetings`);
    await check('/villages/{villageId}/matters/{matterId}/trace', `${matter.path}/trace`);
    await check('/villages/{villageId}/matters/{matterId}/dossier', `${matter.path}/dossier`);
    await check('/villages/{villageId}/matters', `${villagePath}/matters`);
    await check('/villages/{villageId}/inbox', `${villagePath}/inbox`, 'supervisor');
    await check('/villages/{villageId}/ledger', `${villagePath}/ledger?quarter=2026-Q1`, 'supervisor');
    await check('/villages/{villageId}/obligations', `${villagePath}/obligations`);
    await check('/regions/{regionId}/inbox', `/regions/${village.townshipId}/inbox`, 'township');
    await check('/regions/{regionId}/overview', `/regions/${village.townshipId}/overview`, 'township');
    await check('/public/villages/{villageId}/board', `/public${villagePath}/board`);
    await check('/public/villages/{villageId}/bulletins/{month}', `/public${villagePath}/bulletins/2026-03`);
    await check('/public/villages/{villageId}/feed.json', `/public${villagePath}/feed.json`);
    expect(problems).toEqual([]);
  });

  // Last: a new password ends the sessions the scenarios above use.
  it.each(API_ROUTES)('%s answers its callers and refusals as stated', async (key) => {
    const policy = POLICY[key];
    const problems: string[] = [];
    const allowed = PERSONAS.find(
      (persona) => persona.member && targetsOf(key, policy).some((target) => policy.may(persona, target)),
    );
    const refused = PERSONAS.find((persona) =>
      targetsOf(key, policy).some((target) => !policy.may(persona, target)),
    );
    if (allowed) {
      const response = (await callAs(key, policy, allowed, true))!;
      const refusal = (response.body as { code?: string }).code;
      if (response.status >= 300 && !policy.stateRefusals?.some((code) => code === refusal))
        problems.push(`${allowed.key} was refused: ${response.status} ${refusal}`);
      const problem = problemOf(key, response);
      if (problem) problems.push(`${allowed.key}: ${problem}`);
    }
    if (refused) {
      const response = (await callAs(key, policy, refused, false))!;
      const problem = problemOf(key, response);
      if (problem) problems.push(`${refused.key} (refused): ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
