import { compose } from '../../workflows/compose/compose.js';
import { text } from '../../workflows/events/schema.js';
import { matterInputs } from '../../workflows/procedures/shared-parameters.js';
import { approval, record, supervisorReview } from '../../workflows/steps/presets.js';
import type { ProcedureDefinition } from '../../workflows/index.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { takeUpLogin } from '../support/own-password.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

/**
 * A village's own item (X): approving the use of the village's irrigation well (and its fee), by the two
 * committees, then reviewed by the supervisors; the second version also logs the water drawn.
 */
function wellUse(withUseLog = false): ProcedureDefinition {
  const { machine, events, outcomes } = compose({
    machineId: 'wellUse',
    steps: [
      {
        key: 'approval',
        step: approval(
          '两委审批',
          '村两委审批用水计划',
          { event: 'APPROVE_USE', title: '批准用水', roles: ['secretary'], fields: { opinion: text(500) } },
          'rejected',
        ),
      },
      { key: 'review', step: supervisorReview() },
      ...(withUseLog
        ? [
            {
              key: 'useLog',
              step: record('登记用水', '登记用水量和收费', {
                event: 'RECORD_USE',
                title: '登记用水量',
                roles: ['committee_member'],
                fields: { cubicMetres: { type: 'number', minimum: 0, maximum: 100000 } },
                required: ['cubicMetres'],
              }),
            },
          ]
        : []),
    ],
  });
  return {
    id: 'X1',
    version: 1,
    title: '机井用水审批',
    category: 'C',
    legalBasis: [{ law: '村规民约', localPractice: true }],
    startRoles: ['villager', 'committee_member'],
    inputSchema: matterInputs(),
    parameters: {},
    outcomes,
    events,
    machine,
  };
}

interface ListBody {
  version: { village: number; effectiveFrom: string };
  powerList: {
    code: string;
    origin: string;
    procedure: { version: number };
    parameters: Record<string, unknown>;
  }[];
  responsibilityList: { code: string; duty: string }[];
  negativeList: { code: string; text: string; enforced: boolean }[];
}

