import request from 'supertest';
import { demoRegister } from '../../src/demo/demo-register.js';
import { writeXlsx } from '../../src/export/xlsx-workbook.js';
import { addDays, localDate, startOfLocalDay } from '../../src/time/calendar.js';
import { countPaperBallots } from '../factories/paper-count.js';
import { MatterDriver } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { consoleCookie } from '../support/console-login.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const SCAN = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

interface MeetingBody {
  id: string;
  body: string;
  status: string;
  ruleSet: { code: string };
  rosterNotes: string[];
  roster: {
    personId: string;
    household: string | null;
    entitled: boolean;
    present: boolean;
    byProxy: boolean;
  }[];
  proxyLetters: { id: string }[] | null;
  running: { present: number; quorumMet: boolean } | null;
  tally: {
    outcome: string;
    counts: Record<string, number>;
    quorum: { met: boolean; explanation: string }[];
    pass: { explanation: string };
  } | null;
}

/**
 * Meetings as a village holds them, with a register of a few hundred people loaded by the import: a villager
 * meeting by household quorum with its votes counted, a member assembly formed from the member register,
 * a secret ballot on paper.
 */
describe('Meetings as villages hold them, over HTTP', () => {
  let t: TestApp;
  let world: VillageWorld;
  let register: string[][];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    t.clock.set(TEST_NOW);
    world = await createVillage(t);
    register = demoRegister([], 75);
    const [header, ...rows] = register;
    const file = writeXlsx([{ name: '花名册', columns: header.map((title) => ({ header: title })), rows }]);
    // The township loads the register: it names who votes, which a secretary does not record.
    await t
      .api(world.people.township.token)
      .upload(`/villages/${world.villageId}/registers/import?from=2025-01-01`, file, XLSX)
      .expect(201);
  });

  const today = () => localDate(t.clock.now(), 'Asia/Shanghai');
  /** Born on or before this date: 18 on the meeting's day. */
  const eighteenYearsAgo = () => `${Number(today().slice(0, 4)) - 18}${today().slice(4)}`;
  const start = async (procedureId: string, inputs: object) => {
    const response = await t
      .api(world.people.secretary.token)
      .post(`/villages/${world.villageId}/matters`, {
        procedureId,
        inputs: { title: `${procedureId} 会议`, ...inputs },
      })
      .expect(201);
    return new MatterDriver(t, world, (response.body as { id: string }).id);
  };
  /** A matter's page in the console, as a village's member of staff reads it. */
  const consolePage = async (matter: MatterDriver, who: MemberKey) =>
    (
      await request(t.app.getHttpServer())
        .get(`/c/v/${world.villageId}/m/${matter.matterId}`)
        .set('cookie', await consoleCookie(t, world, who))
        .expect(200)
    ).text;
  const scan = async (filename: string) =>
    (
      (
        await t
          .api(world.people.committee1.token)
          .upload(
            `/villages/${world.villageId}/attachments?filename=${encodeURIComponent(filename)}`,
            SCAN,
            'image/png',
          )
          .expect(201)
      ).body as { id: string }
    ).id;
  const meetings = async (matter: MatterDriver) =>
    (await t.api(world.people.secretary.token).get(`${matter.path}/meetings`).expect(200))
      .body as MeetingBody[];
  const openMeeting = async (matter: MatterDriver) =>
    (await meetings(matter)).find((meeting) => meeting.status === 'open')!;
  /** Convenes the statutory ten days ahead and moves the clock to the meeting's morning. */
  const conveneWithNotice = async (matter: MatterDriver, ballot: 'open' | 'secret' = 'open', days = 10) => {
    const heldOn = addDays(today(), days);
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn, noticeGivenOn: today(), ballot });
    t.clock.set(new Date(startOfLocalDay(heldOn, 'Asia/Shanghai').getTime() + 9 * 3600_000));
  };
  const twoCommitteesAndParty = async (matter: MatterDriver) => {
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    const party: MemberKey[] = ['secretary', 'committee1', 'party1', 'party2', 'party3', 'party5'];
    await matter.holdMeeting({ present: party, yes: party });
  };

  it('holds a villager meeting quorate by households, its show of hands counted by the clerk', async () => {
    const matter = await start('A2', { matterClass: 'publicWelfareProject', decidingBody: 'villagers' });
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '修建村文化广场' });
    await twoCommitteesAndParty(matter);
    await conveneWithNotice(matter);
    const meeting = await openMeeting(matter);
    expect(meeting).toMatchObject({ body: 'villagers', ruleSet: { code: 'villager-meeting' } });
    // Adult residents only: the register's children and members living elsewhere are not on it.
    const adultResidents = register.slice(1).filter((row) => row[7] === '是' && row[5] <= eighteenYearsAgo());
    expect(meeting.roster.length).toBe(adultResidents.length + 18);
    expect(meeting.rosterNotes).toEqual(['18 人未登记出生日期，按成年人计入应到人数']);

    const households = new Set(meeting.roster.map((entry) => entry.household)).size;
    const signIn = await scan('签到表.jpg');
    const impossible = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      presentCount: meeting.roster.length + 1,
      householdsPresentCount: 10,
      signInSheet: [signIn],
    });
    expect(impossible.status).toBe(422);
    expect(impossible.body).toMatchObject({ code: 'ATTENDANCE.COUNT_IMPOSSIBLE' });
    // Fewer than half the adults came, but the households of two thirds: the meeting is quorate (art. 22).
    const present = Math.floor(meeting.roster.length / 2);
    const householdsPresent = Math.ceil((households * 2) / 3);
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      presentCount: present,
      householdsPresentCount: householdsPresent,
      signInSheet: [signIn],
    });
    const tooMany = await matter.send('committee1', 'RECORD_COUNT', {
      yes: present,
      no: 1,
      abstain: 0,
      counter: matter.personId('villager1'),
      scrutineer: matter.personId('villager2'),
    });
    expect(tooMany.body).toMatchObject({ code: 'VOTE.COUNT_IMPOSSIBLE' });
    expect((tooMany.body as { message: string }).message).toContain(`多于到会且有表决权的 ${present} 人`);
    const yes = Math.floor(present / 2) + 1;
    await matter.ok('committee1', 'RECORD_COUNT', {
      yes,
      no: present - yes,
      abstain: 0,
      counter: matter.personId('villager1'),
      scrutineer: matter.personId('villager2'),
      tallySheet: [await scan('计票单.jpg')],
    });
    // What the clerk entered counts once the scrutineer, someone else who was there, confirms it.
    expect((await matter.send('secretary', 'CLOSE_VOTE', {})).body).toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
    await matter.ok('villager2', 'CONFIRM_COUNT', { note: '与举手情况一致' });
    const closed = await matter.ok('secretary', 'CLOSE_VOTE', { minutes: '村民会议记录' });
    expect(closed.state).toBe('resolutionDisclosure.drafting');
    const tally = (await meetings(matter)).at(-1)!.tally!;
    expect(tally.outcome).toBe('passed');
    expect(tally.quorum.map((check) => check.met)).toEqual([false, true]);
    expect(tally.counts).toMatchObject({ present, householdsPresent, households, yes });
    // The matter's page lists the paper the meeting held, each with its hash.
    const page = await consolePage(matter, 'supervisor');
    expect(page).toMatch(
      /签到表：<a href="[^"]+\/attachments\/[^"]+" data-download>签到表\.jpg<\/a> <span class="hash">SHA-256 [0-9a-f]{64}/,
    );
    expect(page).toContain('计票单：<a');
  });

  it('forms the member assembly from the member register, members living elsewhere in, non-members out', async () => {
    const matter = await start('D7', { total: 1200000, project: '高速公路征地' });
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '按成员平均分配' });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    await conveneWithNotice(matter);
    const meeting = await openMeeting(matter);
    expect(meeting).toMatchObject({ body: 'collectiveMembers', ruleSet: { code: 'collective-assembly' } });
    const adultMembers = register.slice(1).filter((row) => row[8] === '是' && row[5] <= eighteenYearsAgo());
    expect(adultMembers.some((row) => row[7] === '否')).toBe(true);
    expect(register.slice(1).some((row) => row[8] === '否' && row[7] === '是')).toBe(true);
    // The test village's own people are members too (their birth dates unknown: counted as adults).
    expect(meeting.roster.length).toBe(adultMembers.length + 18);

    const roster = meeting.roster.length;
    const present = Math.ceil((roster * 2) / 3);
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      presentCount: present,
      householdsPresentCount: 40,
      signInSheet: [await scan('签到表.jpg')],
    });
    // Two thirds of those present is not two thirds of all members (集体经济组织法第二十七条).
    const twoThirdsOfPresent = Math.ceil((present * 2) / 3);
    await matter.ok('committee1', 'RECORD_COUNT', {
      yes: twoThirdsOfPresent,
      no: present - twoThirdsOfPresent,
      abstain: 0,
      counter: matter.personId('villager1'),
      scrutineer: matter.personId('villager2'),
    });
    await matter.ok('villager2', 'CONFIRM_COUNT', {});
    const closed = await matter.ok('secretary', 'CLOSE_VOTE', {});
    expect(closed.state).toBe('resolutionMeeting.voteLost');
    expect((await meetings(matter)).at(-1)!.tally!.pass.explanation).toContain(`应到 ${roster}`);
  });

  it('counts a member who sent a written proxy with someone of their household as present, at the member assembly only', async () => {
    const matter = await start('D7', { total: 1200000, project: '高速公路征地' });
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '按成员平均分配' });
    // The two committees' meeting takes no proxy: the law gives it to the member assembly alone.
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: today(), ballot: 'open' });
    const committees = await openMeeting(matter);
    const letter = await scan('委托书.jpg');
    const notHere = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: [matter.personId('secretary'), matter.personId('committee1')],
      presentByProxy: [matter.personId('committee2')],
      proxyLetters: [letter],
    });
    expect(notHere.status).toBe(422);
    expect(notHere.body).toMatchObject({
      code: 'ATTENDANCE.PROXY_NOT_ALLOWED',
      details: { body: committees.body },
    });
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: ['secretary', 'committee1', 'committee2'].map((who) => matter.personId(who as MemberKey)),
    });
    for (const who of ['secretary', 'committee1', 'committee2'] as const)
      await matter.ok(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.ok('secretary', 'CLOSE_VOTE', {});

    // villager1, who has a login, lives in a household of the register: they will send a proxy.
    const voter = matter.personId('villager1');
    await t.dataSource.query(
      `UPDATE person SET household_id = (SELECT id FROM household WHERE village_id = $1 ORDER BY code LIMIT 1)
        WHERE id = $2`,
      [world.villageId, voter],
    );
    await conveneWithNotice(matter);
    const meeting = await openMeeting(matter);
    expect(meeting.body).toBe('collectiveMembers');
    // Households with two or more on the roster: one member comes, carrying the others' letters.
    const byHousehold = new Map<string, string[]>();
    for (const entry of meeting.roster.filter((candidate) => candidate.household)) {
      byHousehold.set(entry.household!, [...(byHousehold.get(entry.household!) ?? []), entry.personId]);
    }
    const carriers: string[] = [];
    const principals: string[] = [];
    for (const people of byHousehold.values()) {
      if (people.length < 2) continue;
      const carrier = people.find((personId) => personId !== voter)!;
      carriers.push(carrier);
      principals.push(...people.filter((personId) => personId !== carrier));
    }
    const roster = meeting.roster.length;
    const needed = Math.ceil((roster * 2) / 3);
    const others = meeting.roster
      .map((entry) => entry.personId)
      .filter((personId) => !principals.includes(personId) && !carriers.includes(personId));
    // The count's counter and scrutineer come in person.
    const officers = [matter.personId('villager2'), matter.personId('committee2')];
    const inPerson = [
      ...carriers,
      ...officers,
      ...others.filter((personId) => !officers.includes(personId)),
    ].slice(0, Math.max(needed - principals.length, carriers.length + officers.length));
    expect(carriers.every((personId) => inPerson.includes(personId))).toBe(true);
    // In person alone, the meeting would fall short of two thirds of all members; with the proxies it does not.
    expect(inPerson.length).toBeLessThan(needed);
    expect(inPerson.length + principals.length).toBeGreaterThanOrEqual(needed);

    // Refused, each for its reason, and nothing recorded: no letters; a letter with nobody of the household
    // there; the same member in person and by proxy.
    const refusals = [
      [{ present: inPerson, presentByProxy: principals }, 'ATTENDANCE.PROXY_INVALID'],
      [
        {
          present: inPerson.filter((personId) => personId !== carriers[0]),
          presentByProxy: principals,
          proxyLetters: [letter],
        },
        'ATTENDANCE.PROXY_INVALID',
      ],
      [
        { present: inPerson, presentByProxy: [...principals, inPerson[0]], proxyLetters: [letter] },
        'ATTENDANCE.CONTRADICTORY',
      ],
    ] as const;
    for (const [payload, code] of refusals) {
      const refused = await matter.send('committee1', 'RECORD_ATTENDANCE', payload);
      expect({ code: (refused.body as { code: string }).code }).toEqual({ code });
    }
    expect((await openMeeting(matter)).roster.filter((entry) => entry.present)).toEqual([]);

    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: inPerson,
      presentByProxy: principals,
      proxyLetters: [letter],
    });
    const recorded = await openMeeting(matter);
    expect(
      recorded.roster
        .filter((entry) => entry.byProxy)
        .map((entry) => entry.personId)
        .sort(),
    ).toEqual([...principals].sort());
    expect(recorded.proxyLetters).toEqual([expect.objectContaining({ id: letter })]);
    expect(await consolePage(matter, 'committee1')).toMatch(/委托书：<a [^>]+>委托书\.jpg<\/a>/);
    expect(recorded.running).toMatchObject({ present: inPerson.length + principals.length, quorumMet: true });
    // A latecomer recorded afterwards leaves the proxies and their letters as they were.
    const latecomer = others.find((personId) => !inPerson.includes(personId))!;
    await matter.ok('committee1', 'RECORD_ATTENDANCE', { present: [latecomer] });
    inPerson.push(latecomer);
    const later = await openMeeting(matter);
    expect(later.proxyLetters).toEqual(recorded.proxyLetters);
    expect(later.roster.filter((entry) => entry.byProxy).length).toBe(principals.length);
    // A member who sent a proxy does not also vote online: the proxy's vote is theirs, recorded by the clerk.
    expect(principals).toContain(voter);
    const own = await matter.send('villager1', 'CAST_BALLOT', { choice: 'yes' });
    expect(own.body).toMatchObject({ code: 'VOTE.BY_PROXY' });
    // A member who sent a proxy and comes after all is there in person, counted once; one who is there in
    // person sends no proxy.
    const arrived = principals.find((personId) => personId !== voter)!;
    await matter.ok('committee1', 'RECORD_ATTENDANCE', { present: [arrived] });
    const withArrival = await openMeeting(matter);
    expect(withArrival.roster.find((entry) => entry.personId === arrived)).toMatchObject({
      present: true,
      byProxy: false,
    });
    expect(withArrival.running).toMatchObject({ present: inPerson.length + principals.length });
    const backAgain = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      presentByProxy: [arrived],
      proxyLetters: [await scan('委托书2.jpg')],
    });
    expect(backAgain.body).toMatchObject({
      code: 'ATTENDANCE.CONTRADICTORY',
      details: { personIds: [arrived] },
    });
    expect((await openMeeting(matter)).roster.find((entry) => entry.personId === arrived)).toMatchObject({
      byProxy: false,
    });
    // Recorded as gone again, and back: the roster follows the clerk's last record.
    await matter.ok('committee1', 'RECORD_ATTENDANCE', { absent: [arrived] });
    expect((await openMeeting(matter)).roster.find((entry) => entry.personId === arrived)).toMatchObject({
      present: false,
    });
    await matter.ok('committee1', 'RECORD_ATTENDANCE', { present: [arrived] });
    const present = inPerson.length + principals.length;
    await matter.ok('committee1', 'RECORD_COUNT', {
      yes: present,
      no: 0,
      abstain: 0,
      counter: matter.personId('villager2'),
      scrutineer: matter.personId('committee2'),
    });
    await matter.ok('committee2', 'CONFIRM_COUNT', {});
    await matter.ok('secretary', 'CLOSE_VOTE', {});
    expect((await meetings(matter)).at(-1)!.tally).toMatchObject({ outcome: 'passed' });
  });

  it('takes a secret ballot on paper: counted by its counter, confirmed by a scrutineer who is neither', async () => {
    const matter = await start('A3', { matterClass: 'publicWelfareProject' });
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '修建村文化广场' });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });
    await conveneWithNotice(matter, 'secret', 7);
    const meeting = await openMeeting(matter);
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: meeting.roster.map((entry) => entry.personId),
    });
    const online = await matter.send('rep1', 'CAST_BALLOT', { choice: 'yes' });
    expect(online.body).toMatchObject({ code: 'VOTE.SECRET_ON_PAPER' });
    const count = {
      yes: meeting.roster.length,
      no: 0,
      abstain: 0,
      counter: matter.personId('villager1'),
      scrutineer: matter.personId('villager2'),
      tallySheet: [await scan('计票单.jpg')],
    };
    const byClerk = await matter.send('committee1', 'RECORD_COUNT', count);
    expect(byClerk.body).toMatchObject({ code: 'VOTE.COUNTER_INVALID' });
    // A scrutineer vouches for what they saw: villager2 is no representative and did not sit in.
    const absentScrutineer = await matter.send('villager1', 'RECORD_COUNT', count);
    expect(absentScrutineer).toMatchObject({
      status: 422,
      body: { code: 'VOTE.SCRUTINEER_NOT_AT_MEETING', details: { personId: matter.personId('villager2') } },
    });
    expect((await matter.send('secretary', 'CLOSE_VOTE', {})).body).toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
    const contradictory = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: [meeting.roster[0].personId],
      absent: [meeting.roster[0].personId],
    });
    expect(contradictory.body).toMatchObject({ code: 'ATTENDANCE.CONTRADICTORY' });
    await countPaperBallots(t, world, matter.path, { yes: count.yes, no: 0, abstain: 0 });
    // The count was of those present: marking one of them absent now would leave more votes than people.
    const corrected = await matter.send('committee1', 'RECORD_ATTENDANCE', {
      absent: [meeting.roster[0].personId],
    });
    expect(corrected).toMatchObject({ status: 409, body: { code: 'ATTENDANCE.COUNT_RECORDED' } });
    const closed = await matter.ok('secretary', 'CLOSE_VOTE', {});
    expect(closed.state).not.toContain('resolutionMeeting');
    // Nothing links a voter to a choice: no ballot rows at all, only the counts and who counted them.
    const ballots: unknown[] = await t.dataSource.query('SELECT * FROM ballot WHERE meeting_id = $1', [
      meeting.id,
    ]);
    expect(ballots).toEqual([]);
  });
});
