import { DAY_MS } from '../../src/common/clock.js';
import { SchedulerService } from '../../src/time/scheduler.service.js';
import { MatterDriver, type MeetingPlan } from '../factories/matter.driver.js';
import { createVillage, type MemberKey, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PARTY_MAJORITY: MeetingPlan = {
  present: ['secretary', 'committee1', 'party1', 'party2', 'party3'],
  yes: ['secretary', 'committee1', 'party1', 'party2'],
};
const REPRESENTATIVES_PRESENT: MemberKey[] = [
  'secretary',
  'committee1',
  'committee2',
  'rep1',
  'rep2',
  'rep3',
];

/** Carries a matter through both disclosures, the public periods ending by the scheduler. */
async function passPublicPeriod(t: TestApp): Promise<void> {
  t.clock.advance(8 * DAY_MS);
  await t.get(SchedulerService).deliverDue();
}

describe('Major matter (A1, 四议两公开) over HTTP', () => {
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

  it('runs from proposal to closed with the right people, and the trace chain verifies', async () => {
    const matter = await MatterDriver.start(t, world);
    expect((await matter.read()).state).toBe('topicIntake');

    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案：硬化主干道', mergeWithDeliberation: false });
    await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
    await matter.holdMeeting({
      present: ['secretary', 'committee1', 'committee2'],
      yes: ['secretary', 'committee1', 'committee2'],
    });

    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    await matter.ok('supervisor', 'SIT_IN', { note: '列席党员大会' });
    await matter.ok('township', 'SIT_IN', {});
    await matter.ok('committee1', 'RECORD_ATTENDANCE', {
      present: PARTY_MAJORITY.present.map((who) => matter.personId(who)),
    });
    for (const who of PARTY_MAJORITY.yes!) await matter.ok(who, 'CAST_BALLOT', { choice: 'yes' });
    let view = await matter.ok('secretary', 'CLOSE_VOTE', {});
    expect(view.state).toBe('resolutionMeeting.convening');

    view = await matter.holdMeeting({
      ballot: 'secret',
      present: REPRESENTATIVES_PRESENT,
      yes: ['secretary', 'committee1', 'rep1', 'rep2'],
      no: ['rep3'],
    });
    expect(view.state).toBe('resolutionDisclosure.drafting');
    expect(view.meetings.map((meeting) => meeting.outcome)).toEqual(['passed', 'passed', 'passed', 'passed']);
    // The month's bulletin names a decision once its matter has a public page, not before its disclosure.
    const decisionsOfMonth = async () =>
      (
        (await t.api().get(`/public/villages/${world.villageId}/bulletins/2026-03`).expect(200)).body as {
          decisions: { matterId: string }[];
        }
      ).decisions.map((decision) => decision.matterId);
    expect(await decisionsOfMonth()).toEqual([]);

    view = await matter.publish('决议公开');
    expect(view.state).toBe('resolutionDisclosure.public');
    expect(await decisionsOfMonth()).toEqual(Array(4).fill(matter.matterId));
    expect(view.deadlines).toEqual([expect.objectContaining({ eventType: 'PUBLIC_PERIOD_ENDED' })]);
    await passPublicPeriod(t);
    expect((await matter.read()).state).toBe('implementation');

    await matter.ok('committee2', 'REPORT_PROGRESS', { note: '已完成招标' });
    await matter.ok('secretary', 'COMPLETE_IMPLEMENTATION', { summary: '工程已验收' });
    await matter.publish('实施结果公开');
    await passPublicPeriod(t);

    view = await matter.read('villager1');
    expect(view).toMatchObject({
      state: 'closed',
      status: 'done',
      outcome: { state: 'closed', kind: 'carriedOut' },
    });
    expect(view.history!.slice(0, 2).map((step) => [step.title, step.actor.role])).toEqual([
      ['发起事项', 'secretary'],
      ['提出方案', 'secretary'],
    ]);
    expect(view.history!.at(-1)).toMatchObject({
      title: '公示期满',
      actor: { name: '系统', role: 'system' },
    });
    expect(view.disclosures.map((disclosure) => [disclosure.kind, disclosure.status])).toEqual([
      ['resolution', 'ended'],
      ['result', 'ended'],
    ]);
    const trace = await matter.trace();
    expect(trace.every((row) => row.accepted)).toBe(true);
    expect(
      trace.filter((row) => row.eventType === 'PUBLIC_PERIOD_ENDED').map((row) => row.actor.role),
    ).toEqual(['system', 'system']);
    const verify = await t
      .api(world.people.villager2.token)
      .get(`/villages/${world.villageId}/trace/verify`)
      .expect(200);
    expect(verify.body).toMatchObject({ ok: true, checked: trace.length, firstBroken: null });
  });

  it('merges proposal and deliberation when the secretary also chairs the villagers’ committee', async () => {
    const matter = await MatterDriver.start(t, world);
    const view = await matter.ok('secretary', 'PROPOSE_PLAN', {
      plan: '合并召开',
      mergeWithDeliberation: true,
    });
    expect(view.state).toBe('twoCommitteeDeliberation.convening');
  });

  it('refuses the merge when the secretary does not chair the villagers’ committee', async () => {
    const other = await createVillage(t, { secretaryIsVcChair: false });
    const matter = await MatterDriver.start(t, other);
    const response = await matter.send('secretary', 'PROPOSE_PLAN', {
      plan: '合并召开',
      mergeWithDeliberation: true,
    });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('MATTER.STEP_NOT_ALLOWED');
  });

  it('sends the meeting back to be convened again when the quorum is not met', async () => {
    const matter = await throughTwoCommittees(t, world);
    // 3 of 6 voting party members present: not more than half.
    const view = await matter.holdMeeting({
      present: ['secretary', 'committee1', 'party4', 'party1'],
      yes: ['secretary', 'committee1', 'party1'],
    });
    expect(view.state).toBe('partyMemberMeeting.convening');
    const tally = view.meetings[2].tally!;
    expect(tally).toMatchObject({ outcome: 'noQuorum', counts: { entitled: 6, presentEntitled: 3 } });
  });

  it('stops at the lost vote, then lets the secretary revise or abandon', async () => {
    const matter = await throughTwoCommittees(t, world);
    // 5 present, 3 yes: yes must exceed half of the 6 voting members who should attend.
    let view = await matter.holdMeeting({
      ...PARTY_MAJORITY,
      yes: ['secretary', 'committee1', 'party1'],
      no: ['party2'],
    });
    expect(view.state).toBe('partyMemberMeeting.voteLost');
    expect(view.meetings[2].tally).toMatchObject({ outcome: 'lost', counts: { yes: 3, entitled: 6 } });
    view = await matter.ok('secretary', 'ABANDON', { reason: '党员大会未通过，暂缓' });
    expect(view).toMatchObject({ state: 'rejected', status: 'done', outcome: { kind: 'rejected' } });
  });

  it('lets a supervisor object at any step, sending the matter back with the reason', async () => {
    const matter = await MatterDriver.start(t, world);
    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案' });
    await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
    await matter.ok('secretary', 'CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' });
    let view = await matter.ok('supervisor2', 'OBJECT', {
      reason: '未提前征求村民意见',
      backTo: 'topicIntake',
    });
    expect(view.state).toBe('topicIntake');
    expect(view.record.lastObjection).toMatchObject({ reason: '未提前征求村民意见', role: 'supervisor' });
    expect(view.meetings.map((meeting) => meeting.status)).toEqual(['closed', 'void']);

    await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '修改后的方案' });
    view = await matter.ok('supervisor', 'OBJECT', { reason: '会议通知不规范' });
    expect(view.state).toBe('branchProposal.convening');
  });

  it('withdraws a disclosure the supervisors object to, and publishes the redraft with their opinion', async () => {
    const matter = await reachResolutionDisclosure(t, world);
    await matter.ok('committee1', 'SUBMIT_DISCLOSURE', { title: '决议公开', body: '初稿' });
    let view = await matter.ok('supervisor', 'OBJECT', { reason: '未写明金额' });
    expect(view.state).toBe('resolutionDisclosure.drafting');
    view = await matter.publish('决议公开（修改稿）');
    expect(view.disclosures.map((disclosure) => disclosure.status)).toEqual(['withdrawn', 'published']);
    expect(view.disclosures[1].supervisorOpinion).toBe('程序合规，同意公开');
  });

  it('refuses a step by the wrong role with 403 and traces the refusal', async () => {
    const matter = await MatterDriver.start(t, world);
    const response = await matter.send('villager1', 'PROPOSE_PLAN', { plan: '我来提' });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({
      code: 'AUTH.ROLE_NOT_ALLOWED',
      details: { allowed: ['secretary'] },
    });
    const refused = (await matter.trace()).at(-1)!;
    expect(refused).toMatchObject({
      eventType: 'PROPOSE_PLAN',
      accepted: false,
      actor: { personId: world.people.villager1.personId },
      stateBefore: 'topicIntake',
      stateAfter: 'topicIntake',
      refusal: { code: 'AUTH.ROLE_NOT_ALLOWED' },
    });
    expect((await matter.read()).state).toBe('topicIntake');
  });

  it('refuses a step out of order with 409 and traces the refusal', async () => {
    const matter = await MatterDriver.start(t, world);
    const response = await matter.send('secretary', 'CLOSE_VOTE', {});
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({
      code: 'MATTER.STEP_NOT_ALLOWED',
      details: { state: 'topicIntake', event: 'CLOSE_VOTE' },
    });
    expect((await matter.trace()).at(-1)).toMatchObject({
      eventType: 'CLOSE_VOTE',
      accepted: false,
      refusal: { code: 'MATTER.STEP_NOT_ALLOWED' },
    });
  });

  it('applies exactly one of ten concurrent events on one matter', async () => {
    const matter = await MatterDriver.start(t, world);
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, index) =>
        matter.send('secretary', 'PROPOSE_PLAN', { plan: `方案 ${index}` }),
      ),
    );
    expect(responses.filter((response) => response.status === 200)).toHaveLength(1);
    expect(responses.filter((response) => response.status === 409)).toHaveLength(9);
    const view = await matter.read();
    expect(view).toMatchObject({ state: 'branchProposal.convening', revision: 2 });
    const trace = await matter.trace();
    expect(trace.filter((row) => row.eventType === 'PROPOSE_PLAN' && row.accepted)).toHaveLength(1);
    expect(trace.filter((row) => row.eventType === 'PROPOSE_PLAN' && !row.accepted)).toHaveLength(9);
  });

  it('answers a retried request with the same idempotency key once, without applying it twice', async () => {
    const matter = await MatterDriver.start(t, world);
    const key = { 'Idempotency-Key': 'retry-7f3a' };
    const first = await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' }, key).expect(200);
    const retry = await matter.send('secretary', 'PROPOSE_PLAN', { plan: '方案' }, key).expect(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect((await matter.read()).revision).toBe(2);
    expect((await matter.trace()).filter((row) => row.eventType === 'PROPOSE_PLAN')).toHaveLength(1);

    const reused = await matter.send('secretary', 'PROPOSE_PLAN', { plan: '另一个方案' }, key);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });
});

/** Proposed by the branch, deliberated by the two committees: ready for the party member meeting. */
async function throughTwoCommittees(t: TestApp, world: VillageWorld): Promise<MatterDriver> {
  const matter = await MatterDriver.start(t, world);
  await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案' });
  await matter.holdMeeting({ present: ['secretary', 'committee1'], yes: ['secretary', 'committee1'] });
  await matter.holdMeeting({
    present: ['secretary', 'committee1', 'committee2'],
    yes: ['secretary', 'committee1', 'committee2'],
  });
  return matter;
}

async function reachResolutionDisclosure(t: TestApp, world: VillageWorld): Promise<MatterDriver> {
  const matter = await MatterDriver.start(t, world);
  await matter.ok('secretary', 'PROPOSE_PLAN', { plan: '方案', mergeWithDeliberation: true });
  await matter.holdMeeting({
    present: ['secretary', 'committee1', 'committee2'],
    yes: ['secretary', 'committee1', 'committee2'],
  });
  await matter.holdMeeting(PARTY_MAJORITY);
  await matter.holdMeeting({
    present: REPRESENTATIVES_PRESENT,
    yes: ['secretary', 'committee1', 'rep1', 'rep2'],
  });
  return matter;
}
