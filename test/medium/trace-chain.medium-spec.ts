import { TraceService } from '../../src/engine/trace.service.js';
import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe(TraceService.name, () => {
  let t: TestApp;
  let world: VillageWorld;
  let sut: TraceService;

  /** What a person with direct SQL access might do to rewrite history. */
  const tamper = async (sql: string, params: unknown[]) => {
    await t.dataSource.query('ALTER TABLE trace DISABLE TRIGGER trace_no_update_or_delete');
    try {
      await t.dataSource.query(sql, params);
    } finally {
      await t.dataSource.query('ALTER TABLE trace ENABLE TRIGGER trace_no_update_or_delete');
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.get(TraceService);
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
    const matter = await EngineDriver.start(t, world);
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    await matter.send('villager1', 'PROPOSE_PLAN', { plan: '越权' }).catch(() => undefined);
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    await matter.send('committee1', 'RECORD_ATTENDANCE', { present: [matter.personId('secretary')] });
  });

  it('verifies an untouched chain, refusals included', async () => {
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: true,
      checked: 5,
      firstBroken: null,
    });
  });

  it('refuses UPDATE and DELETE on the trace at the database', async () => {
    await expect(
      t.dataSource.query(`UPDATE trace SET actor_role = 'secretary' WHERE village_id = $1`, [
        world.villageId,
      ]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM trace WHERE village_id = $1`, [world.villageId]),
    ).rejects.toThrow(/append-only/);
  });

  it('names the row whose payload was rewritten', async () => {
    await tamper(`UPDATE trace SET payload = '{"plan":"另一个方案"}' WHERE village_id = $1 AND seq = 2`, [
      world.villageId,
    ]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      checked: 1,
      firstBroken: { seq: 2, reason: 'payload-digest-mismatch' },
    });
  });

  it('names the row whose recorded facts were rewritten, even with its digest kept', async () => {
    await tamper(`UPDATE trace SET accepted = true, refusal_code = NULL WHERE village_id = $1 AND seq = 3`, [
      world.villageId,
    ]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 3, reason: 'hash-mismatch' },
    });
  });

  it('names the gap where a row was deleted', async () => {
    await tamper(`DELETE FROM trace WHERE village_id = $1 AND seq = 4`, [world.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 4, reason: 'missing-row' },
    });
  });

  it('notices the newest rows cut off, against the chain head', async () => {
    await tamper(`DELETE FROM trace WHERE village_id = $1 AND seq = 5`, [world.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { reason: 'head-mismatch' },
    });
  });

  it('keeps one chain per village: another village’s tampering does not break this one', async () => {
    const other = await createVillage(t);
    const matter = await EngineDriver.start(t, other);
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    await tamper(`UPDATE trace SET payload = '{}' WHERE village_id = $1`, [other.villageId]);
    await expect(sut.verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({ ok: true });
    await expect(sut.verify(t.dataSource.manager, other.villageId)).resolves.toMatchObject({
      ok: false,
      firstBroken: { seq: 1 },
    });
  });
});
