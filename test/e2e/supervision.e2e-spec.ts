import readXlsxFile from 'read-excel-file/node';
import type request from 'supertest';
import { DAY_MS } from '../../src/common/clock.js';
import type { Dossier } from '../../src/records/dossier.js';
import type { Ledger } from '../../src/supervision/ledger.service.js';
import type { VillageOverview } from '../../src/supervision/overview.service.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { MatterDriver, type MeetingPlan } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};
type LedgerBody = Omit<Ledger, 'records' | 'problems'> & {
  records: Json<Ledger['records'][number]>[];
  problems: Json<Ledger['problems'][number]>[];
};
interface InboxBody {
  matters: {
    matterId: string;
    step: string;
    since: string;
    actions: { type: string; title: string }[];
    overdue: boolean;
    village?: { id: string };
    objection: { reason: string; by: string; at: string } | null;
  }[];
  documentRequests: { id: string; matterId: string; request: string }[];
  overdue: { kind: string; matterId: string | null; village?: { id: string } }[];
}

const PARTY: MeetingPlan = {
  present: ['secretary', 'committee1', 'party1', 'party2', 'party3'],
  yes: ['secretary', 'committee1', 'party1', 'party2'],
};
const REPRESENTATIVES: MeetingPlan = {
  ballot: 'secret',
  present: ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3'],
  yes: ['secretary', 'committee1', 'rep1', 'rep2'],
  no: ['rep3'],
};

/** Collects a binary response body (xlsx, pdf) as a Buffer. */
const binary = (test: request.Test) =>
  test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

/** Splits CSV text (no quoted line breaks in these rows) into cells. */
const csvRows = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));