describe('Power lists over HTTP: base + X, changed only by approved adjustment (L1)', () => {
  let t: TestApp;
  let world: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });
  afterEach(() => t.clock.set(TEST_NOW));

  const api = (who?: MemberKey) => t.api(who ? world.people[who].token : undefined);
  const lists = async (on?: string) =>
    (
      await api()
        .get(`/public/villages/${world.villageId}/lists${on ? `?on=${on}` : ''}`)
        .expect(200)
    ).body as ListBody;
  const startItem = (code: string, who: MemberKey, inputs: object = {}) =>
    api(who).post(`/villages/${world.villageId}/matters`, {
      procedureId: code,
      inputs: { title: `${code} 事项`, ...inputs },
    });
  const requestChange = async (changes: object[], effectiveFrom = '2026-03-02') => {
    const response = await startItem('L1', 'secretary', { summary: '按需调整', effectiveFrom, changes });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  };
  const approveAll = async (request: MatterDriver) => {
    await request.ok('supervisor', 'SUPERVISOR_OPINION', { opinion: '同意', agree: true });
    await request.ok('township', 'TOWNSHIP_APPROVE', { opinion: '审核通过' });
    return request.ok('district', 'DISTRICT_APPROVE', { opinion: '批准' });
  };

  it('adds an X item that takes effect on its date, not before, and a matter runs on it to the end', async () => {
    const request = await requestChange(
      [{ kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse() }],
      '2026-03-10',
    );
    const approved = await approveAll(request);
    expect(approved).toMatchObject({ status: 'done', outcome: { state: 'approved' } });

    const early = await startItem('X1', 'villager1');
    expect(early.status).toBe(422);
    expect(early.body).toMatchObject({ code: 'LIST.ITEM_NOT_IN_FORCE' });
    expect((await lists()).powerList.map((item) => item.code)).not.toContain('X1');

    t.clock.set(new Date('2026-03-10T00:00:00Z'));
    const list = await lists();
    expect(list.version).toMatchObject({ village: 1, effectiveFrom: '2026-03-10' });
    expect(list.powerList.find((item) => item.code === 'X1')).toMatchObject({ origin: 'village' });
    const started = await startItem('X1', 'villager1').expect(201);
    const matter = new MatterDriver(t, world, (started.body as { id: string }).id);
    await matter.ok('secretary', 'APPROVE_USE', { opinion: '同意按计划用水' });
    const done = await matter.ok('supervisor', 'SUPERVISOR_APPROVE', { opinion: '收费标准符合村规民约' });
    expect(done).toMatchObject({ status: 'done', outcome: { state: 'closed' } });
  });

  it('shows a village item’s new version in the public catalog as soon as it is adopted', async () => {
    const adopt = async (withUseLog: boolean) =>
      approveAll(
        await requestChange([
          { kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse(withUseLog) },
        ]),
      );
    await adopt(false);
    const item = `/catalog/X1-${world.villageId}`;
    // Read once, so the newest version is remembered before the next adoption.
    expect((await api().get(item).expect(200)).body).toMatchObject({ version: 1 });
    await adopt(true);
    expect((await api().get(item).expect(200)).body).toMatchObject({ version: 2 });
  });

  it('lets a running matter finish on its old version after the item changes', async () => {
    await approveAll(
      await requestChange([{ kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse() }]),
    );
    const old = new MatterDriver(
      t,
      world,
      ((await startItem('X1', 'villager1').expect(201)).body as { id: string }).id,
    );

    await approveAll(
      await requestChange([
        { kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse(true) },
      ]),
    );

    const fresh = (await startItem('X1', 'villager1').expect(201)).body as {
      procedure: { version: number };
      state: string;
    };
    expect(fresh).toMatchObject({ procedure: { version: 2 }, state: 'approval' });
    await old.ok('secretary', 'APPROVE_USE', { opinion: '同意' });
    const finished = await old.ok('supervisor', 'SUPERVISOR_APPROVE', { opinion: '同意' });
    expect(finished).toMatchObject({
      procedure: { version: 1 },
      status: 'done',
      outcome: { state: 'closed' },
    });
  });

  it('leaves the list untouched when the township rejects the request', async () => {
    const before = await lists();
    const request = await requestChange([{ kind: 'retireItem', code: 'G2', reason: '证明事项已取消' }]);
    await request.ok('supervisor', 'SUPERVISOR_OPINION', { opinion: '不同意停用', agree: false });

    const rejected = await request.ok('township', 'TOWNSHIP_REJECT', { reason: '证明事项仍需办理' });

    expect(rejected).toMatchObject({ status: 'done', outcome: { state: 'rejected' } });
    expect(await lists()).toEqual(before);
    const history = await api().get(`/public/villages/${world.villageId}/lists/versions`).expect(200);
    expect((history.body as { versions: unknown[] }).versions).toEqual([]);
    await startItem('G2', 'villager1', { certificateType: 'residence', purpose: '办理证件' }).expect(201);
  });

  it('refuses an invalid procedure at submission, naming the state at fault, and starts nothing', async () => {
    const broken = wellUse();
    broken.machine.states!.orphan = { meta: { title: '无法到达的步骤' }, on: {} };
    const changes = [{ kind: 'addItem', code: 'X1', title: '机井用水审批', definition: broken }];

    const checked = await api('secretary')
      .post(`/villages/${world.villageId}/list-changes/check`, { changes })
      .expect(200);
    const refused = await startItem('L1', 'secretary', {
      summary: '新增',
      effectiveFrom: '2026-03-02',
      changes,
    });

    expect(checked.body).toMatchObject({ ok: false });
    const issues = (checked.body as { issues: { change: number; code: string; state?: string }[] }).issues;
    expect(issues).toContainEqual(expect.objectContaining({ change: 0, code: 'X1', state: 'orphan' }));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'LIST.CHANGE_INVALID', details: { issues } });
    const matters = await api('secretary').get(`/villages/${world.villageId}/matters`).expect(200);
    expect((matters.body as { total: number }).total).toBe(0);
  });

  it('refuses a change to a parameter the item does not have, listing those it has', async () => {
    const checked = await api('secretary')
      .post(`/villages/${world.villageId}/list-changes/check`, {
        changes: [{ kind: 'changeParameters', code: 'C1', parameters: { limit: 1 } }],
      })
      .expect(200);
    expect((checked.body as { issues: { message: string }[] }).issues[0].message).toContain(
      'townshipSignFrom',
    );
  });

  it('diffs two versions: items added, removed, and changed with procedure and parameter differences', async () => {
    const committee1 = world.people.committee1.personId;
    await approveAll(
      await requestChange([{ kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse() }]),
    );
    await approveAll(
      await requestChange([
        { kind: 'changeParameters', code: 'C1', parameters: { townshipSignFrom: 3000 } },
        { kind: 'retireItem', code: 'G2', reason: '证明事项已取消' },
        { kind: 'addItem', code: 'X1', title: '机井用水审批', definition: wellUse(true) },
        { kind: 'setResponsibility', code: 'X1', personId: committee1, duty: '受理用水申请' },
      ]),
    );

    const first = await api().get(`/public/villages/${world.villageId}/lists/diff?from=0&to=1`).expect(200);
    const second = await api().get(`/public/villages/${world.villageId}/lists/diff?from=1&to=2`).expect(200);

    expect(first.body).toMatchObject({
      added: [{ code: 'X1', title: '机井用水审批' }],
      removed: [],
      changed: [],
    });
    expect(second.body).toMatchObject({ added: [], removed: [{ code: 'G2' }] });
    const changed = (second.body as { changed: { code: string }[] }).changed;
    expect(changed.map((item) => item.code).sort()).toEqual(['C1', 'X1']);
    expect(changed.find((item) => item.code === 'C1')).toMatchObject({
      procedure: null,
      parameters: [{ name: 'townshipSignFrom', from: 5000, to: 3000 }],
    });
    expect(changed.find((item) => item.code === 'X1')).toMatchObject({
      procedure: {
        from: { version: 1 },
        to: { version: 2 },
        statesAdded: ['useLog'],
        statesRemoved: [],
        eventsAdded: ['RECORD_USE'],
      },
      responsible: { from: null, to: { personId: committee1, duty: '受理用水申请' } },
    });
    const list = await lists();
    expect(list.responsibilityList).toEqual([expect.objectContaining({ code: 'X1', duty: '受理用水申请' })]);
    expect(list.powerList.find((item) => item.code === 'C1')!.parameters).toMatchObject({
      townshipSignFrom: 3000,
    });
    const retired = await startItem('G2', 'villager1', { certificateType: 'residence', purpose: '办理证件' });
    expect(retired.body).toMatchObject({ code: 'LIST.ITEM_NOT_IN_FORCE' });
  });

  describe('the district’s base list (L2)', () => {
    const reviewer = async () => {
      const username = `reviewer-${world.districtId.slice(0, 8)}`;
      await api('district')
        .post(`/regions/${world.districtId}/officials`, {
          role: 'district_admin',
          person: { name: '审核人' },
          account: { username, password: 'correct horse battery' },
        })
        .expect(201);
      return takeUpLogin(t, username, 'correct horse battery');
    };
    const draft = (changes: object[], effectiveFrom = '2026-03-02') =>
      api('district').post(`/villages/${world.districtId}/matters`, {
        procedureId: 'L2',
        inputs: { title: '调整基本目录', summary: '按上级要求调整', effectiveFrom, changes },
      });

    it('is changed only by a second district official’s approval, and every village’s list follows', async () => {
      const started = await draft([
        { kind: 'changeParameters', code: 'C1', parameters: { townshipSignFrom: 2000 } },
        { kind: 'retireItem', code: 'H6', reason: '罢免程序改由乡镇指导' },
      ]).expect(201);
      const events = `/villages/${world.districtId}/matters/${(started.body as { id: string }).id}/events`;
      const approve = (token: string) =>
        t.api(token).post(events, { type: 'APPROVE_BASE_CHANGE', payload: { opinion: '同意发布' } });
      const selfApproval = await approve(world.people.district.token);
      expect(selfApproval.status).toBe(403);
      expect((await lists()).powerList.map((item) => item.code)).toContain('H6');

      await approve(await reviewer()).expect(200);

      const list = await lists();
      expect(list.powerList.map((item) => item.code)).not.toContain('H6');
      expect(list.powerList.find((item) => item.code === 'C1')!.parameters).toMatchObject({
        townshipSignFrom: 2000,
      });
      const other = await createVillage(t, { within: world });
      const theirs = (await api().get(`/public/villages/${other.villageId}/lists`).expect(200))
        .body as ListBody;
      expect(theirs.powerList.map((item) => item.code)).not.toContain('H6');
    });

    it('refuses at drafting a base item whose procedure lacks what its category requires', async () => {
      const definition = wellUse();
      const refused = await draft([
        {
          kind: 'addItem',
          code: 'A9',
          title: '新增重大事项',
          definition: { ...definition, category: 'A', statutoryClass: 'generalMajorMatter' },
        },
      ]);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'LIST.CHANGE_INVALID' });
      const issues = (refused.body as { details: { issues: { code: string; issue: string }[] } }).details
        .issues;
      expect(issues.every((issue) => issue.code === 'A9')).toBe(true);
      expect(issues.map((issue) => issue.issue)).toContain('GOVERNANCE.MISSING_STEP');
    });
  });

  describe('the negative list', () => {
    it('is published with the lists, the checkable entries marked as enforced', async () => {
      const { negativeList } = await lists();
      expect(negativeList.filter((entry) => entry.enforced).map((entry) => entry.code)).toEqual([
        'N1',
        'N2',
        'N3',
      ]);
    });

    it('refuses a seal use without a document reference, in the entry’s words', async () => {
      const refused = await startItem('G1', 'committee1', {
        kind: 'certificate',
        documentRef: ' ',
        purpose: '证明',
      });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N1' } });
      expect((refused.body as { message: string }).message).toContain('严禁在空白纸张');
    });

    it('refuses an approver approving a payment to themselves', async () => {
      const started = await startItem('C1', 'secretary', {
        amount: 800,
        voucherNo: 'P-001',
        purpose: '误工补贴',
        payeePersonId: world.people.committee1.personId,
      }).expect(201);
      const claim = new MatterDriver(t, world, (started.body as { id: string }).id);
      await claim.ok('committee2', 'WITNESS_SIGN', { note: '情况属实' });

      const refused = await claim.send('committee1', 'FINANCE_APPROVE', { opinion: '同意' });

      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N2' } });
      await claim.ok('committee2', 'FINANCE_APPROVE', { opinion: '同意' });
    });
  });
});
