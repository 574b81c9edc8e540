import readXlsxFile from 'read-excel-file/node';
import request from 'supertest';
import { digestOf } from '../../src/common/canonical-json.js';
import type { MeetingAppraisal } from '../../src/meetings/appraisal.js';
import type { VillageOverview } from '../../src/supervision/overview.service.js';
import { localDate } from '../../src/time/calendar.js';
import type { ProcedureDefinition } from '../../workflows/index.js';
import { democraticReviewProcedure } from '../../workflows/procedures/h3-democratic-review.procedure.js';
import { appraisalConvened } from '../factories/appraisal.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { countAppraisalBallots, type SubjectRating } from '../factories/paper-count.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { createTestDatabase } from '../support/test-database.js';
import { startTestApp, testConfig, TEST_NOW, type TestApp } from '../support/test-app.js';

interface MeetingBody {
  status: string;
  outcome: string | null;
  ballotMode: string;
  roster: { personId: string; entitled: boolean }[];
  appraisal: MeetingAppraisal | null;
}

const binary = (test: request.Test) =>
  test.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });

/**
 * Issue 20's 民主测评 (三述一评) over HTTP: the cadres' reports are published, party members and
 * representatives rate each cadre and the three disclosures on paper ballots, the counter enters the count
 * and a scrutineer confirms it, and the server computes the rates the township compares against 90%.
 */
