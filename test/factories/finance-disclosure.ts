import type { TestApp } from '../support/test-app.js';
import type { VillageWorld } from './village.factory.js';

/** A month's finance disclosure (C3) started by a committee member; answers the matter's id. */
export async function startFinanceMatter(
  t: TestApp,
  world: VillageWorld,
  title = '二月财务',
): Promise<string> {
  const started = await t
    .api(world.people.committee1.token)
    .post(`/villages/${world.villageId}/matters`, { procedureId: 'C3', inputs: { title, period: '2026-02' } })
    .expect(201);
  return (started.body as { id: string }).id;
}

/** The same matter carried to a published disclosure: approved, submitted, opinion given (its period runs). */
export async function publishFinanceDisclosure(
  t: TestApp,
  world: VillageWorld,
  disclosure: { matterTitle?: string; title: string; body: string },
): Promise<string> {
  const matterId = await startFinanceMatter(t, world, disclosure.matterTitle);
  const events = `/villages/${world.villageId}/matters/${matterId}/events`;
  const supervisor = t.api(world.people.supervisor.token);
  await supervisor.post(events, { type: 'SUPERVISOR_APPROVE', payload: { opinion: '凭证齐全' } }).expect(200);
  await t
    .api(world.people.committee1.token)
    .post(events, { type: 'SUBMIT_DISCLOSURE', payload: { title: disclosure.title, body: disclosure.body } })
    .expect(200);
  await supervisor.post(events, { type: 'GIVE_OPINION', payload: { opinion: '同意公开' } }).expect(200);
  return matterId;
}
