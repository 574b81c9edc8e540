import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, TEST_NOW, type TestApp } from '../support/test-app.js';
import { DAY_MS } from '../../src/common/clock.js';
import { MembershipRepository } from '../../src/identity/membership.repository.js';

describe('Meetings and votes through the engine', () => {
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

  it('refuses a ballot from someone not on the roster', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await expect(matter.send('party1', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'VOTE.NOT_ON_ROSTER',
    });
  });

  it('refuses a second ballot from the same person', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await matter.send('committee2', 'CAST_BALLOT', { choice: 'no' });
    await expect(matter.send('committee2', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'VOTE.ALREADY_CAST',
    });
  });

  it('refuses a ballot from a member not recorded present', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting({ present: ['secretary', 'committee1'] });
    await expect(matter.send('committee2', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'VOTE.NOT_PRESENT',
    });
  });

  it('refuses a ballot after the vote closed', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.send('secretary', 'CLOSE_VOTE');
    await expect(matter.send('committee2', 'CAST_BALLOT', { choice: 'no' })).rejects.toMatchObject({
      code: 'MATTER.STEP_NOT_ALLOWED',
    });
  });

  it('gives probationary party members a seat but no vote', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.send('secretary', 'CLOSE_VOTE');
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    await matter.send('committee1', 'RECORD_ATTENDANCE', { present: [matter.personId('party4')] });
    await expect(matter.send('party4', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'VOTE.NOT_ENTITLED',
    });
  });

  it('takes no secret ballot online: one cast or recorded in the console could be traced to its voter', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting({ ballot: 'secret' });
    await expect(matter.send('committee2', 'CAST_BALLOT', { choice: 'no' })).rejects.toMatchObject({
      code: 'VOTE.SECRET_ON_PAPER',
    });
    await expect(
      matter.send('committee1', 'RECORD_BALLOT', { personId: matter.personId('committee2'), choice: 'yes' }),
    ).rejects.toMatchObject({ code: 'VOTE.SECRET_ON_PAPER' });
    // Nor is it closed before a counted result has been confirmed by its scrutineer.
    await expect(matter.send('secretary', 'CLOSE_VOTE')).rejects.toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
  });

  it('counts an open show of hands recorded by the clerk once someone else at the meeting confirms it', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const) {
      await matter.send('committee1', 'RECORD_BALLOT', { personId: matter.personId(who), choice: 'yes' });
    }
    await expect(matter.send('secretary', 'CLOSE_VOTE')).rejects.toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
    // The supervision committee's chair sat in and confirms what the clerk wrote down.
    await matter.send('supervisor', 'SIT_IN', { note: '列席' });
    await matter.send('supervisor', 'CONFIRM_COUNT', { note: '与举手情况一致' });
    await expect(
      matter.send('committee1', 'RECORD_BALLOT', { personId: matter.personId('committee2'), choice: 'no' }),
    ).rejects.toMatchObject({ code: 'VOTE.MIXED' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    expect(view.state).toBe('partyMemberMeeting.convening');
    const [meeting] = await t.dataSource.query<{ recorded_ballots_confirmation: object }[]>(
      'SELECT recorded_ballots_confirmation FROM meeting WHERE matter_id = $1',
      [matter.matterId],
    );
    // Two recorded for others; the clerk's own hand is their own vote.
    expect(meeting.recorded_ballots_confirmation).toMatchObject({
      ballots: 2,
      confirmedBy: matter.personId('supervisor'),
    });
  });

  it("will not let one clerk write a whole vote in others' names and have it stand", async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const) {
      await matter.send('secretary', 'RECORD_BALLOT', { personId: matter.personId(who), choice: 'yes' });
    }
    // The secretary is also a party member, but the one who recorded confirms nothing of it.
    await expect(
      matter.sendAs('secretary', 'party_member', 'CONFIRM_COUNT', { note: '确认' }),
    ).rejects.toMatchObject({ code: 'VOTE.NOT_SCRUTINEER' });
    // Nor does someone who was not there: the supervisor did not sit in, villager2 is not on the roster.
    await expect(matter.send('supervisor', 'CONFIRM_COUNT', {})).rejects.toMatchObject({
      code: 'VOTE.SCRUTINEER_NOT_AT_MEETING',
    });
    await expect(matter.send('villager2', 'CONFIRM_COUNT', {})).rejects.toMatchObject({
      code: 'VOTE.SCRUTINEER_NOT_AT_MEETING',
    });
    await expect(matter.send('secretary', 'CLOSE_VOTE')).rejects.toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
    const [meeting] = await t.dataSource.query<{ status: string; recorded_ballots_confirmation: null }[]>(
      'SELECT status, recorded_ballots_confirmation FROM meeting WHERE matter_id = $1',
      [matter.matterId],
    );
    expect(meeting).toEqual({ status: 'open', recorded_ballots_confirmation: null });
  });

  it('needs no one to confirm ballots the voters cast themselves', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await expect(matter.send('supervisor', 'CONFIRM_COUNT', {})).rejects.toMatchObject({
      code: 'VOTE.COUNT_UNCONFIRMED',
    });
    // The clerk recording their own hand is their own vote too.
    await matter.send('committee1', 'RECORD_BALLOT', {
      personId: matter.personId('committee1'),
      choice: 'yes',
    });
    for (const who of ['secretary', 'committee2'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    expect(view.state).toBe('partyMemberMeeting.convening');
  });

  it('takes the roster from memberships on the meeting date', async () => {
    const matter = await EngineDriver.start(t, world);
    const memberships = t.get(MembershipRepository);
    const held = await memberships.validForPerson(
      t.dataSource.manager,
      world.villageId,
      matter.personId('committee2'),
      matter.today(),
    );
    const leaving = held.find((membership) => membership.role === 'committee_member')!;
    await memberships.end(t.dataSource.manager, world.villageId, leaving.id, '2026-03-04');
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-05', ballot: 'open' });
    t.clock.advance(3 * DAY_MS);
    await expect(
      matter.send('committee1', 'RECORD_ATTENDANCE', { present: [matter.personId('committee2')] }),
    ).rejects.toMatchObject({
      code: 'ATTENDANCE.NOT_ON_ROSTER',
    });
  });

  it('refuses to record a meeting before the day it is held', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-09', ballot: 'open' });
    await expect(
      matter.send('committee1', 'RECORD_ATTENDANCE', { present: [matter.personId('secretary')] }),
    ).rejects.toMatchObject({
      code: 'MEETING.NOT_YET_HELD',
    });
  });

  it('needs ten days’ notice for a villager meeting (村民委员会组织法 art. 21)', async () => {
    const matter = await EngineDriver.start(t, world, { decidingBody: 'villagers' });
    await matter.toResolutionMeeting();
    await expect(
      matter.send('secretary', 'CONVENE_MEETING', {
        heldOn: '2026-03-10',
        noticeGivenOn: '2026-03-02',
        ballot: 'secret',
      }),
    ).rejects.toMatchObject({ code: 'MEETING.NOTICE_TOO_SHORT', details: { earliestHeldOn: '2026-03-12' } });
    const view = await matter.send('secretary', 'CONVENE_MEETING', {
      heldOn: '2026-03-12',
      noticeGivenOn: '2026-03-02',
      ballot: 'secret',
    });
    expect((view.meetings as { ruleSet: { code: string } }[]).at(-1)!.ruleSet.code).toBe('villager-meeting');
  });

  it('applies the rule set the law gives the matter’s statutory class, not a free choice', async () => {
    const matter = await EngineDriver.start(t, world, { matterClass: 'landContractingPlan' });
    await matter.toResolutionMeeting();
    const view = await matter.send('secretary', 'CONVENE_MEETING', {
      heldOn: matter.today(),
      ballot: 'open',
    });
    expect((view.meetings as { ruleSet: { code: string } }[]).at(-1)!.ruleSet.code).toBe(
      'land-two-thirds-representatives',
    );
  });

  it('holds a matter to the law of the day it started: the 2018 text before 2026, the amended text after', async () => {
    t.clock.set(new Date('2025-12-20T02:00:00Z'));
    const before = await EngineDriver.start(t, world);
    t.clock.set(TEST_NOW);
    const after = await EngineDriver.start(t, world);
    const convened = async (matter: EngineDriver) => {
      await matter.toResolutionMeeting();
      const view = await matter.send('secretary', 'CONVENE_MEETING', {
        heldOn: matter.today(),
        ballot: 'open',
      });
      return (
        view.meetings as {
          ruleSet: { version: number; legalBasis: { version: string; article: string }[] };
        }[]
      ).at(-1)!.ruleSet;
    };
    // Both are convened in March 2026; the one started in December 2025 keeps the 2018 text.
    expect(await convened(before)).toMatchObject({
      version: 2,
      legalBasis: [{ version: '2018-12-29', article: '第二十六条' }],
    });
    expect(await convened(after)).toMatchObject({
      version: 3,
      legalBasis: [{ version: '2025-10-28 修正，2026-01-01 施行', article: '第三十条' }],
    });
  });
});
