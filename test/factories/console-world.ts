import { BASE_CATALOG, villageItem, type ProcedureDefinition } from '../../workflows/index.js';
import type { TestApp } from '../support/test-app.js';
import { CatalogWalker } from './catalog-walker.js';
import { MatterDriver } from './matter.driver.js';
import type { VillageWorld } from './village.factory.js';

const item = (code: string) => BASE_CATALOG.find((entry) => entry.id === code) as ProcedureDefinition;
const carriedOut = (definition: ProcedureDefinition) =>
  Object.entries(definition.outcomes).find(([, kind]) => kind === 'carriedOut')?.[0] as string;

/**
 * A village whose console shows every kind of page: matters carried out and at a survey, one the
 * supervisors objected to, one with a meeting in session, and a list adjustment under review with its
 * new item's steps and chart. For crawls that read every page (words, accessibility).
 */
export async function seedConsoleWorld(t: TestApp, world: VillageWorld): Promise<void> {
  const walker = new CatalogWalker(t, world);
  await walker.walk(item('A1'), carriedOut(item('A1')));
  await walker.walk(item('F1'), carriedOut(item('F1')));
  await walker.walk(item('F1'), 'survey');
  const objected = await MatterDriver.start(t, world, { title: '被提出异议的事项' });
  await objected.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
  await objected.holdMeeting({ present: ['secretary', 'committee1', 'committee2'], yes: ['secretary'] });
  await objected.ok('supervisor', 'OBJECT', { reason: '会议通知时间不足' });
  const inSession = await MatterDriver.start(t, world, { title: '正在开会的事项' });
  await inSession.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
  await inSession.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
  const definition = villageItem({
    code: 'X1',
    title: '零星开支审批',
    category: 'C',
    description: '500 元以下',
    startRoles: ['committee_member'],
    basis: '村规民约',
    supervised: true,
  });
  await t
    .api(world.people.secretary.token)
    .post(`/villages/${world.villageId}/matters`, {
      procedureId: 'L1',
      inputs: {
        title: '增加零星开支审批事项',
        summary: '纳入清单管理',
        effectiveFrom: '2026-03-02',
        changes: [{ kind: 'addItem', code: 'X1', title: '零星开支审批', definition }],
      },
    })
    .expect(201);
}
