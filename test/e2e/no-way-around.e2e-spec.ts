import request from 'supertest';
import type { ProcedureDefinition } from '../../workflows/index.js';
import { compensationDistributionProcedure } from '../../workflows/procedures/d7-compensation-distribution.procedure.js';
import { expenseClaimProcedure } from '../../workflows/procedures/c1-expense-claim.procedure.js';
import { certificateProcedure } from '../../workflows/procedures/g2-certificate.procedure.js';
import { homesteadProcedure } from '../../workflows/procedures/e1-homestead.procedure.js';
import { DAY_MS } from '../../src/common/clock.js';
import { localDate } from '../../src/time/calendar.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

/** A real item as JSON, to change the way a determined cadre would. */
const copyOf = (definition: ProcedureDefinition) =>
  JSON.parse(JSON.stringify(definition)) as ProcedureDefinition;

interface CheckBody {
  ok: boolean;
  issues: { issue: string; message: string }[];
}

/**
 * The ways around the procedure an outside tester found (issue 15, "Why"), each tried again over HTTP:
 * every one is now refused, with a code and a Chinese message, and changes nothing.
 */
describe('No way around the procedure', () => {
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
  const today = () => localDate(t.clock.now(), 'Asia/Shanghai');
  const dayAfter = (days: number) =>
    localDate(new Date(t.clock.now().getTime() + days * DAY_MS), 'Asia/Shanghai');
  const start = (code: string, who: MemberKey, inputs: object) =>
    api(who).post(`/villages/${world.villageId}/matters`, { procedureId: code, inputs });
  const started = async (code: string, who: MemberKey, inputs: object) => {
    const response = await start(code, who, inputs);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  };
  const check = async (changes: object[]) =>
    (await api('secretary').post(`/villages/${world.villageId}/list-changes/check`, { changes }).expect(200))
      .body as CheckBody;
  /** 四议's first three: the proposal, the two committees' meeting and the party members' meeting. */
  const proposeThroughPartyMeeting = async (matter: MatterDriver, plan: string) => {
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'party1', 'party2', 'party3', 'party5'],
      yes: ['secretary', 'committee1', 'party1', 'party2'],
    });
  };
  const approveAll = async (request: MatterDriver) => {
    await request.ok('supervisor', 'SUPERVISOR_OPINION', { opinion: '同意', agree: true });
    await request.ok('township', 'TOWNSHIP_APPROVE', { opinion: '审核通过' });
    return request.ok('district', 'DISTRICT_APPROVE', { opinion: '批准' });
  };
  const adopt = async (changes: object[]) =>
    approveAll(
      await started('L1', 'secretary', {
        title: '调整清单',
        summary: '调整',
        effectiveFrom: today(),
        changes,
      }),
    );

  it('refuses a village item whose free-text input, set to one magic value, jumps from acceptance to the end', async () => {
    const item = copyOf(certificateProcedure);
    item.machine.states!.acceptance.on!.ACCEPT_APPLICATION.unshift({
      guard: { type: 'inputEquals', params: { input: 'purpose', value: '特批' } },
      target: '#certificate.closed',
    });
    const checked = await check([{ kind: 'addItem', code: 'X1', title: '特批证明', definition: item }]);
    expect(checked.ok).toBe(false);
    expect(checked.issues).toContainEqual(
      expect.objectContaining({
        issue: 'GOVERNANCE.MISSING_STEP',
        message: expect.stringContaining('purpose = "特批"') as string,
      }),
    );
    const refused = await start('L1', 'secretary', {
      title: '调整清单',
      summary: '新增',
      effectiveFrom: today(),
      changes: [{ kind: 'addItem', code: 'X1', title: '特批证明', definition: item }],
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'LIST.CHANGE_INVALID' });
  });

  it('lets land compensation be decided only by the member assembly, two thirds of all, after ten days’ notice', async () => {
    const byRepresentatives = await start('A2', 'secretary', {
      title: '征地补偿费分配',
      matterClass: 'landCompensation',
      decidingBody: 'representatives',
    });
    expect(byRepresentatives.status).toBe(422);
    expect(byRepresentatives.body).toMatchObject({ code: 'MATTER.INPUTS_INVALID' });

    const matter = await started('A2', 'secretary', {
      title: '征地补偿费分配',
      matterClass: 'landCompensation',
      decidingBody: 'villagers',
    });
    await proposeThroughPartyMeeting(matter, '按人口平均分配');
    const unnoticed = await matter.send('secretary', 'CONVENE_MEETING', { heldOn: today(), ballot: 'open' });
    expect(unnoticed.status).toBe(422);
    expect(unnoticed.body).toMatchObject({ code: 'MEETING.NOTICE_TOO_SHORT', details: { noticeDays: 10 } });
    expect((unnoticed.body as { message: string }).message).toContain('集体经济组织成员大会');
  });

  it('refuses at admission an override that lets the representatives decide land compensation (D7)', async () => {
    const checked = await check([
      {
        kind: 'changeParameters',
        code: 'D7',
        parameters: { voteRuleSet: 'collective-representative-assembly' },
      },
    ]);
    expect(checked.ok).toBe(false);
    expect(checked.issues.map((issue) => issue.issue)).toContain('GOVERNANCE.RULE_SET_WRONG_BODY');
  });

  it('refuses at admission an override that shortens 低保’s seven-day notice (F1), citing the rule', async () => {
    const checked = await check([
      { kind: 'changeParameters', code: 'F1', parameters: { noticePeriod: { days: 1, unit: 'calendar' } } },
    ]);
    expect(checked.ok).toBe(false);
    expect(checked.issues).toContainEqual(
      expect.objectContaining({
        issue: 'GOVERNANCE.PERIOD_BELOW_LAW',
        message: expect.stringContaining('民发〔2021〕57号') as string,
      }),
    );
    const longer = await check([
      { kind: 'changeParameters', code: 'F1', parameters: { noticePeriod: { days: 10, unit: 'calendar' } } },
    ]);
    expect(longer).toMatchObject({ ok: true, issues: [] });
  });

  it('refuses at admission a notice shorter than the district’s base list sets, where no national rule fixes one', async () => {
    const periods = (code: string, key: string, ...values: object[]) =>
      Promise.all(
        values.map((value) => check([{ kind: 'changeParameters', code, parameters: { [key]: value } }])),
      );
    const [oneDay, fiveWorking, tenDays] = await periods(
      'E1',
      'villagePublicPeriod',
      { days: 1, unit: 'calendar' },
      // Five working days can end on the fifth calendar day: shorter than the base list's seven.
      { days: 5, unit: 'working' },
      { days: 10, unit: 'calendar' },
    );
    for (const shortened of [oneDay, fiveWorking]) {
      expect(shortened.ok).toBe(false);
      expect(shortened.issues).toContainEqual(
        expect.objectContaining({
          issue: 'LIST.PERIOD_BELOW_BASE',
          path: 'parameters.villagePublicPeriod',
          message: expect.stringContaining('7 日') as string,
        }),
      );
    }
    expect(tenDays).toMatchObject({ ok: true, issues: [] });
    // Nor by retiring the item for a copy of it with a shorter notice.
    const copy = await check([
      { kind: 'retireItem', code: 'E1', reason: '改用本村流程' },
      {
        kind: 'addItem',
        code: 'X1',
        title: '本村宅基地申请',
        fromBase: 'E1',
        parameters: { villagePublicPeriod: { days: 1, unit: 'calendar' } },
      },
    ]);
    expect(copy.issues).toContainEqual(
      expect.objectContaining({ code: 'X1', issue: 'LIST.PERIOD_BELOW_BASE' }),
    );
    // Seven calendar days may hold fewer than five working days (a holiday week): the subsidy register's
    // working days stay working days.
    const [calendarWeek] = await periods('F4', 'noticePeriod', { days: 7, unit: 'calendar' });
    expect(calendarWeek.issues.map((issue) => issue.issue)).toEqual(['LIST.PERIOD_BELOW_BASE']);
    // A deadline for the party committee above is no public notice: the village may ask for it sooner.
    const [sooner] = await periods('H1', 'approvalPeriod', { days: 30, unit: 'calendar' });
    expect(sooner.issues.map((issue) => issue.issue)).not.toContain('LIST.PERIOD_BELOW_BASE');
  });

  it('holds a village’s own item to the base list’s notices for items like it, however it is written', async () => {
    const oneDay = { days: 1, unit: 'calendar' };
    const refusedShort = (checked: CheckBody) => {
      expect(checked.ok).toBe(false);
      expect(checked.issues).toContainEqual(
        expect.objectContaining({
          issue: 'LIST.PERIOD_BELOW_BASE',
          message: expect.stringContaining('7 日（E1）') as string,
        }),
      );
    };
    // 宅基地申请 copied as JSON, without saying it was made from E1, with a one-day notice.
    const copy = copyOf(homesteadProcedure);
    copy.parameters = { ...copy.parameters, villagePublicPeriod: oneDay };
    refusedShort(await check([{ kind: 'addItem', code: 'X1', title: '本村宅基地', definition: copy }]));
    // The notice renamed to a kind the base list has not, its period written in place.
    const renamed = JSON.parse(
      JSON.stringify(copyOf(homesteadProcedure)).replace(
        '"kind":"resolution","period":{"$param":"villagePublicPeriod"}',
        '"kind":"notice","period":{"days":3,"unit":"calendar"}',
      ),
    ) as ProcedureDefinition;
    expect(JSON.stringify(renamed)).toContain('"kind":"notice"');
    refusedShort(await check([{ kind: 'addItem', code: 'X1', title: '本村宅基地', definition: renamed }]));
    // Admitted as E1 keeps it, then shortened by a later change of the same request.
    const admitted = await check([
      { kind: 'addItem', code: 'X1', title: '本村宅基地', definition: copyOf(homesteadProcedure) },
    ]);
    expect(admitted).toMatchObject({ ok: true, issues: [] });
    refusedShort(
      await check([
        { kind: 'addItem', code: 'X1', title: '本村宅基地', definition: copyOf(homesteadProcedure) },
        { kind: 'changeParameters', code: 'X1', parameters: { villagePublicPeriod: oneDay } },
      ]),
    );
    // A copy made from the base item (basedOn) is held after admission too: the subsidy register's five
    // working days cannot become one by a change that follows.
    const subsidy = await check([
      { kind: 'addItem', code: 'X2', title: '本村补贴名册', fromBase: 'F4' },
      { kind: 'changeParameters', code: 'X2', parameters: { noticePeriod: { days: 1, unit: 'working' } } },
    ]);
    expect(subsidy.issues).toContainEqual(
      expect.objectContaining({
        code: 'X2',
        issue: 'LIST.PERIOD_BELOW_BASE',
        path: 'parameters.noticePeriod',
        message: expect.stringContaining('5 个工作日（F4）') as string,
      }),
    );
    // Longer is always the village's to choose.
    const longer = copyOf(homesteadProcedure);
    longer.parameters = { ...longer.parameters, villagePublicPeriod: { days: 10, unit: 'calendar' } };
    expect(
      await check([{ kind: 'addItem', code: 'X1', title: '本村宅基地', definition: longer }]),
    ).toMatchObject({
      ok: true,
      issues: [],
    });
  });

  it('refuses a village copy of D7 voted by the representatives, citing the law', async () => {
    const copy = copyOf(compensationDistributionProcedure);
    const convene = copy.machine.states!.resolutionMeeting.states!.convening.on!.CONVENE_MEETING[0];
    convene.actions![0].params = { body: 'representatives', ruleSet: 'collective-representative-assembly' };
    const checked = await check([{ kind: 'addItem', code: 'X1', title: '补偿款分配', definition: copy }]);
    expect(checked.ok).toBe(false);
    expect(checked.issues).toContainEqual(
      expect.objectContaining({
        issue: 'GOVERNANCE.MISSING_STEP',
        message: expect.stringMatching(/征地补偿费.*第二十八条/) as string,
      }),
    );
    const fromBase = await check([
      {
        kind: 'addItem',
        code: 'X2',
        title: '补偿款分配',
        fromBase: 'D7',
        parameters: { voteRuleSet: 'land-two-thirds' },
      },
    ]);
    expect(fromBase.ok).toBe(false);
  });

  it('gives the villager meeting’s land and recall votes ten days’ notice', async () => {
    const plan = await started('A2', 'secretary', {
      title: '第二轮土地承包方案',
      matterClass: 'landContractingPlan',
      decidingBody: 'villagers',
    });
    await proposeThroughPartyMeeting(plan, '按户籍人口承包');
    // Notice given today: a meeting today or in nine days is too soon, in ten days it may be held.
    for (const days of [0, 9]) {
      const short = await plan.send('secretary', 'CONVENE_MEETING', {
        heldOn: dayAfter(days),
        noticeGivenOn: today(),
        ballot: 'open',
      });
      expect(short.status).toBe(422);
      expect(short.body).toMatchObject({ code: 'MEETING.NOTICE_TOO_SHORT', details: { noticeDays: 10 } });
    }
    const noticed = await plan.ok('secretary', 'CONVENE_MEETING', {
      heldOn: dayAfter(10),
      noticeGivenOn: today(),
      ballot: 'open',
    });
    const meetings = (noticed as unknown as { meetings: { ruleSet: { code: string } }[] }).meetings;
    expect(meetings.at(-1)?.ruleSet.code).toMatch(/^land-two-thirds(@|$)/);

    const recall = await started('H6', 'villager1', {
      title: '罢免村委会委员',
      member: '某委员',
      proposers: 120,
      basis: 'voters',
      reason: '严重失职',
    });
    await recall.ok('township', 'TOWNSHIP_APPROVE', { opinion: '联名人数符合规定' });
    const unnoticed = await recall.send('secretary', 'CONVENE_MEETING', {
      heldOn: today(),
      ballot: 'secret',
    });
    expect(unnoticed.status).toBe(422);
    expect(unnoticed.body).toMatchObject({ code: 'MEETING.NOTICE_TOO_SHORT', details: { noticeDays: 10 } });
  });

  it('puts loans and guarantees to the collective’s assembly, and refuses a guarantee for an outsider', async () => {
    const loan = await started('G1', 'committee1', {
      title: '村集体借款',
      kind: 'loan',
      documentRef: '借款合同（草案）',
      purpose: '修建冷库',
      decidingBody: 'representatives',
    });
    const convened = await loan.ok('secretary', 'CONVENE_MEETING', { heldOn: today(), ballot: 'open' });
    expect(
      (convened as unknown as { meetings: { ruleSet: { code: string } }[] }).meetings[0].ruleSet.code,
    ).toBe('collective-representative-assembly');
    const guarantee = await start('G1', 'committee1', {
      title: '为外村企业担保',
      kind: 'guarantee',
      documentRef: '担保函',
      purpose: '贷款担保',
      decidingBody: 'representatives',
      guaranteeBeneficiary: 'outsider',
    });
    expect(guarantee.status).toBe(403);
    expect(guarantee.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N3' } });
  });

  it('lets no village cadre end a minimum living allowance application: the township decides', async () => {
    const application = await started('F1', 'villager1', { title: '低保申请', household: 'H11' });
    const refused = await application.send('committee1', 'REFUSE_APPLICATION', { reason: '不符合条件' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EVENT.UNKNOWN' });
    await application.ok('committee1', 'REQUEST_MATERIALS', { missing: '收入证明' });
    await application.ok('committee1', 'ACCEPT_APPLICATION', {});
    await application.ok('committee1', 'RECORD_SURVEY', {
      investigators: ['张三', '李四'],
      findings: '属实',
    });
    const appraised = await application.holdMeeting({
      present: ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4', 'rep5'],
      no: ['secretary', 'committee1', 'committee2', 'rep1', 'rep2'],
      yes: ['rep3'],
    });
    // A lost appraisal goes up with the file: only the township may refuse.
    expect(appraised).toMatchObject({ status: 'active', state: 'villageNotice.drafting' });
  });

  it('lets no village cadre end an extreme poverty application (F3) either: the file goes up to the township', async () => {
    const application = await started('F3', 'villager1', { title: '特困认定申请', person: '王某' });
    const refused = await application.send('committee1', 'REFUSE_APPLICATION', { reason: '不符合条件' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EVENT.UNKNOWN' });
    await application.ok('committee1', 'ACCEPT_APPLICATION', {});
    const surveyed = await application.ok('committee1', 'RECORD_SURVEY', {
      investigators: ['张三', '李四'],
      findings: '经调查，申请人有赡养人，不符合特困条件',
    });
    // A survey against the applicant is a finding the township weighs, not an end the village may reach.
    expect(surveyed).toMatchObject({ status: 'active' });
    const village = ['secretary', 'committee1', 'committee2'] as const;
    for (const who of village) {
      for (const type of ['REFUSE_APPLICATION', 'TOWNSHIP_REJECT', 'TOWNSHIP_DECIDE', 'ABANDON']) {
        const attempt = await application.send(who, type, { reason: '不符合条件', opinion: '不予认定' });
        expect(attempt.status).toBeGreaterThanOrEqual(400);
      }
    }
    expect((await application.read()).status).toBe('active');
  });

  it('holds a village’s copy of an item to the negative list as the original (N1, N2)', async () => {
    await adopt([
      { kind: 'addItem', code: 'X1', title: '本村用印', fromBase: 'G1' },
      { kind: 'addItem', code: 'X2', title: '本村报账', fromBase: 'C1' },
    ]);
    const blank = await start('X1', 'committee1', {
      title: '用印',
      kind: 'certificate',
      documentRef: '  ',
      purpose: '证明',
    });
    expect(blank.status).toBe(403);
    expect(blank.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N1' } });

    const claim = await started('X2', 'secretary', {
      title: '误工补贴',
      amount: 800,
      voucherNo: 'P-001',
      purpose: '误工补贴',
      payeePersonId: world.people.committee1.personId,
    });
    await claim.ok('committee2', 'WITNESS_SIGN', { note: '情况属实' });
    const selfPaid = await claim.send('committee1', 'FINANCE_APPROVE', { opinion: '同意' });
    expect(selfPaid.status).toBe(403);
    expect(selfPaid.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N2' } });
  });

  it('holds an item copied as JSON with its payee field renamed to N2, by who the matter names', async () => {
    const renamed = copyOf(expenseClaimProcedure);
    const inputs = renamed.inputSchema.properties as Record<string, object>;
    inputs.receiver = inputs.payeePersonId;
    delete inputs.payeePersonId;
    await adopt([{ kind: 'addItem', code: 'X3', title: '本村报账', definition: renamed }]);
    const claim = await started('X3', 'secretary', {
      title: '误工补贴',
      amount: 800,
      voucherNo: 'P-002',
      purpose: '误工补贴',
      receiver: world.people.committee1.personId,
    });
    const witnessed = await claim.ok('committee2', 'WITNESS_SIGN', { note: '情况属实' });
    const selfPaid = await claim.send('committee1', 'FINANCE_APPROVE', { opinion: '同意' });
    expect(selfPaid.status).toBe(403);
    expect(selfPaid.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N2' } });
    expect((await claim.read()).state).toEqual(witnessed.state);
  });

  it('reads the payee in any form the uuid format takes, and never from free text', async () => {
    const claim = (purpose: string, payeePersonId?: string) =>
      started('C1', 'secretary', { title: '报账', amount: 800, voucherNo: 'P-003', purpose, payeePersonId });
    const self = world.people.committee1.personId;
    for (const disguised of [self.toUpperCase(), `urn:uuid:${self}`]) {
      const matter = await claim('误工补贴', disguised);
      await matter.ok('committee2', 'WITNESS_SIGN', { note: '情况属实' });
      const selfPaid = await matter.send('committee1', 'FINANCE_APPROVE', { opinion: '同意' });
      expect(selfPaid.body).toMatchObject({ code: 'LIST.NEGATIVE_LIST', details: { code: 'N2' } });
    }
    // An id typed into free text names nobody: a starter cannot bar the approver they would rather avoid.
    const barred = await claim(self);
    await barred.ok('committee2', 'WITNESS_SIGN', { note: '情况属实' });
    await barred.ok('committee1', 'FINANCE_APPROVE', { opinion: '同意' });
  });

  it('keeps a secretary from taking over another village’s person', async () => {
    const neighbour = await createVillage(t, { within: world });
    const theirs = neighbour.people.villager2.personId;
    const membership = await api('secretary').post(`/villages/${world.villageId}/memberships`, {
      personId: theirs,
      role: 'villager',
    });
    expect(membership.status).toBe(403);
    expect(membership.body).toMatchObject({ code: 'PERSON.OTHER_VILLAGE' });
    const account = await api('secretary').post(`/villages/${world.villageId}/people/${theirs}/account`, {
      username: 'taken-over',
      password: 'a-long-password',
    });
    expect(account.status).toBe(403);
    const members = await api('secretary').get(`/villages/${world.villageId}/members`).expect(200);
    expect((members.body as { person: { id: string } }[]).map((member) => member.person.id)).not.toContain(
      theirs,
    );
  });

  it('keeps refused payloads to their field limits, and outsiders out of the village’s chain', async () => {
    const matter = await MatterDriver.start(t, world);
    const huge = '长'.repeat(60_000);
    await matter.send('villager1', 'PROPOSE_PLAN', { plan: huge }).expect(403);
    const refusal = (await matter.trace()).at(-1) as unknown as {
      accepted: boolean;
      payload: { plan: string };
    };
    expect(refusal.accepted).toBe(false);
    // The plan's schema allows 20,000 characters: that much is kept, and a note of the cut.
    expect(refusal.payload.plan.length).toBeLessThan(20_100);
    expect(refusal.payload.plan).toContain('已截断');

    const neighbour = await createVillage(t, { within: world });
    const before = await matter.trace();
    await t
      .api(neighbour.people.secretary.token)
      .post(`${matter.path}/events`, { type: 'PROPOSE_PLAN', payload: { plan: huge } })
      .expect(404);
    expect(await matter.trace()).toEqual(before);
  });

  it('answers a lone UTF-16 surrogate in any text with a 400, not a server error', async () => {
    const matter = await MatterDriver.start(t, world);
    // Raw JSON text: a JavaScript string cannot carry the escape through a serialiser unchanged.
    const response = await request(t.app.getHttpServer())
      .post(`/api${matter.path}/events`)
      .set('authorization', `Bearer ${world.people.secretary.token}`)
      .set('content-type', 'application/json')
      .send('{"type":"PROPOSE_PLAN","payload":{"plan":"方案\\ud800"}}');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'REQUEST.INVALID' });
    expect((response.body as { message: string }).message).toContain('无效的字符');
    expect((await matter.read()).state).toBe('topicIntake');
  });
});
