import { DomainError } from '../../src/common/errors/domain-error.js';
import { fieldProblemsOf } from '../../src/web/field-problems.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Matter input over HTTP', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('refuses a matter with invalid inputs, names the fields, and traces the attempt', async () => {
    const response = await MatterDriver.startRequest(t, world, { decidingBody: 'mayor', title: undefined });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('MATTER.INPUTS_INVALID');
    expect(
      (response.body.details.problems as { field: string }[]).map((problem) => problem.field).sort(),
    ).toEqual(['decidingBody', 'title']);
    const [refusal] = await t.dataSource.query<{ accepted: boolean; refusal_code: string }[]>(
      `SELECT accepted, refusal_code FROM trace WHERE village_id = $1 AND event_type = 'START' ORDER BY seq DESC LIMIT 1`,
      [world.villageId],
    );
    expect(refusal).toEqual({ accepted: false, refusal_code: 'MATTER.INPUTS_INVALID' });
    const list = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters`)
      .expect(200);
    expect(list.body.total).toBe(0);
  });

  // The summary is optional: blank, it is simply not given.
  it('takes a title or a plan of nothing but spaces as not given, and keeps the spaces of real text', async () => {
    const blank = await MatterDriver.startRequest(t, world, { title: '   ', summary: '\u3000\u3000\n' });
    expect(blank.status).toBe(422);
    expect(
      (blank.body.details.problems as { field: string; problem: string }[])
        .map((problem) => problem.field)
        .sort(),
    ).toEqual(['title']);
    const matter = await MatterDriver.start(t, world, { title: '  村道硬化 ' });
    expect(((await matter.read()) as unknown as { title: string }).title).toBe('  村道硬化 ');
    const empty = await matter.send('secretary', 'PROPOSE_PLAN', { plan: '\u3000 \t' });
    expect(empty.body).toMatchObject({ code: 'EVENT.PAYLOAD_INVALID' });
    const indented = '\u3000\u3000方案：硬化主干道。\n\u3000\u3000资金来自集体收入。';
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: indented });
    const proposed = (await matter.trace()).find((row) => row.eventType === 'PROPOSE_PLAN' && row.accepted);
    expect(proposed?.payload).toMatchObject({ plan: indented });
  });

  it('takes money to the fen: a claim of a tenth of a fen is refused by name, in the console’s words too', async () => {
    const claim = (amount: number) =>
      t.api(world.people.committee1.token).post(`/villages/${world.villageId}/matters`, {
        procedureId: 'C1',
        inputs: { title: '报销办公用品', amount, voucherNo: 'P-101', purpose: '办公用品' },
      });
    const finer = await claim(12.345);
    expect(finer.status).toBe(422);
    expect(finer.body).toMatchObject({ code: 'MATTER.INPUTS_INVALID' });
    expect((finer.body.details.problems as { field: string }[]).map((problem) => problem.field)).toEqual([
      'amount',
    ]);
    // The API names the problem in Chinese too, as the console shows it beside the field.
    expect(finer.body.details.problems).toEqual([
      { field: 'amount', problem: 'must match format "yuan"', words: '金额最多精确到分（小数点后两位）' },
    ]);
    expect(fieldProblemsOf(new DomainError('MATTER.INPUTS_INVALID', finer.body.details))).toEqual({
      amount: '金额最多精确到分（小数点后两位）',
    });
    await claim(12.34).expect(201);
  });

  it('refuses to let anyone but the secretary start a major matter', async () => {
    const response = await MatterDriver.startRequest(t, world, {}, 'committee1');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'AUTH.ROLE_NOT_ALLOWED',
      details: { allowed: ['secretary'] },
    });
  });

  it('refuses an unknown procedure', async () => {
    const response = await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/matters`, { procedureId: 'Z9', inputs: {} });
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('PROCEDURE.NOT_FOUND');
  });

  it('refuses an invalid payload, an unknown event and a bad idempotency key, changing nothing', async () => {
    const matter = await MatterDriver.start(t, world);
    const invalid = await matter.send('secretary', 'PROPOSE_PLAN', { plan: '', extra: true });
    expect(invalid.status).toBe(422);
    expect(invalid.body.code).toBe('EVENT.PAYLOAD_INVALID');
    const nul = await matter.send('secretary', 'PROPOSE_PLAN', { plan: 'a\u0000b' });
    expect(nul.body.code).toBe('EVENT.PAYLOAD_INVALID');
    const unknown = await matter.send('secretary', 'SELL_THE_LAND', {});
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('EVENT.UNKNOWN');
    const badKey = await matter.send(
      'secretary',
      'PROPOSE_PLAN',
      { plan: 'p' },
      { 'Idempotency-Key': 'x'.repeat(201) },
    );
    expect(badKey.status).toBe(400);
    expect(badKey.body.code).toBe('IDEMPOTENCY.KEY_INVALID');
    const view = await matter.read();
    expect(view).toMatchObject({ state: 'topicIntake', revision: 1 });
    expect(
      (await matter.trace()).map((row) => [row.eventType, row.accepted, row.refusal?.code ?? null]),
    ).toEqual([
      ['START', true, null],
      ['PROPOSE_PLAN', false, 'EVENT.PAYLOAD_INVALID'],
      ['PROPOSE_PLAN', false, 'EVENT.PAYLOAD_INVALID'],
      ['SELL_THE_LAND', false, 'EVENT.UNKNOWN'],
    ]);
  });

  it('tells each person what they may do now', async () => {
    const matter = await MatterDriver.start(t, world);
    const types = async (who: 'secretary' | 'supervisor' | 'villager1') =>
      (await matter.read(who)).availableActions.map((action) => action.type).sort();
    expect(await types('secretary')).toEqual(['DROP_TOPIC', 'PROPOSE_PLAN']);
    expect(await types('supervisor')).toEqual(['OBJECT']);
    expect(await types('villager1')).toEqual([]);
  });

  it('starts a matter once for a retried request with the same idempotency key', async () => {
    const key = { 'Idempotency-Key': 'start-1' };
    const first = await MatterDriver.startRequest(t, world, { title: '重试' }, 'secretary', key).expect(201);
    const retry = await MatterDriver.startRequest(t, world, { title: '重试' }, 'secretary', key).expect(201);
    expect(retry.body.id).toBe(first.body.id);
    const list = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters`)
      .expect(200);
    expect((list.body.items as { title: string }[]).filter((item) => item.title === '重试')).toHaveLength(1);
  });
});
