import { TraceService } from '../../src/engine/trace.service.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, TEST_PASSWORD, type VillageWorld } from '../factories/village.factory.js';
import { takeUpLogin } from '../support/own-password.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Identity and access over HTTP', () => {
  let t: TestApp;
  let world: VillageWorld;
  let neighbour: VillageWorld;

  beforeAll(async () => {
    t = await startTestApp();
    world = await createVillage(t);
    neighbour = await createVillage(t, { within: world });
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs in with a password and answers with a bearer token that works', async () => {
    const login = await t
      .api()
      .post('/auth/login', { username: world.people.secretary.username, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({
      tokenType: 'Bearer',
      person: { id: world.people.secretary.personId },
    });
    const me = await t
      .api(login.body.token as string)
      .get('/me')
      .expect(200);
    expect(me.body.villages).toEqual([
      expect.objectContaining({
        id: world.villageId,
        roles: expect.arrayContaining([
          { role: 'secretary', title: '村党组织书记' },
          { role: 'vc_chair', title: '村委会主任' },
        ]),
      }),
    ]);
  });

  it('refuses a wrong password with a stable code, in Chinese or English', async () => {
    const wrong = { username: world.people.secretary.username, password: 'not the password' };
    const zh = await t.api().post('/auth/login', wrong).expect(401);
    expect(zh.body).toEqual({ code: 'AUTH.BAD_CREDENTIALS', message: '用户名或密码不正确', details: {} });
    const en = await t.api().post('/auth/login', wrong, { 'Accept-Language': 'en-US' }).expect(401);
    expect(en.body.message).toBe('Wrong username or password');
  });

  it('refuses requests without a valid token', async () => {
    await t.api().get('/me').expect(401, { code: 'AUTH.UNAUTHENTICATED', message: '请先登录', details: {} });
    expect((await t.api('not-a-token').get('/me').expect(401)).body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('keeps another village’s data invisible, and logs the attempt outside that village’s chain', async () => {
    const theirs = await MatterDriver.start(t, neighbour);
    const before = await theirs.trace();
    const outsider = world.people.secretary.token;
    const read = await t
      .api(outsider)
      .get(`/villages/${neighbour.villageId}/matters/${theirs.matterId}`)
      .expect(404);
    expect(read.body.code).toBe('REGION.NOT_FOUND');
    await t.api(outsider).get(`/villages/${neighbour.villageId}/members`).expect(404);
    await t.api(outsider).get(`/villages/${neighbour.villageId}/matters`).expect(404);
    const send = await t
      .api(outsider)
      .post(`/villages/${neighbour.villageId}/matters/${theirs.matterId}/events`, {
        type: 'PROPOSE_PLAN',
        payload: { plan: 'x' },
      });
    expect(send.status).toBe(404);
    expect(send.body.code).toBe('MATTER.NOT_FOUND');
    // Someone with no standing there cannot lengthen the village's chain: the attempt is kept apart.
    expect(await theirs.trace()).toEqual(before);
    const strays = await t.dataSource.query<{ actor_person_id: string; refusal_code: string }[]>(
      'SELECT actor_person_id, refusal_code FROM stray_attempt WHERE village_id = $1',
      [neighbour.villageId],
    );
    expect(strays).toEqual([
      { actor_person_id: world.people.secretary.personId, refusal_code: 'MATTER.NOT_FOUND' },
    ]);
    // Nor can a matter be reached through the wrong village's path.
    await t.api(outsider).get(`/villages/${world.villageId}/matters/${theirs.matterId}`).expect(404);
  });

  it('lets township staff see every village of their township', async () => {
    const officer = world.people.township.token;
    await t.api(officer).get(`/villages/${world.villageId}/members`).expect(200);
    await t.api(officer).get(`/villages/${neighbour.villageId}/members`).expect(200);
    const regions = await t.api(officer).get('/regions').expect(200);
    expect((regions.body as { id: string }[]).map((region) => region.id)).toEqual(
      expect.arrayContaining([world.townshipId, world.villageId, neighbour.villageId]),
    );
  });

  it('lets a district admin build a township and village and appoint its officer, who registers villagers', async () => {
    const admin = world.people.district.token;
    const township = await t
      .api(admin)
      .post('/regions', { kind: 'township', name: '新镇', parentId: world.districtId })
      .expect(201);
    const village = await t
      .api(admin)
      .post('/regions', { kind: 'village', name: '新村', parentId: township.body.id })
      .expect(201);
    await t
      .api(admin)
      .post(`/regions/${township.body.id}/officials`, {
        role: 'township_officer',
        person: { name: '钱镇长' },
        account: { username: 'new-officer', password: 'officer-password-1' },
      })
      .expect(201);
    const officer = await takeUpLogin(t, 'new-officer', 'officer-password-1');
    const created = await t
      .api(officer)
      .post(`/villages/${village.body.id}/people`, {
        name: '新书记',
        household: 'X01',
        roles: [{ role: 'secretary' }, { role: 'committee_member', vcChair: true }, { role: 'party_member' }],
        account: { username: 'new-secretary', password: 'secretary-password-1' },
      })
      .expect(201);
    const members = await t.api(officer).get(`/villages/${village.body.id}/members`).expect(200);
    expect(members.body).toHaveLength(3);
    expect(members.body[0]).toMatchObject({ person: { id: created.body.person.id, name: '新书记' } });
  });

  it('appoints a discipline inspector only to a township, who reads its villages’ supervision but runs none', async () => {
    const admin = world.people.district.token;
    const atDistrict = await t
      .api(admin)
      .post(`/regions/${world.districtId}/officials`, {
        role: 'discipline_inspector',
        person: { name: '区里的人' },
      })
      .expect(422);
    expect(atDistrict.body).toMatchObject({ code: 'MEMBERSHIP.INVALID' });
    await t
      .api(admin)
      .post(`/regions/${world.townshipId}/officials`, {
        role: 'discipline_inspector',
        person: { name: '纪检委员' },
        account: { username: 'inspector-1', password: 'inspector-password-1' },
      })
      .expect(201);
    const inspector = await takeUpLogin(t, 'inspector-1', 'inspector-password-1');
    await t.api(inspector).get(`/villages/${world.villageId}/ledger?quarter=2026-Q1`).expect(200);
    // The officers' steps are not the inspector's to take, so their inbox offers none of them.
    const inbox = await t.api(inspector).get(`/regions/${world.townshipId}/inbox`).expect(200);
    expect(inbox.body).toMatchObject({ matters: [] });
    const registering = await t
      .api(inspector)
      .post(`/villages/${world.villageId}/people`, { name: '新村民', roles: [{ role: 'villager' }] })
      .expect(403);
    expect(registering.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
  });

  it('lets nobody act with a login they opened for someone else, and leaves voters’ logins to the township', async () => {
    const secretary = t.api(world.people.secretary.token);
    const township = t.api(world.people.township.token);
    const members = async () =>
      ((await secretary.get(`/villages/${world.villageId}/members`).expect(200)).body as unknown[]).length;
    const before = await members();
    // A secretary who opened a representative's login knows its password: he could vote in their name.
    // Nor does he record representatives at all (see the next test).
    const voter = await secretary.post(`/villages/${world.villageId}/people`, {
      name: '新代表',
      roles: [{ role: 'representative' }],
      account: { username: 'rep-by-secretary', password: 'secretary-knows-this' },
    });
    expect(voter.status).toBe(403);
    expect(voter.body).toMatchObject({
      code: 'MEMBERSHIP.VOTER_BY_TOWNSHIP',
      details: { role: 'representative' },
    });
    const partyMember = world.people.party1.personId;
    await t.dataSource.query(
      `DELETE FROM login_session s USING account a WHERE a.id = s.account_id AND a.person_id = $1`,
      [partyMember],
    );
    await t.dataSource.query(`DELETE FROM account WHERE person_id = $1`, [partyMember]);
    const reopened = await secretary.post(`/villages/${world.villageId}/people/${partyMember}/account`, {
      username: 'party-by-secretary',
      password: 'secretary-knows-this',
    });
    expect(reopened.body).toMatchObject({ code: 'ACCOUNT.VOTER_LOGIN_BY_TOWNSHIP' });
    expect(await members()).toBe(before);
    expect(
      (await t.api().post('/auth/login', { username: 'rep-by-secretary', password: 'secretary-knows-this' }))
        .status,
    ).toBe(401);

    // The township opens it; whoever opened it, the login acts in nobody's name on the opener's password.
    const opened = await township
      .post(`/villages/${world.villageId}/people`, {
        name: '新代表',
        roles: [{ role: 'representative' }],
        account: { username: 'rep-by-township', password: 'township-knows-this' },
      })
      .expect(201);
    expect(opened.body.account).toMatchObject({ username: 'rep-by-township', mustChangePassword: true });
    const first = await t
      .api()
      .post('/auth/login', { username: 'rep-by-township', password: 'township-knows-this' })
      .expect(200);
    expect(first.body).toMatchObject({ mustChangePassword: true });
    const openersToken = first.body.token as string;
    const matter = await MatterDriver.start(t, world);
    const acting = await t
      .api(openersToken)
      .post(`${matter.path}/events`, { type: 'PROPOSE_PLAN', payload: { plan: '代为提议' } });
    expect(acting.status).toBe(403);
    expect(acting.body).toMatchObject({ code: 'AUTH.OWN_PASSWORD_FIRST' });
    const reading = await t.api(openersToken).get(`/villages/${world.villageId}/members`);
    expect(reading.body).toMatchObject({ code: 'AUTH.OWN_PASSWORD_FIRST' });
    expect((await t.api(openersToken).get('/me').expect(200)).body).toMatchObject({
      mustChangePassword: true,
    });

    const own = await takeUpLogin(t, 'rep-by-township', 'township-knows-this', 'only-the-holder-knows');
    expect((await t.api(own).get('/me').expect(200)).body).toMatchObject({ mustChangePassword: false });
    await t.api(own).get(`/villages/${world.villageId}/members`).expect(200);
    await t.api(openersToken).get('/me').expect(401);
    const again = await t
      .api()
      .post('/auth/login', { username: 'rep-by-township', password: 'township-knows-this' });
    expect(again.status).toBe(401);

    // A plain villager's login the secretary may open, on the same terms.
    const villager = await secretary
      .post(`/villages/${world.villageId}/people`, {
        name: '新村民甲',
        roles: [{ role: 'villager' }],
        account: { username: 'villager-by-secretary', password: 'secretary-knows-this' },
      })
      .expect(201);
    expect(villager.body.account).toMatchObject({ mustChangePassword: true });
  });

  it('lets a secretary register villagers but not supervisors', async () => {
    const secretary = world.people.secretary.token;
    await t
      .api(secretary)
      .post(`/villages/${world.villageId}/people`, { name: '新村民', roles: [{ role: 'villager' }] })
      .expect(201);
    const refused = await t
      .api(secretary)
      .post(`/villages/${world.villageId}/people`, { name: '自选监委', roles: [{ role: 'supervisor' }] });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('leaves who votes to the township: no secretary gives or takes a vote by hand', async () => {
    const secretary = t.api(world.people.secretary.token);
    const township = t.api(world.people.township.token);
    const votersOf = async () =>
      (
        (await secretary.get(`/villages/${world.villageId}/members`).expect(200)).body as {
          membershipId: string;
          person: { id: string };
          role: string;
        }[]
      ).filter((member) => member.role !== 'villager');
    const before = await votersOf();
    const villager3 = world.people.villager3.personId;
    for (const role of ['representative', 'party_member', 'member_representative']) {
      const granted = await secretary.post(`/villages/${world.villageId}/memberships`, {
        personId: villager3,
        role,
      });
      expect(granted.status).toBe(403);
      expect(granted.body).toMatchObject({ code: 'MEMBERSHIP.VOTER_BY_TOWNSHIP', details: { role } });
    }
    // Ending an opponent's term before a meeting would take his vote just as well.
    const rep1 = before.find(
      (member) => member.person.id === world.people.rep1.personId && member.role === 'representative',
    )!;
    const ended = await secretary.post(`/villages/${world.villageId}/memberships/${rep1.membershipId}/end`, {
      validTo: '2026-03-02',
    });
    expect(ended.body).toMatchObject({ code: 'MEMBERSHIP.VOTER_BY_TOWNSHIP' });
    expect(await votersOf()).toEqual(before);

    // The township records the election's result; the secretary still registers villagers.
    const elected = await township
      .post(`/villages/${world.villageId}/memberships`, { personId: villager3, role: 'representative' })
      .expect(201);
    await township
      .post(`/villages/${world.villageId}/memberships/${elected.body.membershipId}/end`, {
        validTo: '2026-03-02',
      })
      .expect(204);
    await secretary
      .post(`/villages/${world.villageId}/people`, { name: '新迁入村民', roles: [{ role: 'villager' }] })
      .expect(201);
  });

  it('sets a login a village cadre opened again before its holder gets a vote', async () => {
    const secretary = t.api(world.people.secretary.token);
    const township = t.api(world.people.township.token);
    // The secretary opens a villager's login and "takes it up" himself: he now holds a login in her name.
    const villager = await secretary
      .post(`/villages/${world.villageId}/people`, {
        name: '新村民乙',
        roles: [{ role: 'villager' }],
        account: { username: 'held-by-secretary', password: 'secretary-knows-this' },
      })
      .expect(201);
    const personId = villager.body.person.id as string;
    const secretarysCopy = await takeUpLogin(t, 'held-by-secretary', 'secretary-knows-this', 'still-his-own');

    const grant = () =>
      township.post(`/villages/${world.villageId}/memberships`, { personId, role: 'representative' });
    const refused = await grant();
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'ACCOUNT.RESET_BEFORE_VOTE',
      details: { personIds: [personId] },
    });

    // Only an official sets it again, and only for this village's person.
    const bySecretary = await secretary.post(
      `/villages/${world.villageId}/people/${personId}/account/password`,
      {
        password: 'secretary-again-123',
      },
    );
    expect(bySecretary.status).toBe(403);
    expect(bySecretary.body).toMatchObject({ code: 'ACCOUNT.RESET_BY_TOWNSHIP' });
    const elsewhere = await township.post(
      `/villages/${neighbour.villageId}/people/${personId}/account/password`,
      { password: 'township-sets-this' },
    );
    expect(elsewhere.body).toMatchObject({ code: 'PERSON.NOT_FOUND' });
    const withoutLogin = await secretary
      .post(`/villages/${world.villageId}/people`, { name: '未开账号村民', roles: [{ role: 'villager' }] })
      .expect(201);
    const noLogin = await township.post(
      `/villages/${world.villageId}/people/${withoutLogin.body.person.id}/account/password`,
      { password: 'township-sets-this' },
    );
    expect(noLogin.status).toBe(404);
    expect(noLogin.body).toMatchObject({ code: 'ACCOUNT.NOT_FOUND' });

    const reset = await township
      .post(`/villages/${world.villageId}/people/${personId}/account/password`, {
        password: 'township-sets-this',
      })
      .expect(201);
    expect(reset.body).toMatchObject({ username: 'held-by-secretary', mustChangePassword: true });
    // The secretary's session and password are dead; the holder takes the login up with the township's.
    await t.api(secretarysCopy).get('/me').expect(401);
    expect(
      (await t.api().post('/auth/login', { username: 'held-by-secretary', password: 'still-his-own' }))
        .status,
    ).toBe(401);
    await grant().expect(201);
    const own = await takeUpLogin(t, 'held-by-secretary', 'township-sets-this', 'only-she-knows-this');
    await t.api(own).get(`/villages/${world.villageId}/members`).expect(200);

    const chain = await t.dataSource.query<{ event_type: string; actor_role: string }[]>(
      `SELECT event_type, actor_role FROM trace
        WHERE village_id = $1 AND matter_id IS NULL AND payload->>'personId' = $2 ORDER BY seq`,
      [world.villageId, personId],
    );
    expect(chain).toEqual([
      { event_type: 'REGISTER_PERSON', actor_role: 'secretary' },
      { event_type: 'GRANT_ROLE', actor_role: 'secretary' },
      { event_type: 'OPEN_ACCOUNT', actor_role: 'secretary' },
      { event_type: 'RESET_PASSWORD', actor_role: 'township_officer' },
      { event_type: 'GRANT_ROLE', actor_role: 'township_officer' },
    ]);
    await expect(t.get(TraceService).verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: true,
    });
  });

  it('lets no secretary date a villager in or out after the fact, and keeps each change on the village chain', async () => {
    const secretary = t.api(world.people.secretary.token);
    const villager3 = world.people.villager3.personId;
    // Backdated, a villager would sit on the roster of a 村民会议 convened before she moved in.
    const backdated = await secretary.post(`/villages/${world.villageId}/people`, {
      name: '往日村民',
      roles: [{ role: 'villager' }],
      validFrom: '2025-06-01',
    });
    expect(backdated.status).toBe(422);
    expect(backdated.body).toMatchObject({ code: 'MEMBERSHIP.BACKDATED', details: { date: '2025-06-01' } });
    const registered = await secretary
      .post(`/villages/${world.villageId}/people`, { name: '迁入村民', roles: [{ role: 'villager' }] })
      .expect(201);
    const [membershipId] = registered.body.membershipIds as string[];
    const endedBack = await secretary.post(`/villages/${world.villageId}/memberships/${membershipId}/end`, {
      validTo: '2026-01-01',
    });
    expect(endedBack.body).toMatchObject({ code: 'MEMBERSHIP.BACKDATED' });
    // The township corrects the past, with its papers; a 补登 is an official's act.
    await t
      .api(world.people.township.token)
      .post(`/villages/${world.villageId}/memberships`, {
        personId: villager3,
        role: 'party_member',
        validFrom: '2020-07-01',
      })
      .expect(201);

    const chainOf = (personId: string) =>
      t.dataSource.query<{ event_type: string; actor_role: string; payload: object }[]>(
        `SELECT event_type, actor_role, payload FROM trace
          WHERE village_id = $1 AND matter_id IS NULL AND payload->>'personId' = $2 ORDER BY seq`,
        [world.villageId, personId],
      );
    expect(await chainOf(registered.body.person.id as string)).toEqual([
      { event_type: 'REGISTER_PERSON', actor_role: 'secretary', payload: expect.any(Object) },
      {
        event_type: 'GRANT_ROLE',
        actor_role: 'secretary',
        payload: expect.objectContaining({ membershipId, role: 'villager', validFrom: '2026-03-02' }),
      },
    ]);
    expect(await chainOf(villager3)).toContainEqual({
      event_type: 'GRANT_ROLE',
      actor_role: 'township_officer',
      payload: expect.objectContaining({ role: 'party_member', validFrom: '2020-07-01' }),
    });
    await expect(t.get(TraceService).verify(t.dataSource.manager, world.villageId)).resolves.toMatchObject({
      ok: true,
    });
  });

  it('keeps village committee members off the supervision committee (村民委员会组织法 art. 32)', async () => {
    const response = await t
      .api(world.people.township.token)
      .post(`/villages/${world.villageId}/memberships`, {
        personId: world.people.committee2.personId,
        role: 'supervisor',
      });
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ code: 'MEMBERSHIP.INVALID' });
  });

  it('answers bad input with the one error shape and changes nothing', async () => {
    const admin = world.people.district.token;
    const invalid = await t
      .api(admin)
      .post('/regions', { kind: 'city', name: '', parentId: 'nope', extra: 1 })
      .expect(400);
    expect(invalid.body.code).toBe('REQUEST.INVALID');
    expect((invalid.body.details.problems as { field: string }[]).map((problem) => problem.field)).toEqual(
      expect.arrayContaining(['kind', 'name', 'parentId', 'extra']),
    );
    const malformed = await t
      .api(admin)
      .post('/regions')
      .set('content-type', 'application/json')
      .send('{"kind":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('REQUEST.INVALID');
    const regions = await t.api(admin).get('/regions').expect(200);
    expect((regions.body as { name: string }[]).some((region) => region.name === '')).toBe(false);
  });

  it('refuses a nested record given as a list (an empty list once slipped past validation and wrote a person)', async () => {
    const admin = world.people.district.token;
    const officialsBefore = await t.api(admin).get(`/regions`).expect(200);
    for (const body of [
      { role: 'township_officer', person: [] },
      { role: 'township_officer', person: [{ name: '数组人' }] },
      { role: 'township_officer', personId: world.people.committee2.personId, account: [] },
    ]) {
      const refused = await t.api(admin).post(`/regions/${world.townshipId}/officials`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('REQUEST.INVALID');
    }
    const secretary = world.people.secretary.token;
    const noRoles = await t
      .api(secretary)
      .post(`/villages/${world.villageId}/people`, { name: '对象角色', roles: { role: 'villager' } });
    expect(noRoles.status).toBe(400);
    const members = await t.api(secretary).get(`/villages/${world.villageId}/members`).expect(200);
    expect((members.body as { person: { name: string } }[]).some((m) => m.person.name === '对象角色')).toBe(
      false,
    );
    expect((await t.api(admin).get(`/regions`).expect(200)).body).toEqual(officialsBefore.body);
  });

  it('publishes the OpenAPI description and its UI', async () => {
    const json = await t.api().get('/docs-json').expect(200);
    expect(Object.keys(json.body.paths as object)).toEqual(
      expect.arrayContaining(['/api/villages/{villageId}/matters/{matterId}/events', '/api/auth/login']),
    );
    const ui = await t.api().get('/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