describe('Supervision over HTTP: inbox, ledger, problems, records', () => {
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

  const api = (who: MemberKey) => t.api(world.people[who].token);
  const village = (path: string) => `/villages/${world.villageId}${path}`;
  const inbox = async (who: MemberKey) =>
    (await api(who).get(village('/inbox')).expect(200)).body as InboxBody;
  const ledger = async (who: MemberKey = 'supervisor', quarter = '2026-Q1') =>
    (
      await api(who)
        .get(village(`/ledger?quarter=${quarter}`))
        .expect(200)
    ).body as LedgerBody;
  const at = async (iso: string) => {
    t.clock.set(new Date(iso));
    await t.get(SchedulerService).runDue();
  };

  /** A major matter carried through its four meetings, its resolution drafted for the supervisors. */
  const resolutionAwaitingOpinion = async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案：硬化主干道', mergeWithDeliberation: false });
    await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    await matter.ok('supervisor', 'SIT_IN', { note: '列席党员大会' });
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: PARTY.present.map((who) => matter.personId(who)),
    });
    for (const who of PARTY.yes!) await matter.ok(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.ok('secretary', 'CLOSE_VOTE', {});
    await matter.holdMeeting(REPRESENTATIVES);
    await matter.ok('committee1', 'SUBMIT_DISCLOSURE', { title: '决议公开', body: '初稿' });
    return matter;
  };

  const startProblem = async (deadline: string, who: MemberKey = 'supervisor') => {
    const response = await api(who)
      .post(village('/matters'), {
        procedureId: 'S1',
        inputs: {
          title: '决议公开未写明金额',
          finding: '道路硬化工程决议公开未写明预算金额',
          category: 'disclosure',
          severity: 'serious',
          responsiblePersonId: world.people.committee1.personId,
          deadline,
        },
      })
      .expect(201);
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  };

  describe("the supervisors' inbox", () => {
    it('lists the step waiting for the supervisors with its action and since when, and not for others', async () => {
      const matter = await resolutionAwaitingOpinion();

      const theirs = await inbox('supervisor');
      expect(theirs.matters).toEqual([
        expect.objectContaining({
          matterId: matter.matterId,
          step: expect.any(String) as string,
          since: t.clock.now().toISOString(),
          actions: [expect.objectContaining({ type: 'GIVE_OPINION' })],
        }),
      ]);
      expect((await inbox('secretary')).matters.map((item) => item.matterId)).not.toContain(matter.matterId);
      await api('villager1').get(village('/inbox')).expect(200);
    });

    it('lists no matter as waiting merely because it is in its public period', async () => {
      const matter = await resolutionAwaitingOpinion();
      const view = await matter.ok('supervisor', 'GIVE_OPINION', { opinion: '程序合规，同意公开' });
      expect(view.state).toBe('resolutionDisclosure.public');
      // A villager may object while it is public, and a supervisor at any step: neither is a step to take.
      const villagerActs = (await matter.read('villager1')).availableActions.map((action) => action.type);
      expect(villagerActs).toContain('FILE_OBJECTION');
      for (const who of ['villager1', 'supervisor', 'secretary', 'committee1'] as const) {
        const mine = (await inbox(who)).matters.filter((item) => item.matterId === matter.matterId);
        expect([who, mine.flatMap((item) => item.actions.map((action) => action.type))]).toEqual([who, []]);
      }
      // A villager's objection is something to answer: now it waits for the cadres.
      await matter.ok('villager1', 'FILE_OBJECTION', { content: '公示内容未写明预算金额' });
      expect((await inbox('secretary')).matters.map((item) => item.matterId)).toContain(matter.matterId);
    });

    it('follows the matter: once the supervisors sign, it leaves their inbox', async () => {
      const matter = await resolutionAwaitingOpinion();
      await matter.ok('supervisor', 'GIVE_OPINION', { opinion: '程序合规，同意公开' });
      expect((await inbox('supervisor')).matters).toEqual([]);
    });
  });

  describe('objections and the ledger', () => {
    it('sends the matter back to the step owner on an objection, and the ledger records it', async () => {
      const matter = await resolutionAwaitingOpinion();

      const view = await matter.ok('supervisor', 'OBJECT', { reason: '决议公开未写明金额' });

      expect(view.state).toBe('resolutionDisclosure.drafting');
      // The step's owner sees why it came back, and from whom.
      expect((await inbox('committee1')).matters).toContainEqual(
        expect.objectContaining({
          matterId: matter.matterId,
          objection: expect.objectContaining({
            reason: '决议公开未写明金额',
            by: expect.any(String) as string,
          }),
        }),
      );
      const objector = (await inbox('committee1')).matters.find((item) => item.matterId === matter.matterId);
      expect(objector?.objection?.by).not.toBe('');
      const { records, matters } = await ledger();
      expect(records).toContainEqual(
        expect.objectContaining({
          matterId: matter.matterId,
          act: '监督委员会提出异议并退回',
          text: '决议公开未写明金额',
          by: expect.stringMatching(/^supervisor（/) as string,
          role: '村务监督委员会成员',
        }),
      );
      expect(matters).toContainEqual(expect.objectContaining({ matterId: matter.matterId, objections: 1 }));
    });

    it('has every supervisor act of the quarter in the ledger and in both exports', async () => {
      const matter = await resolutionAwaitingOpinion();
      await matter.ok('supervisor', 'OBJECT', { reason: '未写明金额' });
      await matter.publish('决议公开（修改稿）');
      await api('supervisor2')
        .post(`${matter.path}/document-requests`, { request: '请提供工程预算明细' })
        .expect(200);
      const problem = await startProblem('2026-03-20', 'supervisor2');

      const traces = [...(await matter.trace()), ...(await problem.trace())];
      const supervisorSeqs = traces
        .filter((row) => row.accepted && row.actor.role === 'supervisor')
        .map((row) => row.seq)
        .sort((a, b) => a - b);
      expect(supervisorSeqs.length).toBeGreaterThanOrEqual(5);
      const { records } = await ledger('township');
      expect(records.map((record) => record.seq)).toEqual(expect.arrayContaining(supervisorSeqs));

      const xlsx = await binary(api('secretary').get(village('/ledger.xlsx?quarter=2026-Q1'))).expect(200);
      expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('监督台账'));
      const sheets = await readXlsxFile(xlsx.body as Buffer);
      expect(sheets.map((sheet) => sheet.sheet)).toEqual(['监督记录', '监督事项', '问题台账']);
      const [header, ...rows] = sheets[0].data;
      const seqColumn = header.indexOf('留痕序号');
      expect(rows.map((row) => row[seqColumn])).toEqual(records.map((record) => record.seq));
      expect(rows.map((row) => row[header.indexOf('意见或内容')])).toContain('未写明金额');
      expect(sheets[2].data.slice(1).map((row) => row[0])).toEqual(['道路硬化工程决议公开未写明预算金额']);

      const csv = await api('supervisor').get(village('/ledger.csv?quarter=2026-Q1')).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      const [csvHeader, ...csvLines] = csvRows(csv.text);
      expect(csvLines.map((line) => Number(line[csvHeader.indexOf('留痕序号')]))).toEqual(
        records.map((record) => record.seq),
      );
    });

    it('refuses a ledger to a villager and a malformed quarter', async () => {
      const refused = await api('villager1').get(village('/ledger?quarter=2026-Q1')).expect(403);
      expect(refused.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
      const bad = await api('supervisor').get(village('/ledger?quarter=2026-5')).expect(400);
      expect(JSON.stringify(bad.body)).toContain('quarter must look like 2026-Q1');
    });
  });

  describe('document requests (调阅资料)', () => {
    it('reaches the cadres’ inbox, is answered once, and shows on the matter', async () => {
      const matter = await resolutionAwaitingOpinion();
      await api('supervisor')
        .post(`${matter.path}/document-requests`, { request: '请提供三家比价记录' })
        .expect(200);
      const [open] = (await inbox('secretary')).documentRequests;
      expect(open).toMatchObject({ matterId: matter.matterId, request: '请提供三家比价记录' });

      await api('secretary')
        .post(`${matter.path}/document-requests/${open.id}/answer`, {
          answer: '比价记录已归档，见档案第 3 页',
        })
        .expect(200);
      const again = await api('secretary')
        .post(`${matter.path}/document-requests/${open.id}/answer`, { answer: '再次答复' })
        .expect(409);

      expect(again.body).toMatchObject({ code: 'DOCUMENTS.REQUEST_NOT_OPEN' });
      expect((await inbox('secretary')).documentRequests).toEqual([]);
      const view = (await matter.read('supervisor')) as unknown as { documentRequests: { status: string }[] };
      expect(view.documentRequests).toEqual([expect.objectContaining({ status: 'answered' })]);
    });

    it('refuses a request from a villager', async () => {
      const matter = await MatterDriver.start(t, world);
      const refused = await api('villager1').post(`${matter.path}/document-requests`, { request: '看看' });
      expect(refused.status).toBe(403);
    });
  });

  describe('problems and rectification (S1)', () => {
    it('escalates an overdue problem to the township when its deadline passes', async () => {
      const problem = await startProblem('2026-03-10');
      await at('2026-03-10T15:00:00Z'); // 23:00 in the village: still within the deadline
      expect((await ledger()).problems[0]).toMatchObject({ overdue: false });

      await at('2026-03-10T16:00:00Z');

      const township = (
        await t.api(world.people.township.token).get(`/regions/${world.townshipId}/inbox`).expect(200)
      ).body as InboxBody;
      expect(township.overdue).toContainEqual(
        expect.objectContaining({ kind: 'step-deadline', matterId: problem.matterId }),
      );
      expect((await problem.trace()).map((row) => row.eventType)).toContain('STEP_DEADLINE_PASSED');
      expect((await ledger()).problems[0]).toMatchObject({ overdue: true, status: '责任人限期整改' });
    });

    it('is rectified by the person it names, verified, re-checked after 90 days and closed', async () => {
      const problem = await startProblem('2026-03-20');
      const notNamed = await problem.send('committee2', 'RECORD_RECTIFICATION', { measures: '已补充公开' });
      expect(notNamed.status).toBe(403);
      expect(notNamed.body).toMatchObject({ code: 'AUTH.NOT_NAMED_PERSON' });

      await problem.ok('committee1', 'RECORD_RECTIFICATION', { measures: '已补充公开预算金额' });
      await problem.ok('supervisor', 'VERIFY_RECTIFICATION', { opinion: '已整改到位' });
      await at('2026-06-19T02:00:00Z');
      expect((await problem.read()).state).toBe('rechecking');
      const view = await problem.ok('township', 'CONFIRM_RECHECK', { opinion: '复查未反弹，销号' });

      expect(view).toMatchObject({ status: 'done', outcome: { state: 'confirmed' } });
      const [row] = (await ledger('supervisor', '2026-Q2')).problems;
      expect(row).toMatchObject({
        responsible: expect.stringMatching(/^committee1（/) as string,
        measures: '已补充公开预算金额',
        verification: '已整改到位；复查未反弹，销号',
        closedAt: t.clock.now().toISOString(),
      });
    });
  });

  describe('the township’s and district’s overview', () => {
    it('counts each village’s matters, objections and problems, and exports the comparison', async () => {
      const other = await createVillage(t, { within: world });
      const matter = await resolutionAwaitingOpinion();
      await matter.ok('supervisor', 'OBJECT', { reason: '未写明金额' });
      await startProblem('2026-03-20');

      const response = await t
        .api(world.people.district.token)
        .get(`/regions/${world.districtId}/overview?year=2026`)
        .expect(200);
      const rows = (response.body as { villages: VillageOverview[] }).villages;
      expect(rows.find((row) => row.village.id === world.villageId)).toMatchObject({
        matters: { active: 1, done: 0 },
        objections: { bySupervisors: 1, byVillagers: 0 },
        problems: { open: 1, closed: 0, withdrawn: 0 },
      });
      expect(rows.find((row) => row.village.id === other.villageId)).toMatchObject({
        matters: { active: 0, done: 0 },
      });

      const xlsx = await binary(
        t.api(world.people.district.token).get(`/regions/${world.districtId}/overview.xlsx?year=2026`),
      ).expect(200);
      const [sheet] = await readXlsxFile(xlsx.body as Buffer);
      expect(sheet.data.length).toBe(rows.length + 1);
    });

    it('refuses the overview to village cadres', async () => {
      await api('secretary').get(`/regions/${world.townshipId}/overview`).expect(403);
    });
  });

  describe('verifiable records', () => {
    it('publishes the chain head of each day on the public board and verifies it for anyone', async () => {
      await MatterDriver.start(t, world);
      const before = (await t.api().get(`/public/villages/${world.villageId}/chain-heads`).expect(200))
        .body as {
        current: { seq: number; hash: string };
        daily: unknown[];
      };
      expect(before).toMatchObject({ current: { seq: 1 }, daily: [] });

      await at(new Date(TEST_NOW.getTime() + DAY_MS).toISOString());

      const board = (await t.api().get(`/public/villages/${world.villageId}/board`).expect(200)).body as {
        chain: { daily: { day: string; seq: number; hash: string }[] };
      };
      expect(board.chain.daily).toEqual([
        expect.objectContaining({ day: '2026-03-02', seq: 1, hash: before.current.hash }),
      ]);
      const verify = await t.api().get(`/public/villages/${world.villageId}/chain-verify`).expect(200);
      // The public check starts at the published head: the rows after it (none yet), and that head's row.
      expect(verify.body).toMatchObject({
        ok: true,
        from: 1,
        checked: 0,
        head: { seq: 1 },
        firstBroken: null,
      });
    });

    it('exports the dossier of a finished major matter with every meeting, tally and hash', async () => {
      const matter = await resolutionAwaitingOpinion();
      await matter.ok('supervisor', 'GIVE_OPINION', { opinion: '程序合规，同意公开' });
      await at(new Date(t.clock.now().getTime() + 8 * DAY_MS).toISOString());
      await matter.ok('committee2', 'REPORT_PROGRESS', { note: '已完成招标' });
      await matter.ok('secretary', 'COMPLETE_IMPLEMENTATION', { summary: '工程已验收' });
      await matter.publish('实施结果公开');
      await at(new Date(t.clock.now().getTime() + 8 * DAY_MS).toISOString());
      expect((await matter.read()).status).toBe('done');

      const dossier = (await api('villager2').get(`${matter.path}/dossier`).expect(200)).body as Dossier;
      expect(dossier.matter).toMatchObject({ status: '已办结', outcome: expect.any(String) as string });
      expect(dossier.meetings).toHaveLength(4);
      expect(dossier.meetings.every((meeting) => meeting.tally && meeting.tally.checks.length >= 2)).toBe(
        true,
      );
      expect(dossier.meetings.map((meeting) => meeting.outcome)).toEqual(['通过', '通过', '通过', '通过']);
      expect(dossier.meetings[3]).toMatchObject({ ballotMode: '无记名投票', ballots: null });
      expect(dossier.meetings[2].observers).toEqual([
        { name: expect.stringMatching(/^supervisor（/) as string, role: '村务监督委员会成员' },
      ]);
      expect(dossier.disclosures).toHaveLength(2);
      const trace = await matter.trace();
      expect(dossier.trace.map((row) => row.seq)).toEqual(trace.map((row) => row.seq));
      expect(dossier.chain).toMatchObject({ ok: true, problem: null });

      const html = await api('secretary').get(`${matter.path}/dossier.html`).expect(200);
      expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
      for (const meeting of dossier.meetings) {
        expect(html.text).toContain(meeting.body);
        for (const check of meeting.tally!.checks) expect(html.text).toContain(check);
      }
      for (const row of dossier.trace) expect(html.text).toContain(row.hash);

      const pdf = await binary(api('secretary').get(`${matter.path}/dossier.pdf`)).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect((pdf.body as Buffer).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });
  });
});