describe('Democratic appraisal (H3, 民主测评)', () => {
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

  const today = () => localDate(t.clock.now(), 'Asia/Shanghai');
  const year = () => Number(today().slice(0, 4));
  const id = (who: MemberKey) => world.people[who].personId;

  const appraisalInSession = () => appraisalConvened(t, world);

  const meetingOf = async (matter: MatterDriver): Promise<MeetingBody> =>
    (
      (await t.api(world.people.secretary.token).get(`${matter.path}/meetings`).expect(200))
        .body as MeetingBody[]
    ).at(-1)!;

  const present = (matter: MatterDriver, who: MemberKey[]) =>
    matter.ok('committee1', 'RECORD_ATTENDANCE', { present: who.map(id) });

  const TEN: MemberKey[] = [
    'secretary',
    'committee1',
    'committee2',
    'rep1',
    'rep2',
    'rep3',
    'rep4',
    'rep5',
    'party1',
    'party2',
  ];

  /** The counts of the example below, by subject: 满意, 基本满意, 不满意. */
  const exampleCount = (of: VillageWorld = world): SubjectRating[] => {
    const id = (who: MemberKey) => of.people[who].personId;
    const line = (subject: string, [satisfied, basicallySatisfied, dissatisfied]: number[]) => ({
      subject,
      satisfied,
      basicallySatisfied,
      dissatisfied,
    });
    return [
      line(id('secretary'), [9, 1, 0]),
      line(id('committee1'), [6, 2, 2]),
      line(id('committee2'), [2, 3, 5]),
      line('partyAffairs', [9, 0, 1]),
      line('villageAffairs', [8, 1, 0]),
      line('financialAffairs', [8, 0, 2]),
    ];
  };

  async function countedAppraisal(ratings = exampleCount()): Promise<MatterDriver> {
    const matter = await appraisalInSession();
    await present(matter, TEN);
    await countAppraisalBallots(t, world, matter.path, { ballotsReturned: 10, ratings });
    await matter.ok('supervisor', 'CLOSE_APPRAISAL', { minutes: '当场计票，公布结果' });
    return matter;
  }

  it('puts every cadre in office and the three disclosures on the ballot, from the register, on paper only', async () => {
    const matter = await appraisalInSession();
    const meeting = await meetingOf(matter);
    expect(meeting.ballotMode).toBe('secret');
    expect(meeting.appraisal!.subjects.map((subject) => subject.key).sort()).toEqual(
      [
        id('secretary'),
        id('committee1'),
        id('committee2'),
        'partyAffairs',
        'villageAffairs',
        'financialAffairs',
      ].sort(),
    );
    expect(meeting.appraisal!.subjects.find((subject) => subject.key === id('secretary'))!.label).toContain(
      '村党组织书记',
    );
    // Party members and representatives rate together; a probationary member attends without a vote.
    const roster = new Map(meeting.roster.map((entry) => [entry.personId, entry.entitled]));
    expect(roster.get(id('party1'))).toBe(true);
    expect(roster.get(id('rep3'))).toBe(true);
    expect(roster.get(id('party4'))).toBe(false);
    expect(roster.has(id('villager3'))).toBe(false);
    // Nobody rates online: who rated whom must not be traceable.
    await present(matter, TEN);
    const online = await matter.send('rep1', 'CAST_BALLOT', { choice: 'yes' });
    expect([online.status, (online.body as { code: string }).code]).toEqual([422, 'EVENT.UNKNOWN']);
  });

  it('refuses a count that leaves a cadre off, adds a subject, or has more ballots than people, and changes nothing', async () => {
    const matter = await appraisalInSession();
    await present(matter, TEN);
    const attempt = (ballotsReturned: number, ratings: SubjectRating[], counter: MemberKey = 'villager1') =>
      countAppraisalBallots(
        t,
        world,
        matter.path,
        { ballotsReturned, ratings },
        { counter, scrutineer: 'supervisor', sitsIn: true },
      );
    const withoutCommittee2 = exampleCount().filter((line) => line.subject !== id('committee2'));
    await expect(attempt(10, withoutCommittee2)).rejects.toThrow(/APPRAISAL.SUBJECTS_MISMATCH/);
    await expect(
      attempt(10, [
        ...exampleCount(),
        { subject: id('villager3'), satisfied: 1, basicallySatisfied: 0, dissatisfied: 0 },
      ]),
    ).rejects.toThrow(/SUBJECTS_MISMATCH/);
    // A line given twice: the payload schema's uniqueItems, or the subjects' check.
    await expect(attempt(10, [...exampleCount(), exampleCount()[0]])).rejects.toThrow(
      /EVENT.PAYLOAD_INVALID.*duplicate items|SUBJECTS_MISMATCH/,
    );
    // A cadre on the ballot counts nobody's ballots, nor confirms the count.
    await expect(attempt(10, exampleCount(), 'committee2')).rejects.toThrow(/被测评的村干部不能担任计票人/);
    await expect(
      countAppraisalBallots(
        t,
        world,
        matter.path,
        { ballotsReturned: 10, ratings: exampleCount() },
        {
          counter: 'villager1',
          scrutineer: 'secretary',
        },
      ),
    ).rejects.toThrow(/被测评的村干部不能担任计票人/);
    // Eleven ballots from ten present; a subject rated by more ballots than came back.
    await expect(attempt(11, exampleCount())).rejects.toThrow(/VOTE.COUNT_IMPOSSIBLE/);
    const tooMany = exampleCount().map((line, index) => (index === 0 ? { ...line, satisfied: 10 } : line));
    await expect(attempt(10, tooMany)).rejects.toThrow(/VOTE.COUNT_IMPOSSIBLE/);
    expect((await meetingOf(matter)).appraisal!.count).toBeNull();
  });

  it('counts only once a scrutineer other than the counter confirms, and without a quorum convenes again', async () => {
    const matter = await appraisalInSession();
    // Seven of twelve with a vote: short of two thirds.
    await present(matter, ['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4']);
    await matter.ok('supervisor', 'CLOSE_APPRAISAL', {});
    expect((await matter.read()).state).toBe('appraisal.convening');
    expect((await meetingOf(matter)).outcome).toBe('noQuorum');

    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: today(), ballot: 'secret' });
    await present(matter, TEN);
    const sheet = await t
      .api(world.people.villager1.token)
      .upload(
        `/villages/${world.villageId}/attachments?filename=sheet.png`,
        Buffer.from('89504e47', 'hex'),
        'image/png',
      )
      .expect(201);
    const count = {
      ballotsReturned: 10,
      ratings: exampleCount(),
      counter: id('villager1'),
      scrutineer: id('villager2'),
      tallySheet: [(sheet.body as { id: string }).id],
    };
    // The secretary, rated on the ballot, cannot enter the count in the counter's name.
    const byCadre = await matter.send('secretary', 'RECORD_APPRAISAL_COUNT', count);
    expect((byCadre.body as { code: string }).code).toBe('VOTE.COUNTER_INVALID');
    // villager2 was not there: no representative, not sitting in. The supervisor sits in and scrutinises.
    const absent = await matter.send('villager1', 'RECORD_APPRAISAL_COUNT', count);
    expect((absent.body as { code: string }).code).toBe('VOTE.SCRUTINEER_NOT_AT_MEETING');
    expect((await meetingOf(matter)).appraisal!.count).toBeNull();
    await matter.ok('supervisor', 'SIT_IN', { note: '列席并监票' });
    count.scrutineer = id('supervisor');
    await matter.ok('villager1', 'RECORD_APPRAISAL_COUNT', count);
    const closing = await matter.send('supervisor', 'CLOSE_APPRAISAL', {});
    expect((closing.body as { code: string }).code).toBe('VOTE.COUNT_UNCONFIRMED');
    expect((await matter.send('villager1', 'CONFIRM_COUNT', {})).status).toBe(403);
    await matter.ok('supervisor', 'CONFIRM_COUNT', { note: '核对无误' });
    // Confirmed, the count is final.
    expect((await matter.send('villager1', 'RECORD_APPRAISAL_COUNT', count)).status).toBe(409);
    await matter.ok('supervisor', 'CLOSE_APPRAISAL', {});
    expect((await matter.read()).state).toMatch(/^resultDisclosure/);
  });

  /** A village's copy of H3 whose close goes straight on to the result, whatever the attendance. */
  const closingWithoutQuorum = () => {
    const item = JSON.parse(JSON.stringify(democraticReviewProcedure)) as ProcedureDefinition;
    const inSession = item.machine.states!.appraisal.states!.inSession;
    const [whenCounted] = inSession.on!.CLOSE_APPRAISAL;
    inSession.on!.CLOSE_APPRAISAL = [{ target: whenCounted.target, actions: whenCounted.actions }];
    return item;
  };
  const addingX1 = (definition: ProcedureDefinition) => ({
    title: '调整清单',
    summary: '本村测评',
    effectiveFrom: today(),
    changes: [{ kind: 'addItem', code: 'X1', title: '本村民主测评', definition }],
  });

  it('refuses a village item that leaves the 民主测评 without its quorum instead of holding it again', async () => {
    const item = closingWithoutQuorum();
    const secretary = t.api(world.people.secretary.token);
    const checked = await secretary
      .post(`/villages/${world.villageId}/list-changes/check`, { changes: addingX1(item).changes })
      .expect(200);
    expect(checked.body).toMatchObject({
      ok: false,
      issues: [
        {
          issue: 'GOVERNANCE.MISSING_STEP',
          message: expect.stringContaining('到会达到法定人数方可结束测评并计票') as string,
        },
      ],
    });
    const refused = await secretary
      .post(`/villages/${world.villageId}/matters`, { procedureId: 'L1', inputs: addingX1(item) })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'LIST.CHANGE_INVALID' });
  });

  it('keeps such an item, adopted before this release, from counting an appraisal without its quorum or starting anew', async () => {
    // An earlier release's checker admitted the item: it stands for that here, written into the stored
    // version of an adopted copy of H3 while the app is down.
    const database = await createTestDatabase({ survivesRestart: true });
    const config = testConfig();
    const before = await startTestApp({ database, config });
    const village = await createVillage(before);
    let matterId: string;
    try {
      const adjustment = await before
        .api(village.people.secretary.token)
        .post(`/villages/${village.villageId}/matters`, {
          procedureId: 'L1',
          inputs: addingX1(JSON.parse(JSON.stringify(democraticReviewProcedure)) as ProcedureDefinition),
        })
        .expect(201);
      const list = new MatterDriver(before, village, (adjustment.body as { id: string }).id);
      await list.ok('supervisor', 'SUPERVISOR_OPINION', { opinion: '同意', agree: true });
      await list.ok('township', 'TOWNSHIP_APPROVE', { opinion: '审核通过' });
      await list.ok('district', 'DISTRICT_APPROVE', { opinion: '批准' });
      matterId = (await appraisalConvened(before, village, 'X1')).matterId;
      const crafted = { ...closingWithoutQuorum(), id: `X1-${village.villageId}` };
      await before.dataSource.query(
        `UPDATE procedure_version SET definition = $1, content_hash = $2 WHERE procedure_id = $3 AND version = 1`,
        [JSON.stringify(crafted), digestOf(crafted), crafted.id],
      );
    } finally {
      await before.close({ keepDatabase: true });
    }

    const after = await startTestApp({ database, config, now: before.clock.now() });
    try {
      // The matter already running finishes on its version; its close's own effect judges the quorum.
      const matter = new MatterDriver(after, village, matterId);
      const { people } = village;
      await matter.ok('committee1', 'RECORD_ATTENDANCE', {
        present: (['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3', 'rep4'] as const).map(
          (who) => people[who].personId,
        ),
      });
      const allSatisfied = exampleCount(village).map((line) => ({
        ...line,
        satisfied: 7,
        basicallySatisfied: 0,
        dissatisfied: 0,
      }));
      await countAppraisalBallots(after, village, matter.path, { ballotsReturned: 7, ratings: allSatisfied });
      await matter.ok('supervisor', 'CLOSE_APPRAISAL', {});
      // The old version moves on to the result (what the checker now refuses), but nothing is counted.
      expect((await matter.read()).state).toMatch(/^resultDisclosure/);
      const [meeting] = (await after.api(people.secretary.token).get(`${matter.path}/meetings`).expect(200))
        .body as MeetingBody[];
      expect(meeting.outcome).toBe('noQuorum');
      expect(meeting.appraisal!.result ?? null).toBeNull();

      // No new matter starts on a version this release's checker refuses.
      const refused = await after
        .api(people.supervisor.token)
        .post(`/villages/${village.villageId}/matters`, {
          procedureId: 'X1',
          inputs: { title: '年度民主评议村干部', summary: '三述一评' },
        })
        .expect(422);
      expect(refused.body).toMatchObject({ code: 'PROCEDURE.NOT_ADMISSIBLE' });
      expect((refused.body as { message: string }).message).toContain('民主测评');
    } finally {
      await after.close();
    }
  });

  it('computes each rate exactly, marks 不称职, and shows the township the village against 90%', async () => {
    const matter = await countedAppraisal();
    const result = (await meetingOf(matter)).appraisal!.result!;
    const of = (key: string) => result.subjects.find((subject) => subject.key === key)!;
    expect(of(id('secretary')).rate).toMatchObject({ percent: 100, meetsStandard: true });
    expect(of(id('committee1'))).toMatchObject({
      rate: { percent: 80, meetsStandard: false },
      incompetent: false,
    });
    // Five of ten 不满意: the local rule's 50% makes 不称职.
    expect(of(id('committee2'))).toMatchObject({
      rate: { percent: 50 },
      incompetent: true,
      twiceIncompetent: false,
    });
    // Exactly 90% meets the standard; a blank ballot does not count against a subject.
    expect(of('partyAffairs').rate).toMatchObject({ satisfied: 9, of: 10, percent: 90, meetsStandard: true });
    expect(of('villageAffairs')).toMatchObject({ blank: 1, rate: { of: 9, percent: 100 } });
    // 23 of 30 for the cadres; 26 of 29 for the disclosures, 89.6%, just short and not rounded up.
    expect(result.cadres).toMatchObject({ satisfied: 23, of: 30, percent: 76.6, meetsStandard: false });
    expect(result.disclosure).toMatchObject({ satisfied: 26, of: 29, percent: 89.6, meetsStandard: false });

    const overview = (
      await t
        .api(world.people.township.token)
        .get(`/regions/${world.townshipId}/overview?year=${year()}`)
        .expect(200)
    ).body as { villages: VillageOverview[] };
    const row = overview.villages.find((village) => village.village.id === world.villageId)!;
    expect(row.appraisal).toMatchObject({
      heldOn: today(),
      cadres: { percent: 76.6 },
      disclosure: { percent: 89.6 },
      incompetent: 1,
    });
    expect(row.flags).toEqual(
      expect.arrayContaining([
        '村干部满意率 76.6%，低于 90%',
        '三务公开满意率 89.6%，低于 90%',
        '测评不称职村干部 1 人',
      ]),
    );
    const xlsx = await binary(
      t.api(world.people.township.token).get(`/regions/${world.townshipId}/overview.xlsx?year=${year()}`),
    ).expect(200);
    const [sheet] = await readXlsxFile(xlsx.body as Buffer);
    const header = sheet.data[0] as string[];
    const line = sheet.data.find((cells) => cells[1] === row.village.name)!;
    expect(line[header.indexOf('村干部满意率(%)')]).toBe(76.6);
    expect(line[header.indexOf('三务公开满意率(%)')]).toBe(89.6);

    const page = await request(t.app.getHttpServer())
      .get(`/c/r/${world.townshipId}`)
      .set('Cookie', await consoleCookie(t, world, 'township'))
      .expect(200);
    expect(page.text).toContain('76.6%');
    expect(page.text).toContain('测评不称职村干部 1 人');
  });

  it('publishes the rates with the result, names nobody who rated, and marks 不称职 twice in a row', async () => {
    await countedAppraisal();
    const second = await countedAppraisal();
    const result = (await meetingOf(second)).appraisal!.result!;
    expect(result.subjects.find((subject) => subject.key === id('committee2'))).toMatchObject({
      incompetent: true,
      twiceIncompetent: true,
    });
    expect(result.standards.twiceIncompetent).toContain('第三十三条');

    const record = await request(t.app.getHttpServer())
      .get(`/p/${world.villageId}/m/${second.matterId}`)
      .expect(200);
    expect(record.text).toContain('连续两次不称职');
    expect(record.text).toContain('76.6%');
    // Names are `key（suffix）`: the cadres rated are named, nobody who rated or counted is.
    expect(record.text).toContain('committee2（');
    for (const who of ['rep1', 'party1', 'villager1', 'villager2'])
      expect(record.text).not.toContain(`${who}（`);
  });
});
