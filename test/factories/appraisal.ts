import { DAY_MS } from '../../src/common/clock.js';
import { localDate } from '../../src/time/calendar.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import type { TestApp } from '../support/test-app.js';
import { MatterDriver } from './matter.driver.js';
import type { VillageWorld } from './village.factory.js';

/**
 * A 民主测评 (H3, or a village's item built like it) convened today: started by the supervision
 * committee's chair, the cadres' reports published (reviewed by the other supervisor, the chair having
 * started it) and their days over.
 */
export async function appraisalConvened(
  t: TestApp,
  world: VillageWorld,
  procedureId = 'H3',
): Promise<MatterDriver> {
  const today = () => localDate(t.clock.now(), 'Asia/Shanghai');
  const started = await t
    .api(world.people.supervisor.token)
    .post(`/villages/${world.villageId}/matters`, {
      procedureId,
      inputs: { title: `${today().slice(0, 4)} 年度民主评议村干部`, summary: '三述一评' },
    })
    .expect(201);
  const matter = new MatterDriver(t, world, (started.body as { id: string }).id);
  await matter.ok('committee1', 'SUBMIT_DISCLOSURE', {
    title: '村“两委”成员述职述廉述责报告',
    body: '报告全文',
  });
  await matter.ok('supervisor2', 'GIVE_OPINION', { opinion: '同意公开' });
  for (let day = 0; day < 5 && (await matter.read()).state.startsWith('reports'); day++) {
    t.clock.advance(DAY_MS);
    await t.get(SchedulerService).deliverDue();
  }
  const { state } = await matter.read();
  if (state !== 'appraisal.convening') throw new Error(`the reports' period did not end: ${state}`);
  await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: today(), ballot: 'secret' });
  return matter;
}
