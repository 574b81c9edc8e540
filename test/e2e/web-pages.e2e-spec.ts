import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PersonEntity } from '../../src/identity/person.entity.js';
import { RegistersRepository } from '../../src/registers/registers.repository.js';
import { BASE_CATALOG, type ProcedureDefinition } from '../../workflows/index.js';
import { compensationDistributionProcedure } from '../../workflows/procedures/d7-compensation-distribution.procedure.js';
import { toCsv } from '../../src/export/csv.js';
import { REGISTER_COLUMNS } from '../../src/registers/register-layout.js';
import {
  createVillage,
  TEST_PASSWORD,
  type MemberKey,
  type VillageWorld,
} from '../factories/village.factory.js';
import { CatalogWalker } from '../factories/catalog-walker.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { consoleCookie, flashOf } from '../support/console-login.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The server-rendered pages over HTTP: what the browser tests rely on, checked without a browser. */
describe('Web pages', () => {
  let t: TestApp;
  let world: VillageWorld;
  const web = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    world = await createVillage(t);
  });

  const logIn = (who: MemberKey) => consoleCookie(t, world, who);

  /** A C3 matter (财务公开) a committee member started: its id and its console page. */
  const startC3 = async (title = '财务公开') => {
    const started = await t
      .api(world.people.committee1.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'C3',
        inputs: { title, period: '2026-02' },
      })
      .expect(201);
    const { id } = started.body as { id: string };
    return { id, matter: `/c/v/${world.villageId}/m/${id}` };
  };

  it('shows the public pages without a login, in Chinese', async () => {
    const home = await web().get('/').expect(200);
    expect(home.headers['content-type']).toMatch(/^text\/html/);
    expect(home.text).toContain('<html lang="zh-CN">');
    expect(home.text).toContain(`/p/${world.villageId}`);
    expect((await web().get(`/p/${world.villageId}`).expect(200)).text).toContain('正在公示');
    expect((await web().get(`/p/${world.villageId}/lists`).expect(200)).text).toContain('负面清单');
    expect((await web().get(`/p/${world.villageId}/verify`).expect(200)).text).toContain('核验通过');
    const css = await web().get('/assets/app.css').expect(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('sends a visitor of the console to the login page and back', async () => {
    const console = await web().get(`/c/v/${world.villageId}`).expect(303);
    expect(console.headers.location).toBe(`/login?next=${encodeURIComponent(`/c/v/${world.villageId}`)}`);
  });

  it('sets an HttpOnly, SameSite=Strict session cookie, and never redirects off the site', async () => {
    const response = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people.secretary.username, password: TEST_PASSWORD, next: '//evil.example/x' })
      .expect(303);
    expect(response.headers.location).toBe('/c');
    const cookie = (response.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    // Browsers read `/\host` and `/\t/host` as `//host`: each lands on the workbench instead.
    for (const next of ['/\\evil.example', '/\t/evil.example', '/%0a', '/c/v/x\\y']) {
      const redirected = await web()
        .post('/login')
        .type('form')
        .send({
          username: world.people.secretary.username,
          password: TEST_PASSWORD,
          next: next.replace('%0a', '\n'),
        })
        .expect(303);
      expect([next, redirected.headers.location]).toEqual([next, '/c']);
    }
    const inside = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people.secretary.username, password: TEST_PASSWORD, next: '/c/v/1?x=a%2Fb' })
      .expect(303);
    expect(inside.headers.location).toBe('/c/v/1?x=a%2Fb');
  });

  it('answers a wrong password with the page and a Chinese message', async () => {
    const response = await web()
      .post('/login')
      .type('form')
      .send({ username: world.people.secretary.username, password: 'wrong password' })
      .expect(401);
    expect(response.text).toContain('用户名或密码不正确');
  });

  it('sends a login someone else opened to set its own password before anything else', async () => {
    await t
      .api(world.people.township.token)
      .post(`/villages/${world.villageId}/people`, {
        name: '新代表',
        roles: [{ role: 'representative' }],
        account: { username: `rep-${world.villageId.slice(0, 8)}`, password: 'township-knows-this' },
      })
      .expect(201);
    const username = `rep-${world.villageId.slice(0, 8)}`;
    const login = (password: string) =>
      web().post('/login').type('form').send({ username, password, next: '/c' }).expect(303);
    const first = await login('township-knows-this');
    expect(first.headers.location).toBe('/password?next=%2Fc');
    const cookie = (first.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    // Logging out ends such a session too, for good.
    const other = (await login('township-knows-this')).headers['set-cookie'] as unknown as string[];
    const otherToken = other[0].split(';')[0].split('=')[1];
    await t.api(otherToken).get('/me').expect(200);
    await web().post('/logout').set('Cookie', other[0].split(';')[0]).expect(303);
    await t.api(otherToken).get('/me').expect(401);
    // The console acts in nobody's name on the opener's password: every page leads to the form.
    const console = await web().get(`/c/v/${world.villageId}`).set('Cookie', cookie).expect(303);
    expect(console.headers.location).toBe(`/password?next=${encodeURIComponent(`/c/v/${world.villageId}`)}`);
    const form = await web().get('/password?next=%2Fc').set('Cookie', cookie).expect(200);
    expect(form.text).toContain('开通的人知道现在的密码');
    const set = (fields: object) => web().post('/password').type('form').set('Cookie', cookie).send(fields);
    const mismatch = await set({
      currentPassword: 'township-knows-this',
      newPassword: 'only-mine-2026',
      repeatPassword: 'only-mine-2062',
      next: '/c',
    }).expect(303);
    expect(flashOf(mismatch)).toBe('error: 两次输入的新密码不一致，请重新输入');
    const wrong = await set({
      currentPassword: 'a guess',
      newPassword: 'only-mine-2026',
      repeatPassword: 'only-mine-2026',
      next: '/c',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('用户名或密码不正确');
    const done = await set({
      currentPassword: 'township-knows-this',
      newPassword: 'only-mine-2026',
      repeatPassword: 'only-mine-2026',
      next: '/c',
    }).expect(303);
    expect(done.headers.location).toBe('/c');
    expect(flashOf(done)).toBe('ok: 新密码已设置，以后请用新密码登录');
    // The old session ended with the old password; the browser goes on with a new one.
    await web().get('/c').set('Cookie', cookie).expect(303);
    const renewed = (done.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    await web().get(`/c/v/${world.villageId}`).set('Cookie', renewed).expect(200);
    expect(
      (await web().post('/login').type('form').send({ username, password: 'township-knows-this' })).status,
    ).toBe(401);
    expect((await login('only-mine-2026')).headers.location).toBe('/c');
  });

  it('shows what will be recorded before an act, and records it only when confirmed', async () => {
    const { id, matter } = await startC3('<b>财务</b>公开');
    const cookie = await logIn('supervisor');
    const page = await web().get(matter).set('cookie', cookie).expect(200);
    expect(page.text).toContain('&lt;b&gt;财务&lt;/b&gt;公开');
    expect(page.text).not.toContain('<b>财务</b>');

    const form = { type: 'SUPERVISOR_APPROVE', opinion: '凭证齐全' };
    const confirm = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send(form)
      .expect(200);
    expect(confirm.text).toContain('确认提交');
    expect(confirm.text).toContain('返回修改');
    // 返回修改 brings the form back as it was filled in, from the confirmation page's own fields.
    const edit = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, opinion: '凭证齐全，另附说明', edit: 'yes' })
      .expect(200);
    expect(edit.text).toMatch(
      /<textarea[^>]*name="opinion"[^>]*>凭证齐全，另附说明<\/textarea>|value="凭证齐全，另附说明"/,
    );
    const before = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${id}/trace`);
    expect((before.body as unknown[]).length).toBe(1);

    const done = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, confirmed: 'yes' })
      .expect(303);
    expect(flashOf(done)).toMatch(/^ok: 已办理/);
    const after = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${id}/trace`);
    expect((after.body as { eventType: string }[]).map((row) => row.eventType)).toEqual([
      'START',
      'SUPERVISOR_APPROVE',
    ]);
  });

  it('explains a refused act in Chinese and changes nothing', async () => {
    const { id, matter } = await startC3();
    const cookie = await logIn('villager1');
    const refused = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ type: 'SUPERVISOR_APPROVE', opinion: '同意', confirmed: 'yes' })
      .expect(403);
    // The page answers with the API's status for the refusal and names its code, as the API's body does.
    expect(refused.headers['x-error-code']).toBe('AUTH.ROLE_NOT_ALLOWED');
    expect(refused.text).toContain('您的角色不能进行这一步操作');
    const trace = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${id}/trace`);
    expect((trace.body as { eventType: string; accepted: boolean }[]).at(-1)).toMatchObject({
      eventType: 'SUPERVISOR_APPROVE',
      accepted: false,
    });
  });

  it('shows the base catalog with each item’s flowchart, without a login', async () => {
    expect((await web().get('/p/catalog').expect(200)).text).toContain('A1 村级重大事项决策');
    const item = await web().get('/p/catalog/A1').expect(200);
    expect(item.text).toContain('<svg');
    expect(item.text).toContain('廉政风险点');
  });

  it('shows a matter’s public record once something of it is public, with roles but not names', async () => {
    const { id } = await startC3('二月财务公开');
    await web().get(`/p/${world.villageId}/m/${id}`).expect(404);
    const events = `/villages/${world.villageId}/matters/${id}/events`;
    const send = (who: MemberKey, type: string, payload: object) =>
      t.api(world.people[who].token).post(events, { type, payload }).expect(200);
    await send('supervisor', 'SUPERVISOR_APPROVE', { opinion: '属实' });
    await send('committee1', 'SUBMIT_DISCLOSURE', { title: '二月收支情况', body: '收入 3 万元' });
    await send('supervisor', 'GIVE_OPINION', { opinion: '同意公开' });

    const record = await web().get(`/p/${world.villageId}/m/${id}`).expect(200);

    expect(record.text).toContain('二月收支情况');
    expect(record.text).toContain('<svg');
    expect(record.text).toContain('村务监督委员会成员：监督委员会审核同意');
    expect(record.text).not.toContain('supervisor（');
  });

  it('builds an X item step by step, the admission check beside the step at fault, then submits it', async () => {
    const cookie = await logIn('secretary');
    const post = (fields: Record<string, string | string[]>) =>
      web().post(`/c/v/${world.villageId}/x-item`).set('cookie', cookie).type('form').send(fields);
    const item = {
      code: 'X1',
      title: '农村危房改造申请（协助）',
      category: 'F',
      description: '农户申请，村里协助，乡镇审批',
      basis: '县住建局危房改造实施方案',
      startRoles: ['villager', 'committee_member'],
      effectiveFrom: '2026-03-02',
      'kind.0': 'accept',
      'kind.1': 'approval',
    };

    // Without 公示 and 乡镇审批 the checker names both at the end of the steps, and nothing is started.
    const missing = await post({ ...item, op: 'submit' }).expect(422);
    expect(missing.text).toContain('类别 F 要求“公开（公示）”');
    expect(missing.text).toContain('类别 F 要求“乡镇审核或审批”');
    expect(missing.text).toContain('准入审查：未通过');

    // Adding a step keeps what was typed and puts the new step last with its defaults.
    const added = await post({ ...item, op: 'add', addKind: 'notice' }).expect(200);
    expect(added.text).toContain('value="农村危房改造申请（协助）"');
    expect(added.text).toContain('第 3 步：公示');
    expect(added.text).toMatch(/name="days\.2"[^>]*value="7"/);

    // A public period below the floor is refused beside its step; moving a step re-numbers the rest.
    const short = await post({ ...item, 'kind.2': 'notice', 'days.2': '1', op: 'up:2' }).expect(200);
    expect(short.text).toContain('第 2 步：公示');
    expect(short.text).toMatch(
      /data-step="1"><p class="field-problem" role="alert">公示天数须为 5 至 30 之间的整数/,
    );

    const complete = {
      ...item,
      'kind.0': 'assist',
      'kind.1': 'survey',
      'investigators.1': '2',
      'kind.2': 'notice',
      'days.2': '7',
      'unit.2': 'calendar',
      'kind.3': 'township',
      'limitDays.3': '10',
    };
    const checked = await post({ ...complete, op: 'check' }).expect(200);
    expect(checked.text).toContain('准入审查：通过');
    expect(checked.text).toContain('<svg');
    expect(checked.text).not.toContain('villageItem');

    const accepted = await post({ ...complete, op: 'submit' }).expect(303);
    expect(flashOf(accepted)).toContain('调整申请已提交');
    const matters = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters`)
      .expect(200);
    expect(
      (matters.body as { items: { procedureId: string }[] }).items.map((item) => item.procedureId),
    ).toContain('L1');
  });

  it('refuses a crafted step or a step list past its bounds without starting anything', async () => {
    const cookie = await logIn('secretary');
    const refused = await web()
      .post(`/c/v/${world.villageId}/x-item`)
      .set('cookie', cookie)
      .type('form')
      .send({
        code: 'X2',
        title: '捷径',
        category: 'C',
        description: 'x',
        basis: 'x',
        startRoles: 'villager',
        effectiveFrom: '2026-03-02',
        'kind.0': 'jumpToClosed',
        'kind.1': 'approval',
        'kind.2': 'approval',
        'days.1': 'abc',
        op: 'submit',
      })
      .expect(422);
    expect(refused.text).toContain('未知的步骤');
    expect(refused.text).toContain('“两委”审批”一个事项最多 1 个');
    const none = await t.api(world.people.secretary.token).get(`/villages/${world.villageId}/matters`);
    expect((none.body as { items: { procedureId: string }[] }).items.map((i) => i.procedureId)).not.toContain(
      'L1',
    );
  });

  it('lets an amount be typed in 元, 角 and 分 on a start form (the browser reads step="any")', async () => {
    const cookie = await logIn('secretary');
    const page = await web().get(`/c/v/${world.villageId}/start?code=B1`).set('cookie', cookie).expect(200);
    const amount = /<input type="number"[^>]*name="amount"[^>]*>/.exec(page.text)?.[0];
    expect(amount).toContain(' step="any" inputmode="decimal"');
  });

  it('brings a refused start back as it was filled in, and records declared conflicts of interest', async () => {
    const cookie = await logIn('secretary');
    const form = {
      code: 'A1',
      title: '修建村北<桥>',
      topicSource: 'public_suggestion',
      matterClass: 'publicWelfareProject',
      decidingBody: 'representatives',
      conflictRelation: 'closeRelative',
      conflictNote: '施工方负责人之兄',
    };
    const refused = await web()
      .post(`/c/v/${world.villageId}/start`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, conflictPerson: 'not-a-person' })
      .expect(400);
    expect(refused.headers['x-error-code']).toBe('REQUEST.INVALID');
    expect(refused.text).toContain('回避申报的关系或说明填写有误');
    expect(refused.text).toContain('value="修建村北&lt;桥&gt;"');
    expect(refused.text).toContain('value="施工方负责人之兄"');
    const none = await t.api(world.people.secretary.token).get(`/villages/${world.villageId}/matters`);
    expect((none.body as { items: unknown[] }).items).toEqual([]);

    const started = await web()
      .post(`/c/v/${world.villageId}/start`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, conflictPerson: world.people.rep5.personId })
      .expect(303);
    const matterId = decodeURIComponent(started.headers.location).split('/m/')[1].split('?')[0];
    const view = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${matterId}`)
      .expect(200);
    expect(view.body).toMatchObject({
      title: '修建村北<桥>',
      conflicts: [
        { personId: world.people.rep5.personId, relation: 'closeRelative', note: '施工方负责人之兄' },
      ],
    });
    const page = await web().get(`/c/v/${world.villageId}/m/${matterId}`).set('cookie', cookie).expect(200);
    expect(page.text).toContain('回避人员');
    // The person stood aside reads why, and who declared it.
    const theirs = await web()
      .get(`/c/v/${world.villageId}/m/${matterId}`)
      .set('cookie', await logIn('rep5'))
      .expect(200);
    expect(theirs.text).toContain('您已被申报回避（申请人、投标人或收款人的近亲属）：施工方负责人之兄。');
  });

  it('asks for the survey’s investigators one a line, names the field a refusal is about, and keeps the form', async () => {
    const definition = BASE_CATALOG.find((entry) => entry.id === 'F1') as ProcedureDefinition;
    const { matterId, state } = await new CatalogWalker(t, world).walk(definition, 'survey');
    expect(state).toBe('survey');
    const matter = `/c/v/${world.villageId}/m/${matterId}`;
    const cookie = await logIn('committee1');
    const page = await web().get(matter).set('cookie', cookie).expect(200);
    expect(page.text).toContain('调查人员（每行一人）（必填）');
    expect(page.text).toContain('<textarea id="RECORD_SURVEY-investigators" name="investigators"');
    expect(page.text).not.toContain('>findings<');

    const oneInvestigator = {
      type: 'RECORD_SURVEY',
      investigators: '张三',
      findings: '家庭人均收入低于标准',
    };
    const refused = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...oneInvestigator, confirmed: 'yes' })
      .expect(422);
    expect(refused.headers['x-error-code']).toBe('EVENT.PAYLOAD_INVALID');
    expect(refused.text).toContain('请检查：调查人员（每行一人）：至少 2 项');
    expect(refused.text).toContain('<p class="field-problem" id="RECORD_SURVEY-investigators-problem">');
    expect(refused.text).toContain('家庭人均收入低于标准</textarea>');

    const twoInvestigators = { ...oneInvestigator, investigators: '张三\r\n李四' };
    const confirm = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send(twoInvestigators)
      .expect(200);
    expect(confirm.text).toMatch(/<dd>张三、李四<\/dd>/);
    const confirming = confirm.text.split('</form>').find((form) => form.includes('name="confirmed"'))!;
    const hidden = [...confirming.matchAll(/<input type="hidden" name="investigators" value="([^"]+)">/g)];
    expect(hidden.map(([, name]) => name)).toEqual(['张三', '李四']);
    await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({
        type: 'RECORD_SURVEY',
        investigators: ['张三', '李四'],
        findings: '家庭人均收入低于标准',
        confirmed: 'yes',
      })
      .expect(303);
    const view = await t
      .api(world.people.secretary.token)
      .get(`/villages/${world.villageId}/matters/${matterId}`);
    expect((view.body as { state: string }).state).not.toBe('survey');
  });

  it('shows those who approve a village item the statutory class it declares: who decides, by which rule', async () => {
    const definition = JSON.parse(JSON.stringify(compensationDistributionProcedure)) as ProcedureDefinition;
    const started = await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'L1',
        inputs: {
          title: '增加本村补偿款分配事项',
          summary: '按本村实际分配征地补偿款',
          effectiveFrom: '2026-03-10',
          changes: [{ kind: 'addItem', code: 'X7', title: '本村征地补偿款分配', definition }],
        },
      })
      .expect(201);
    const page = await web()
      .get(`/c/v/${world.villageId}/m/${(started.body as { id: string }).id}`)
      .set('cookie', await logIn('township'))
      .expect(200);
    expect(page.text).toContain('事项类别：D 集体资产、资源和土地');
    expect(page.text).toContain('村里申报的法定事项类别');
    expect(page.text).toMatch(/征地补偿费的使用、分配方案：集体经济组织成员大会/);
    expect(page.text).not.toContain('未申报法定事项类别');
  });

  it('offers an objection only the earlier steps by title, and shows the secretary who objected and why', async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1'],
    });
    const path = `/c/v/${world.villageId}/m/${matter.matterId}`;
    const supervisor = await logIn('supervisor');
    const page = await web().get(path).set('cookie', supervisor).expect(200);
    const backTo =
      page.text.match(/<select id="OBJECT-backTo" name="backTo"[^>]*>([\s\S]*?)<\/select>/)?.[1] ?? '';
    const options = [...backTo.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map(
      ([, , label]) => label,
    );
    expect(options[0]).toBe('（不退回，本步骤重新办理）');
    expect(options.length).toBeGreaterThan(1);
    expect(options.join('')).not.toMatch(/[A-Za-z]/);
    expect(options.join('')).not.toContain('决议公开');

    await web()
      .post(`${path}/act`)
      .set('cookie', supervisor)
      .type('form')
      .send({ type: 'OBJECT', reason: '党员大会通知时间不足五天', confirmed: 'yes' })
      .expect(303);
    const secretary = await logIn('secretary');
    const seen = await web().get(path).set('cookie', secretary).expect(200);
    expect(seen.text).toContain('监督委员会最近一次异议');
    expect(seen.text).toContain('党员大会通知时间不足五天');
    expect(seen.text).toContain(world.people.supervisor.username.split('-')[0]);
    const inbox = await web().get(`/c/v/${world.villageId}`).set('cookie', secretary).expect(200);
    expect(inbox.text).toContain('监督委员会异议');
    expect(inbox.text).toContain('党员大会通知时间不足五天');
  });

  it('runs a meeting from a panel: roster-only attendance naming who is wrong, the count by the close button, a warning without quorum', async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    const path = `/c/v/${world.villageId}/m/${matter.matterId}`;
    const name = (who: MemberKey) => `${who}（`;

    const clerk = await logIn('committee1');
    const page = await web().get(path).set('cookie', clerk).expect(200);
    const attendance = page.text.match(/<legend>到会人员[\s\S]*?<\/fieldset>/)?.[0] ?? '';
    expect(attendance).toContain(name('committee2'));
    expect(attendance).not.toContain(name('villager1'));
    expect(attendance).not.toContain(name('rep1'));
    expect(page.text).toMatch(/到会 <strong>0<\/strong> \/ 应到 \d+ · 已投 <strong>0<\/strong>/);
    // The procedure top to bottom: the steps done, the one it is at, those ahead; the chart a tap away.
    const steps = page.text.match(/<ol class="steps">([\s\S]*?)<\/ol>/)?.[1] ?? '';
    expect(steps.match(/aria-current="step"/g)).toHaveLength(1);
    expect(steps.indexOf('class="done"')).toBeLessThan(steps.indexOf('class="current"'));
    expect(steps.indexOf('class="current"')).toBeLessThan(steps.indexOf('class="todo"'));
    expect(steps).not.toMatch(/[A-Za-z]{3,}(?![^<]*>)/);
    expect(page.text).toMatch(
      /<details class="chart"><summary>查看流程图<\/summary><div class="scroll" tabindex="0"><svg/,
    );
    expect(page.text).not.toContain('<title>cluster_');

    // A person ticked who is not on the roster (a crafted form): refused, and named.
    const stranger = world.people.villager1.personId;
    const refused = await web()
      .post(`${path}/act`)
      .set('cookie', clerk)
      .type('form')
      .send({
        type: 'RECORD_ATTENDANCE',
        present: [matter.personId('secretary'), stranger],
        confirmed: 'yes',
      })
      .expect(422);
    expect(refused.text).toContain(name('villager1'));

    const secretary = await logIn('secretary');
    const closing = await web()
      .post(`${path}/act`)
      .set('cookie', secretary)
      .type('form')
      .send({ type: 'CLOSE_VOTE', minutes: '会议记录' })
      .expect(200);
    expect(closing.text).toContain('尚未达到法定人数');
    expect(closing.text).toContain('确认提交');

    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: ['secretary', 'committee1', 'committee2'].map((who) => matter.personId(who as MemberKey)),
    });
    await matter.ok('committee2', 'CAST_BALLOT', { choice: 'no' });
    const voter = await web().get(path).set('cookie', secretary).expect(200);
    expect(voter.text).toMatch(
      /到会 <strong>3<\/strong> \/ 应到 3 · 已投 <strong>1<\/strong> · 赞成 0 · 反对 1 · 弃权 0/,
    );
    // No choice is made for the voter.
    expect(voter.text).toMatch(
      /<select id="CAST_BALLOT-choice" name="choice" required><option value="" disabled selected>（请选择）<\/option>/,
    );
    const villager = await web()
      .get(path)
      .set('cookie', await logIn('villager1'))
      .expect(200);
    expect(villager.text).not.toContain('CAST_BALLOT');
    const voted = await web()
      .get(path)
      .set('cookie', await logIn('committee2'))
      .expect(200);
    expect(voted.text).not.toContain('name="type" value="CAST_BALLOT"');
  });

  it('takes attendance by household from the sign-in sheet, naming households by their people, and no online seats', async () => {
    // The register (花名册) puts each representative in a household of their own.
    const db = t.get(DataSource).manager;
    for (const [index, who] of (['rep1', 'rep2', 'rep3', 'rep4', 'rep5'] as const).entries()) {
      const id = randomUUID();
      await t.get(RegistersRepository).insertHousehold(db, {
        villageId: world.villageId,
        id,
        code: `R${index + 1}`,
        villagerGroup: null,
        address: null,
        headPersonId: world.people[who].personId,
        createdAt: new Date(),
      });
      await db.update(PersonEntity, { id: world.people[who].personId }, { householdId: id });
    }
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'party1', 'party2', 'party3'],
      yes: ['secretary', 'committee1', 'party1', 'party2'],
    });
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'secret' });
    const path = `/c/v/${world.villageId}/m/${matter.matterId}`;
    const clerk = await logIn('committee1');
    const page = await web().get(path).set('cookie', clerk).expect(200);
    const households = page.text.match(/<legend>到会户（按签到表）[\s\S]*?<\/fieldset>/)?.[0] ?? '';
    const offered = [...households.matchAll(/value="([^"]+)"> ([^<]+)<\/label>/g)];
    // One box a household, named by its people on the roster (each test person heads their own).
    expect(offered.map(([, , label]) => label)).toContainEqual(
      expect.stringMatching(/^rep1（[0-9a-f]+）（一户）$/),
    );
    // Those on the roster without a register household (cadres here) sign in by person or by count.
    expect(offered).toHaveLength(5);
    // The representatives' meeting has no online seats: only the collective's charter may allow them.
    expect(page.text).not.toContain('线上参会人员');

    const sheet = await web()
      .post(`/c/v/${world.villageId}/attachments?filename=${encodeURIComponent('签到表.jpg')}`)
      .set('cookie', clerk)
      .set('content-type', 'image/jpeg')
      .send(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
      .expect(201);
    // A crafted household not on the roster, and online seats for the representatives: refused, nothing kept.
    const sheetId = (sheet.body as { id: string }).id;
    const before = await matter.read();
    const stranger = await web()
      .post(`${path}/act`)
      .set('cookie', clerk)
      .type('form')
      .send({ type: 'RECORD_ATTENDANCE', households: [randomUUID()], signInSheet: sheetId, confirmed: 'yes' })
      .expect(422);
    expect(stranger.headers['x-error-code']).toBe('ATTENDANCE.NOT_ON_ROSTER');
    expect(stranger.text).toContain('签到的户不在应到名单中');
    const remote = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      presentRemotely: [matter.personId('rep1')],
      remoteAllowedBy: '章程第十条',
    });
    expect([remote.status, (remote.body as { code: string }).code]).toEqual([
      422,
      'ATTENDANCE.REMOTE_NOT_ALLOWED',
    ]);
    expect((await matter.read()).meetings).toEqual(before.meetings);

    const signed = offered.slice(0, 4).map(([, id]) => id);
    const form = {
      type: 'RECORD_ATTENDANCE',
      households: signed,
      signInSheet: (sheet.body as { id: string }).id,
    };
    const confirm = await web().post(`${path}/act`).set('cookie', clerk).type('form').send(form).expect(200);
    expect(confirm.text).toContain(offered[0][2]);
    expect(confirm.text).toContain('签到表.jpg');
    const recorded = await web()
      .post(`${path}/act`)
      .set('cookie', clerk)
      .type('form')
      .send({ ...form, confirmed: 'yes' });
    expect([recorded.status, recorded.text.match(/class="flash error"[^>]*>([^<]*)/)?.[1]]).toEqual([
      303,
      undefined,
    ]);
    const meetings = (await matter.read()).meetings as {
      attendanceMode?: string;
      counts?: { present: number };
    }[];
    expect(JSON.stringify(meetings.at(-1))).toContain('households');
  });

  it('offers to start only what the person may start', async () => {
    const listed = async (who: MemberKey) => {
      const page = await web()
        .get(`/c/v/${world.villageId}`)
        .set('cookie', await logIn(who))
        .expect(200);
      return [...page.text.matchAll(/<option value="([A-Z]\d+)">/g)].map((match) => match[1]);
    };
    expect(await listed('secretary')).toContain('A1');
    expect(await listed('villager1')).not.toContain('A1');
    // A list adjustment starts from the village's own items, with its own form, never as a blank matter.
    expect(await listed('secretary')).not.toContain('L1');
  });

  it('uploads a file for a form, shows it on the confirmation page, and lets the page download exports', async () => {
    const cookie = await logIn('committee1');
    const anonymous = await web()
      .post(`/c/v/${world.villageId}/attachments?filename=a.txt`)
      .set('content-type', 'text/plain')
      .send('x')
      .expect(401);
    expect(anonymous.body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const uploaded = await web()
      .post(`/c/v/${world.villageId}/attachments?filename=${encodeURIComponent('二月凭证.txt')}`)
      .set('cookie', cookie)
      .set('content-type', 'text/plain')
      .send('凭证')
      .expect(201);
    const file = uploaded.body as { id: string; sha256: string };
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const { id, matter } = await startC3();
    await t
      .api(world.people.supervisor.token)
      .post(`/villages/${world.villageId}/matters/${id}/events`, {
        type: 'SUPERVISOR_APPROVE',
        payload: { opinion: '属实' },
      })
      .expect(200);
    expect((await web().get(matter).set('cookie', cookie).expect(200)).text).toContain('data-upload=');
    const form = { type: 'SUBMIT_DISCLOSURE', title: '二月收支', body: '见附件', attachments: file.id };
    const confirm = await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send(form)
      .expect(200);
    expect(confirm.text).toContain('二月凭证.txt');
    await web()
      .post(`${matter}/act`)
      .set('cookie', cookie)
      .type('form')
      .send({ ...form, confirmed: 'yes' })
      .expect(303);
    const view = await t.api(world.people.committee1.token).get(`/villages/${world.villageId}/matters/${id}`);
    expect(
      (view.body as { disclosures: { attachments: { id: string }[] }[] }).disclosures[0].attachments,
    ).toEqual([expect.objectContaining({ id: file.id, filename: '二月凭证.txt' })]);

    // The page's links to files and exports are API reads, made with the session cookie.
    const download = await web()
      .get(`/api/villages/${world.villageId}/attachments/${file.id}`)
      .set('cookie', cookie)
      .expect(200);
    expect(download.headers['x-content-sha256']).toBe(file.sha256);
    await web()
      .get(`/api/villages/${world.villageId}/matters/${id}/dossier.pdf`)
      .set('cookie', cookie)
      .expect(200);
    await web()
      .post(`/api/villages/${world.villageId}/matters/${id}/events`)
      .set('cookie', cookie)
      .send({ type: 'GIVE_OPINION', payload: { opinion: '同意' } })
      .expect(401);
    const script = await web().get('/assets/app.js').expect(200);
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
  });

  it('shows the register to the village’s cadres and loads a 花名册 through the console, all of it or none', async () => {
    const registers = `/c/v/${world.villageId}/registers`;
    await web()
      .get(registers)
      .set('cookie', await logIn('villager1'))
      .expect(403);
    const committee = await logIn('committee1');
    const readOnly = await web().get(registers).set('cookie', committee).expect(200);
    expect(readOnly.text).toContain('组成核对');
    expect(readOnly.text).not.toContain('导入花名册');
    const secretary = await logIn('secretary');
    expect((await web().get(`/c/v/${world.villageId}`).set('cookie', secretary).expect(200)).text).toContain(
      `href="${registers}"`,
    );
    const page = await web().get(registers).set('cookie', secretary).expect(200);
    expect(page.text).toContain('导入花名册');
    expect(page.text).toContain('data-register-import');
    // The test village's representatives are too few for art. 25's four fifths: the page says so.
    expect(page.text).toContain('村民代表应占村民代表会议组成人员的五分之四以上');

    const header: string[] = REGISTER_COLUMNS.map((column) => column.title);
    const person = (name: string, birthDate: string) =>
      header.map(
        (title) =>
          ({ 户号: 'H700', 村民小组: '第七组', 姓名: name, 出生日期: birthDate, 居住本村: '是' })[title] ??
          '',
      );
    const send = (cookie: string | null, rows: string[][]) => {
      const call = web().post(`${registers}/import?from=2026-03-01`).set('content-type', 'text/csv');
      return (cookie ? call.set('cookie', cookie) : call).send(toCsv(header, rows));
    };
    const good = [person('欧阳春生', '1970-04-05'), person('欧阳秋实', '1998-10-01')];
    expect((await send(null, good).expect(401)).body).toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    await send(committee, good).expect(403);
    const refused = await send(secretary, [good[0], person('欧阳冬至', '1998-13-01')]).expect(422);
    expect(refused.body).toMatchObject({
      code: 'REGISTER.IMPORT_INVALID',
      details: { problems: [expect.objectContaining({ line: 3, column: '出生日期' })] },
    });
    expect((await web().get(`${registers}?q=欧阳`).set('cookie', secretary).expect(200)).text).toContain(
      '共 0 人',
    );
    const loaded = await send(secretary, good).expect(201);
    expect(loaded.body).toMatchObject({ rows: 2, people: { created: 2 }, households: { created: 1 } });
    const found = await web()
      .get(`${registers}?q=${encodeURIComponent('欧阳')}&group=${encodeURIComponent('第七组')}`)
      .set('cookie', secretary)
      .expect(200);
    expect(found.text).toContain('共 2 人');
    expect(found.text).toContain('<td>欧阳秋实</td>');
    await web()
      .post(`${registers}/import?from=2026-02-30`)
      .set('cookie', secretary)
      .set('content-type', 'text/csv')
      .send('x')
      .expect(400);
  });

  it('asks for a matter’s documents and answers them in the console, keeping what was typed when refused', async () => {
    const { matter } = await startC3();
    const supervisor = await logIn('supervisor');
    const secretary = await logIn('secretary');
    const page = (cookie: string) => web().get(matter).set('cookie', cookie).expect(200);
    expect((await page(supervisor)).text).toContain('提出调阅要求');
    // The cadres answer; only supervisors (and the township above) ask.
    expect((await page(secretary)).text).not.toContain('提出调阅要求');
    const ask = (cookie: string, request: string) =>
      web().post(`${matter}/documents`).set('cookie', cookie).type('form').send({ request });

    const empty = await ask(supervisor, '  ').expect(400);
    expect(empty.text).toContain('调阅内容：必填');
    const long = '请提供'.repeat(700);
    const tooLong = await ask(supervisor, long).expect(400);
    expect(tooLong.text).toContain('不能超过 2000 个字');
    expect(tooLong.text).toContain(`>${long}</textarea>`);
    // A villager is offered no form; one posted anyway is refused, as the API refuses it.
    const refused = await ask(await logIn('villager1'), '看看账本');
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('您的角色不能进行这一步操作');

    const asked = await ask(supervisor, '请提供二月收支凭证').expect(303);
    expect(asked.headers.location).toBe(`${matter}#documents`);
    expect(flashOf(asked)).toBe('ok: 已提出调阅要求');

    const shown = (await page(secretary)).text;
    expect(shown).toMatch(/<strong>supervisor（[^<]+）<\/strong>（[^）]+）要求调阅/);
    expect(shown).toContain('要求调阅：请提供二月收支凭证');
    const requestId = /documents\/([\w-]+)\/answer/.exec(shown)![1];
    const uploaded = await web()
      .post(`/c/v/${world.villageId}/attachments?filename=${encodeURIComponent('二月凭证.txt')}`)
      .set('cookie', secretary)
      .set('content-type', 'text/plain')
      .send('凭证')
      .expect(201);
    const file = uploaded.body as { id: string };
    const answer = (text: string) =>
      web()
        .post(`${matter}/documents/${requestId}/answer`)
        .set('cookie', secretary)
        .type('form')
        .send({ answer: text, attachments: file.id });
    // Refused, the file stays on the form with the answer.
    const blank = await answer('').expect(400);
    expect(blank.text).toContain('答复：必填');
    expect(blank.text).toContain(`name="attachments" value="${file.id}"`);
    await answer('凭证见附件').expect(303);
    const again = await answer('再次答复').expect(409);
    // The page names its refusal's code as the API's body would.
    expect(again.headers['x-error-code']).toBe('DOCUMENTS.REQUEST_NOT_OPEN');

    const answered = (await page(supervisor)).text;
    expect(answered).toMatch(/答复（secretary（[^）]+），/);
    expect(answered).toContain('凭证见附件');
    expect(answered).toContain('二月凭证.txt');
    expect(answered).not.toContain('提交答复');
  });
});
