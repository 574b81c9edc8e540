import type { components } from '../golden/openapi-types.js';
import { createVillage, TEST_PASSWORD, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ApiRefusal, typedApi, type TypedApi } from '../support/typed-api.js';

type Schemas = components['schemas'];

/** A1's inputs as the generated types state them: an unknown field or a wrong choice does not compile. */
const roadWorks: Schemas['A1Inputs'] = {
  title: '村集体道路硬化工程',
  summary: '硬化村内主干道 1.2 公里',
  topicSource: 'public_suggestion',
  matterClass: 'publicWelfareProject',
  decidingBody: 'representatives',
};

/**
 * What a client author writes against `test/golden/openapi-types.ts` alone: `npm run typecheck` covers
 * this file, so a field the description does not state fails to compile (the lines marked below).
 */
describe('A client typed by the generated API description', () => {
  let t: TestApp;
  let world: VillageWorld;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
    await t.app.listen(0, '127.0.0.1');
    base = await t.app.getUrl();
  });
  afterAll(async () => {
    await t.close();
  });

  const logIn = async (who: 'secretary' | 'villager1'): Promise<TypedApi> => {
    const answer = await typedApi(base).post('/api/auth/login', {
      body: { username: world.people[who].username, password: TEST_PASSWORD },
    });
    return typedApi(base, answer.token);
  };

  it('logs in, starts a major matter and proposes its plan, reading the typed answers', async () => {
    const api = await logIn('secretary');
    const me = await api.get('/api/me', {});
    expect(me.villages.map((village) => village.id)).toContain(world.villageId);

    const villageId = world.villageId;
    const started = await api.post('/api/villages/{villageId}/matters', {
      path: { villageId },
      body: { procedureId: 'A1', inputs: roadWorks },
    });
    expect(started.stage.key).toBe('topicIntake');
    expect(started.availableActions.map((action) => action.type)).toContain('PROPOSE_PLAN');

    const proposed = await api.post('/api/villages/{villageId}/matters/{matterId}/events', {
      path: { villageId, matterId: started.id },
      body: { type: 'PROPOSE_PLAN', payload: { plan: '硬化主干道1.2公里', mergeWithDeliberation: true } },
    });
    expect(proposed.revision).toBeGreaterThan(started.revision);
    expect(proposed.stage.key).toBe('twoCommitteeDeliberation');
    expect(proposed.meetings).toEqual([]);

    const read = await api.get('/api/villages/{villageId}/matters/{matterId}', {
      path: { villageId, matterId: started.id },
    });
    expect(read.history.map((entry) => entry.eventType)).toEqual(['START', 'PROPOSE_PLAN']);
    const page = await api.get('/api/villages/{villageId}/matters', {
      path: { villageId },
      query: { status: 'active' },
    });
    expect(page.items.map((item) => item.id)).toContain(started.id);
  });

  it('meets a refusal in the coded error shape the description states', async () => {
    const api = await logIn('villager1');
    const refusal = await api
      .post('/api/villages/{villageId}/matters', {
        path: { villageId: world.villageId },
        body: { procedureId: 'A1', inputs: roadWorks },
      })
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiRefusal);
    const { status, body } = refusal as ApiRefusal;
    expect({ status, code: body.code }).toEqual({ status: 403, code: 'AUTH.ROLE_NOT_ALLOWED' });
  });

  it('does not compile a field the description does not state', () => {
    const wrongPayload: Schemas['MatterEvent'] = {
      type: 'PROPOSE_PLAN',
      // @ts-expect-error PROPOSE_PLAN takes a `plan`, not a `title`
      payload: { title: '硬化主干道' },
    };
    const wrongInputs: Schemas['A1Inputs'] = {
      ...roadWorks,
      // @ts-expect-error a major matter's deciding body is the villagers or their representatives
      decidingBody: 'committee',
    };
    const readsState = (view: Schemas['MatterViewDto']) =>
      // @ts-expect-error the view names its step `step.title`, not `stepTitle`
      view.stepTitle as unknown;
    expect([wrongPayload.type, wrongInputs.title, typeof readsState]).toEqual([
      'PROPOSE_PLAN',
      roadWorks.title,
      'function',
    ]);
  });
});
