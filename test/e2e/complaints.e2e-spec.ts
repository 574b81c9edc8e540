import request from 'supertest';
import { DAY_MS } from '../../src/common/clock.js';
import { localDate } from '../../src/time/calendar.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie, flashOf } from '../support/console-login.js';
import { startTestApp, TEST_NOW, testConfig, type TestApp } from '../support/test-app.js';

interface Progress {
  id: string;
  status: string;
  statusTitle: string;
  acknowledgeBy: string;
  answerBy: string | null;
  reviewBy: string | null;
  reply: string | null;
  rating: string | null;
  overdue: boolean;
  receiptCode?: string;
}
interface Handled extends Progress {
  body: string;
  village: { id: string; name: string };
  complainant: { name: string } | null;
}

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;
const BODY = '村道硬化工程未公示预算，施工方是某委员的亲属';

/**
 * Issue 20's loop (投诉举报) over HTTP: a villager complains, anonymously or by name; the township's
 * discipline inspector acknowledges and answers, here with a rectification; the complainant rates the
 * answer; not satisfied, the district reviews it once. Who complained never reaches the village.
 */
describe('Complaints', () => {
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
  const publicPath = (path = '') => `/public/villages/${world.villageId}/complaints${path}`;
  const fileAnonymously = async (body: object) =>
    (await api().post(publicPath(), body).expect(201)).body as Progress;
  const aboutCommittee1 = () => ({
    subject: 'cadre',
    subjectId: world.people.committee1.personId,
    body: BODY,
  });
  const handled = async (who: MemberKey = 'inspector') =>
    (await api(who).get(`/regions/${world.townshipId}/complaints`).expect(200)).body as Handled[];
  const act = (who: MemberKey, id: string, step: string, body: object = {}) =>
    api(who).post(`/villages/${world.villageId}/complaints/${id}/${step}`, body);
  const complaintRows = async () =>
    Number(
      (
        await t.dataSource.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM complaint WHERE village_id = $1`,
          [world.villageId],
        )
      )[0].n,
    );
  const startRectification = async () => {
    const response = await api('inspector')
      .post(`/villages/${world.villageId}/matters`, {
        procedureId: 'S1',
        inputs: {
          title: '村道工程未公示预算',
          finding: '村道硬化工程预算未公示，施工方选定经过不清',
          category: 'disclosure',
          severity: 'serious',
          responsiblePersonId: world.people.committee1.personId,
          deadline: localDate(new Date(t.clock.now().getTime() + 14 * DAY_MS), 'Asia/Shanghai'),
        },
      })
      .expect(201);
    return (response.body as { id: string }).id;
  };

  it('runs the loop for an anonymous complaint: code, acknowledgement, rectification, rating, district review', async () => {
    const filed = await fileAnonymously(aboutCommittee1());
    expect(filed.receiptCode).toMatch(CODE);
    // Fifteen days from 2 March (the first day not counted): to the end of 17 March, Beijing time.
    expect(filed).toMatchObject({
      status: 'filed',
      acknowledgeBy: '2026-03-17T16:00:00.000Z',
      overdue: false,
    });

    // Tracked by the code as typed back by hand: lower case, without the dashes.
    const typed = filed.receiptCode!.replace(/-/g, '').toLowerCase();
    const tracked = (
      await api()
        .get(publicPath(`/${typed}`))
        .expect(200)
    ).body as Progress;
    expect(tracked).toMatchObject({ id: filed.id, status: 'filed', statusTitle: '已提交，待受理' });
    expect(tracked).not.toHaveProperty('body');
    expect(tracked).not.toHaveProperty('complainant');

    const [listed] = await handled();
    expect(listed).toMatchObject({
      id: filed.id,
      body: BODY,
      complainant: null,
      village: { id: world.villageId },
    });

    await act('inspector', filed.id, 'acknowledge').expect(200);
    const rectificationMatterId = await startRectification();
    const answered = (
      await act('inspector', filed.id, 'answer', {
        handling: 'rectification',
        reply: '经核查，预算未按规定公示，已责令村委会限期整改并补充公示',
        rectificationMatterId,
      }).expect(200)
    ).body as Progress;
    expect(answered).toMatchObject({
      status: 'answered',
      reply: expect.stringContaining('限期整改') as string,
    });

    const rated = (
      await api()
        .post(publicPath(`/${filed.receiptCode}/rating`), { rating: 'dissatisfied', comment: '整改太慢' })
        .expect(200)
    ).body as Progress;
    expect(rated).toMatchObject({ status: 'inReview', rating: 'dissatisfied' });
    expect(rated.reviewBy).not.toBeNull();
    // Once: a second rating, or a second round at the district, is refused.
    const again = await api()
      .post(publicPath(`/${filed.receiptCode}/rating`), { rating: 'satisfied' })
      .expect(409);
    expect(again.body).toMatchObject({ code: 'COMPLAINT.WRONG_STATUS' });
    await act('township', filed.id, 'review', { reply: '乡镇复查属实' }).expect(403);
    await act('district', filed.id, 'review', { reply: '经复查，整改已完成，答复属实' }).expect(200);
    await act('district', filed.id, 'review', { reply: '再次复查此事' }).expect(409);
    const final = (
      await api()
        .get(publicPath(`/${filed.receiptCode}`))
        .expect(200)
    ).body as Progress;
    expect(final).toMatchObject({ status: 'reviewed', statusTitle: '复查已答复，办结' });
    // Not even the district's review is a row of the village's supervision ledger.
    const ledger = await api('secretary')
      .get(`/villages/${world.villageId}/ledger?quarter=2026-Q1`)
      .expect(200);
    expect(ledger.text).not.toMatch(/COMPLAINT|投诉/);

    // Every step is in the village's chain, the complainant's acts by nobody; the chain still holds.
    const steps = await t.dataSource.query<
      { event_type: string; actor_person_id: string | null; payload: object }[]
    >(
      `SELECT event_type, actor_person_id, payload FROM trace WHERE village_id = $1 AND event_type LIKE 'COMPLAINT_%' ORDER BY seq`,
      [world.villageId],
    );
    expect(steps.map((step) => [step.event_type, step.actor_person_id])).toEqual([
      ['COMPLAINT_FILED', null],
      ['COMPLAINT_ACKNOWLEDGED', world.people.inspector.personId],
      ['COMPLAINT_ANSWERED', world.people.inspector.personId],
      ['COMPLAINT_RATED', null],
      ['COMPLAINT_REVIEWED', world.people.district.personId],
    ]);
    expect(JSON.stringify(steps)).not.toContain('亲属');
    const verify = await api().get(`/public/villages/${world.villageId}/chain-verify`).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('shows a named complainant to the inspector and to nobody in the village', async () => {
    const filed = (
      await api('villager1').post(`/villages/${world.villageId}/complaints`, aboutCommittee1()).expect(201)
    ).body as Progress;
    const [listed] = await handled();
    expect(listed).toMatchObject({
      id: filed.id,
      complainant: { name: expect.stringContaining('villager1') as string },
    });
    // The district reviews answers, not people: it reads the complaint without its complainant.
    const [atDistrict] = (await api('district').get(`/regions/${world.districtId}/complaints`).expect(200))
      .body as Handled[];
    expect(atDistrict).toMatchObject({ id: filed.id, complainant: null });

    // The village's cadres have no way to the complaint: not the list, not its acts.
    for (const who of ['secretary', 'committee1', 'supervisor'] as const) {
      await api(who).get(`/regions/${world.townshipId}/complaints`).expect(403);
      await act(who, filed.id, 'acknowledge').expect(403);
    }
    await act('township', filed.id, 'acknowledge').expect(403);
    await act('inspector', filed.id, 'acknowledge').expect(200);

    // Nor in what they read: the supervision ledger, the public board, the feed, the chain's rows.
    const villager = world.people.villager1;
    const readings = [
      (await api('secretary').get(`/villages/${world.villageId}/ledger?quarter=2026-Q1`).expect(200)).text,
      (await api().get(`/public/villages/${world.villageId}/board`).expect(200)).text,
      (await api().get(`/public/villages/${world.villageId}/feed.json`).expect(200)).text,
      JSON.stringify(
        await t.dataSource.query(`SELECT * FROM trace WHERE village_id = $1`, [world.villageId]),
      ),
    ];
    for (const text of readings) {
      expect(text).not.toContain(villager.personId);
      expect(text).not.toContain('亲属');
    }
  });

  it('keeps each inspector to their own township and a wrong code to a missing complaint', async () => {
    const filed = await fileAnonymously(aboutCommittee1());
    const elsewhere = await createVillage(t);
    const stranger = t.api(elsewhere.people.inspector.token);
    await stranger.post(`/villages/${world.villageId}/complaints/${filed.id}/acknowledge`).expect(404);
    const theirs = (await stranger.get(`/regions/${elsewhere.townshipId}/complaints`).expect(200))
      .body as Handled[];
    expect(theirs).toEqual([]);

    for (const code of ['0000-0000-0000-0000', 'not-a-code', filed.receiptCode!.slice(0, 18)]) {
      const wrong = await api()
        .get(publicPath(`/${code}`))
        .expect(404);
      expect(wrong.body).toMatchObject({ code: 'COMPLAINT.NOT_FOUND' });
    }
    // The code is shown once and kept only as a hash.
    const stored = JSON.stringify(
      await t.dataSource.query(`SELECT * FROM complaint WHERE id = $1`, [filed.id]),
    );
    expect(stored).not.toContain(filed.receiptCode!.replace(/-/g, ''));
    const second = await fileAnonymously(aboutCommittee1());
    expect(second.receiptCode).not.toBe(filed.receiptCode);
  });

  it('keeps an inspector who is also a cadre of the village off its complaints', async () => {
    const filed = await fileAnonymously(aboutCommittee1());
    await api('district')
      .post(`/regions/${world.townshipId}/officials`, {
        role: 'discipline_inspector',
        personId: world.people.committee1.personId,
      })
      .expect(201);
    const own = await act('committee1', filed.id, 'acknowledge').expect(403);
    expect(own.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    await act('inspector', filed.id, 'acknowledge').expect(200);
  });

  it('refuses bad complaints with a code and a Chinese message, and stores nothing', async () => {
    const neighbour = await createVillage(t, { within: world });
    const theirMatter = (
      await t
        .api(neighbour.people.secretary.token)
        .post(`/villages/${neighbour.villageId}/matters`, {
          procedureId: 'H7',
          inputs: { title: '一季度村务公开', period: '2026-Q1' },
        })
        .expect(201)
    ).body as { id: string };
    const refusals: [object, number, string][] = [
      [{ subject: 'cadre', body: BODY }, 422, 'COMPLAINT.SUBJECT_INVALID'],
      [
        { ...aboutCommittee1(), subjectId: world.people.villager2.personId },
        422,
        'COMPLAINT.SUBJECT_INVALID',
      ],
      [{ subject: 'matter', subjectId: theirMatter.id, body: BODY }, 422, 'COMPLAINT.SUBJECT_INVALID'],
      [
        { subject: 'unpublished', subjectId: world.people.committee1.personId, body: BODY },
        422,
        'COMPLAINT.SUBJECT_INVALID',
      ],
      [{ ...aboutCommittee1(), body: '长'.repeat(2001) }, 400, 'REQUEST.INVALID'],
      [{ ...aboutCommittee1(), body: `孤立代理项\ud800${BODY}` }, 400, 'REQUEST.INVALID'],
      [{ ...aboutCommittee1(), subject: 'weather' }, 400, 'REQUEST.INVALID'],
    ];
    for (const [body, status, code] of refusals) {
      const refused = await api().post(publicPath(), body).expect(status);
      expect(refused.body).toMatchObject({
        code,
        message: expect.stringMatching(/[\u4e00-\u9fff]/) as string,
      });
    }
    await api().post(`/public/villages/${world.districtId}/complaints`, aboutCommittee1()).expect(404);
    expect(await complaintRows()).toBe(0);

    const filed = await fileAnonymously({ subject: 'unpublished', body: '上季度低保名单没有张贴' });
    await act('inspector', filed.id, 'answer', { handling: 'answer', reply: '先答复后受理' }).expect(409);
    await act('inspector', filed.id, 'acknowledge').expect(200);
    const notRectification = await act('inspector', filed.id, 'answer', {
      handling: 'rectification',
      reply: '责令村委会整改',
      rectificationMatterId: theirMatter.id,
    }).expect(422);
    expect(notRectification.body).toMatchObject({ code: 'COMPLAINT.RECTIFICATION_INVALID' });
    const tracked = (
      await api()
        .get(publicPath(`/${filed.receiptCode}`))
        .expect(200)
    ).body as Progress;
    expect(tracked.status).toBe('acknowledged');
  });

  it('flags a complaint not acknowledged within its fifteen days', async () => {
    const filed = await fileAnonymously(aboutCommittee1());
    t.clock.set(new Date('2026-03-17T16:00:00Z'));
    const [listed] = await handled();
    expect(listed).toMatchObject({ id: filed.id, overdue: true });
    const tracked = (
      await api()
        .get(publicPath(`/${filed.receiptCode}`))
        .expect(200)
    ).body as Progress;
    expect(tracked.overdue).toBe(true);
  });

  it('lets the inspector ask the village for a matter’s documents, then answer from them', async () => {
    const matter = await MatterDriver.start(t, world);
    const filed = await fileAnonymously({ subject: 'matter', subjectId: matter.matterId, body: BODY });
    await act('inspector', filed.id, 'acknowledge').expect(200);
    await api('inspector')
      .post(`${matter.path}/document-requests`, { request: '请提供工程预算和施工方选定记录' })
      .expect(200);
    const view = (await api('secretary').get(matter.path).expect(200)).body as {
      documentRequests: { id: string; request: string; requestedBy: { role: string } }[];
    };
    // The village sees what is asked for and by which post; never that a complaint is behind it, nor whose.
    const [asked] = view.documentRequests;
    expect(asked.request).toBe('请提供工程预算和施工方选定记录');
    expect(JSON.stringify(view)).not.toContain(filed.id);
    await api('secretary')
      .post(`${matter.path}/document-requests/${asked.id}/answer`, {
        answer: '预算和比价记录见村档案第 12 卷',
      })
      .expect(200);
    const answered = await act('inspector', filed.id, 'answer', {
      handling: 'documents',
      reply: '经调阅预算和比价记录，施工方经三家比价选定，程序合规',
    }).expect(200);
    expect((answered.body as Progress).status).toBe('answered');
  });

  it('counts complaints in the township’s comparison and flags overdue ones and answers below 90%', async () => {
    const answered = await fileAnonymously(aboutCommittee1());
    await fileAnonymously({ subject: 'other', body: '村里的路灯坏了半年没人修' });
    await act('inspector', answered.id, 'acknowledge').expect(200);
    await act('inspector', answered.id, 'answer', {
      handling: 'answer',
      reply: '经核查，施工方非亲属关系',
    }).expect(200);
    await api()
      .post(publicPath(`/${answered.receiptCode}/rating`), { rating: 'dissatisfied' })
      .expect(200);
    t.clock.set(new Date('2026-03-18T02:00:00Z'));
    const overview = (
      await api('township').get(`/regions/${world.townshipId}/overview?year=2026`).expect(200)
    ).body as {
      villages: { village: { id: string }; complaints: object; complaintKinds: object; flags: string[] }[];
    };
    const row = overview.villages.find((village) => village.village.id === world.villageId)!;
    expect(row.complaints).toMatchObject({ filed: 2, answered: 1, overdueNow: 1, rated: 1, satisfied: 0 });
    expect(row.complaintKinds).toEqual({ cadre: 1, other: 1 });
    expect(row.flags).toEqual(['投诉逾期未办 1 件', '投诉答复满意率 0%，低于 90%']);
    // Counts only: the comparison names nobody and quotes no complaint.
    expect(JSON.stringify(overview)).not.toContain('路灯');
  });

  describe('evidence (证据)', () => {
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
    const addEvidence = (code: string, content: Buffer, mediaType = 'image/png', filename = '公示栏.png') =>
      request(t.app.getHttpServer())
        .post(`/api${publicPath(`/evidence?filename=${encodeURIComponent(filename)}`)}`)
        .set('x-receipt-code', code)
        .set('content-type', mediaType)
        .send(content);
    const evidencePath = (complaintId: string, evidenceId: string) =>
      `/villages/${world.villageId}/complaints/${complaintId}/evidence/${evidenceId}`;

    it('takes photos and PDFs by the code, for the handlers alone, never the village', async () => {
      const filed = await fileAnonymously(aboutCommittee1());
      const added = await addEvidence(filed.receiptCode!, PNG, 'image/png', '..\\..\\公示栏照片.png').expect(
        201,
      );
      const ref = added.body as { id: string; filename: string; mediaType: string; sha256: string };
      // The name loses its path; the type is read from the bytes.
      expect(ref).toMatchObject({ filename: '公示栏照片.png', mediaType: 'image/png' });
      await addEvidence(
        filed.receiptCode!,
        Buffer.from('%PDF-1.7\n...'),
        'application/pdf',
        '说明.pdf',
      ).expect(201);

      const tracked = (
        await api()
          .get(publicPath(`/${filed.receiptCode}`))
          .expect(200)
      ).body as Progress & {
        evidence: { filename: string }[];
      };
      expect(tracked.evidence.map((file) => file.filename)).toEqual(['公示栏照片.png', '说明.pdf']);
      const [listed] = (await handled()) as (Handled & { evidence: { id: string }[] })[];
      expect(listed.evidence).toHaveLength(2);

      const download = await api('inspector').get(evidencePath(filed.id, ref.id)).buffer(true).expect(200);
      expect(download.headers['x-content-sha256']).toBe(ref.sha256);
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toMatch(/^attachment/);
      await api('district').get(evidencePath(filed.id, ref.id)).expect(200);
      // The village's cadres and the township's other staff get nothing, by either door.
      for (const who of ['secretary', 'committee1', 'supervisor', 'township'] as MemberKey[]) {
        await api(who).get(evidencePath(filed.id, ref.id)).expect(403);
      }
      await api('secretary').get(`/villages/${world.villageId}/attachments/${ref.id}`).expect(404);
      await api().get(`/public/villages/${world.villageId}/attachments/${ref.id}`).expect(404);
    });

    it('refuses what is not a photo or PDF, a wrong code, a fourth file, and a file after the answer', async () => {
      const filed = await fileAnonymously(aboutCommittee1());
      const code = filed.receiptCode!;
      const fake = await addEvidence(code, Buffer.from('<script>alert(1)</script>'), 'image/png').expect(422);
      expect((fake.body as { code: string }).code).toBe('ATTACHMENT.INVALID');
      const wrong = await addEvidence('AAAA-AAAA-AAAA-AAAA', PNG).expect(404);
      expect((wrong.body as { code: string }).code).toBe('COMPLAINT.NOT_FOUND');
      for (let file = 0; file < 3; file++) await addEvidence(code, PNG).expect(201);
      const full = await addEvidence(code, PNG).expect(409);
      expect((full.body as { code: string }).code).toBe('COMPLAINT.EVIDENCE_FULL');

      const other = await fileAnonymously(aboutCommittee1());
      await act('inspector', other.id, 'acknowledge').expect(200);
      await act('inspector', other.id, 'answer', { handling: 'answer', reply: '经核查，情况不属实' }).expect(
        200,
      );
      const late = await addEvidence(other.receiptCode!, PNG).expect(409);
      expect((late.body as { code: string }).code).toBe('COMPLAINT.WRONG_STATUS');
      const rows = await t.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM complaint_evidence WHERE village_id = $1`,
        [world.villageId],
      );
      expect(Number(rows[0].n)).toBe(3);
    });
  });

  describe('on the pages', () => {
    const server = () => request(t.app.getHttpServer());

    it('keeps what a villager typed when the form is refused, and shows the code once when it is not', async () => {
      const refused = await server()
        .post(`/p/${world.villageId}/complain`)
        .type('form')
        .send({ subject: 'cadre', cadre: '', body: '村道工程没有公开比价' })
        .expect(422);
      expect(refused.text).toContain('投诉对象不正确');
      expect(refused.text).toContain('村道工程没有公开比价');
      expect(await complaintRows()).toBe(0);

      const filed = await server()
        .post(`/p/${world.villageId}/complain`)
        .type('form')
        .send({ subject: 'cadre', cadre: world.people.committee1.personId, body: '村道工程没有公开比价' })
        .expect(201);
      const code = /aria-label="回执码">([0-9A-Z-]{19})</.exec(filed.text)?.[1];
      expect(code).toMatch(CODE);
      // The code travels in a form, never in an address a shared phone would keep.
      expect(filed.text).not.toContain(`?code=`);
      const track = (typed: string) =>
        server().post(`/p/${world.villageId}/complaint`).type('form').send({ code: typed });
      const tracked = await track(code!).expect(200);
      expect(tracked.text).toContain('已提交，待受理');
      expect(tracked.text).not.toContain('村道工程没有公开比价');
      await track('0000-0000-0000-0000').expect(404);
    });

    it('signs a complaint only when a logged-in villager asks, and lets only the inspector act from the console', async () => {
      const villager = await consoleCookie(t, world, 'villager1');
      await server()
        .post(`/p/${world.villageId}/complain`)
        .set('cookie', villager)
        .type('form')
        .send({ subject: 'other', body: '村里的路灯坏了半年没人修', named: 'on' })
        .expect(201);
      await server()
        .post(`/p/${world.villageId}/complain`)
        .set('cookie', villager)
        .type('form')
        .send({ subject: 'other', body: '不署名的第二件投诉' })
        .expect(201);
      const rows = await handled();
      const named = rows.find((row) => row.body.includes('路灯'));
      const unnamed = rows.find((row) => row.body.includes('第二件'));
      expect(named?.complainant?.name).toContain('villager1');
      expect(unnamed?.complainant).toBeNull();

      const act = (cookie: string) =>
        server()
          .post(`/c/v/${world.villageId}/complaints/${named!.id}/acknowledge`)
          .set('cookie', cookie)
          .type('form')
          .send({ back: world.townshipId })
          .expect(303);
      expect(flashOf(await act(await consoleCookie(t, world, 'secretary')))).toMatch(/^error:/);
      expect(flashOf(await act(await consoleCookie(t, world, 'inspector')))).toBe('ok: 已受理');
      const list = await server()
        .get(`/c/r/${world.townshipId}/complaints`)
        .set('cookie', await consoleCookie(t, world, 'inspector'))
        .expect(200);
      expect(list.text).toContain('答复投诉人');
    });
  });
});

describe('Anonymous complaints from one address', () => {
  it('are held back past the hourly limit with a 429, storing nothing, while a named one still goes in', async () => {
    const t = await startTestApp({ config: testConfig({ anonymousComplaintsPerHour: 3 }) });
    try {
      const world = await createVillage(t);
      const body = { subject: 'other', body: '村里的路灯坏了半年没人修' };
      const file = () => t.api().post(`/public/villages/${world.villageId}/complaints`, body);
      for (let filed = 0; filed < 3; filed++) await file().expect(201);
      const flooded = await file().expect(429);
      expect(flooded.body).toMatchObject({
        code: 'REQUEST.RATE_LIMITED',
        message: expect.stringContaining('匿名投诉过多') as string,
      });
      await t
        .api(world.people.villager1.token)
        .post(`/villages/${world.villageId}/complaints`, body)
        .expect(201);
      const [{ n }] = await t.dataSource.query<{ n: string }[]>(
        `SELECT count(*) AS n FROM complaint WHERE village_id = $1`,
        [world.villageId],
      );
      expect(Number(n)).toBe(4);
    } finally {
      await t.close();
    }
  });
});
