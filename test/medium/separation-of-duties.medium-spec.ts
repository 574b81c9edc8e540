import { randomUUID } from 'node:crypto';
import { MembershipRepository } from '../../src/identity/membership.repository.js';
import { EngineDriver } from '../factories/engine.driver.js';
import { createVillage, type VillageWorld } from '../factories/village.factory.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Separation of duties and conflicts of interest', () => {
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

  const expenseClaim = () =>
    EngineDriver.start(
      t,
      world,
      { title: '购买办公用品', amount: 800, voucherNo: 'FP-001', purpose: '办公' },
      { procedureId: 'C1', by: 'committee1' },
    );

  it('refuses an approval by whoever started the matter', async () => {
    const claim = await expenseClaim();
    await claim.send('committee2', 'WITNESS_SIGN', {});
    await expect(claim.send('committee1', 'FINANCE_APPROVE', {})).rejects.toMatchObject({
      code: 'SEPARATION.SELF_APPROVAL',
    });
    const view = await claim.send('committee2', 'FINANCE_APPROVE', { opinion: '票据合规' });
    expect(view.state).toBe('supervisorSeal');
  });

  it('refuses a witness who is the person claiming', async () => {
    const claim = await expenseClaim();
    await expect(claim.send('committee1', 'WITNESS_SIGN', {})).rejects.toMatchObject({
      code: 'SEPARATION.SAME_PERSON',
      details: { earlierStep: 'START' },
    });
  });

  it('keeps the seal’s approver and its custodian apart', async () => {
    const seal = await EngineDriver.start(
      t,
      world,
      { title: '开具居住证明', kind: 'certificate', documentRef: '居住证明-0301', purpose: '入学' },
      { procedureId: 'G1', by: 'villager1' },
    );
    await seal.send('secretary', 'APPROVE_SEAL_USE', { opinion: '同意' });
    await expect(
      seal.send('secretary', 'RECORD_SEAL_USE', { copies: 1, documentChecked: true }),
    ).rejects.toMatchObject({
      code: 'SEPARATION.SAME_PERSON',
      details: { earlierStep: 'APPROVE_SEAL_USE' },
    });
    const view = await seal.send('committee2', 'RECORD_SEAL_USE', { copies: 1, documentChecked: true });
    expect(view.status).toBe('done');
  });

  const alsoSupervisor = (who: 'committee2') =>
    t.get(MembershipRepository).insert(t.dataSource.manager, {
      villageId: world.villageId,
      id: randomUUID(),
      personId: world.people[who].personId,
      role: 'supervisor',
      vcChair: false,
      supervisorChair: false,
      votingRights: true,
      household: null,
      validFrom: '2025-01-01',
      validTo: null,
      createdAt: t.clock.now(),
    });

  it('refuses one person acting as cadre and then as supervisor in the same matter', async () => {
    // Roles change over a term; the matter remembers who did what.
    await alsoSupervisor('committee2');
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await matter.sendAs('committee2', 'committee_member', 'CAST_BALLOT', { choice: 'yes' });
    await expect(
      matter.sendAs('committee2', 'supervisor', 'OBJECT', { reason: '我反对' }),
    ).rejects.toMatchObject({
      code: 'SEPARATION.DUAL_ROLE',
      details: { earlierRole: 'committee_member' },
    });
  });

  it('refuses the second of two simultaneous acts by one person as cadre and as supervisor', async () => {
    // The two arrive together: the second waits for the matter's lock and must still see the first act.
    await alsoSupervisor('committee2');
    for (let trial = 0; trial < 3; trial++) {
      const matter = await EngineDriver.start(t, world);
      await matter.atTwoCommitteeMeeting();
      const outcomes = await Promise.allSettled([
        matter.sendAs('committee2', 'committee_member', 'CAST_BALLOT', { choice: 'yes' }),
        matter.sendAs('committee2', 'supervisor', 'OBJECT', { reason: '程序有误' }),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.reason).toMatchObject({ code: 'SEPARATION.DUAL_ROLE' });
    }
  });

  it('keeps a person with a declared conflict out of the vote, but in the count of all members', async () => {
    const matter = await EngineDriver.start(
      t,
      world,
      {},
      {
        conflicts: [
          { personId: world.people.party1.personId, relation: 'closeRelative', note: '申请人之子' },
        ],
      },
    );
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.send('secretary', 'CLOSE_VOTE');
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    const present = ['secretary', 'committee1', 'party1', 'party2', 'party3'] as const;
    await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: present.map((who) => matter.personId(who)),
    });
    await expect(matter.send('party1', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'CONFLICT.RECUSED',
    });
    for (const who of ['secretary', 'committee1', 'party2', 'party3'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    // The rule counts yes votes against all 6 voting members, the recused one included: 4 is more than half
    // (3 would not be); of the 5 who came, 4 take part.
    expect((view.meetings as { tally: object }[])[1].tally).toMatchObject({
      counts: { entitled: 6, presentEntitled: 4, yes: 4 },
      outcome: 'passed',
      recusal: { personIds: [matter.personId('party1')] },
    });
  });

  it('takes someone out of a vote already open when a conflict is declared for them, and sets their ballot aside', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    for (const who of ['secretary', 'committee1', 'committee2'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    await matter.send('secretary', 'CLOSE_VOTE');
    await matter.send('secretary', 'CONVENE_MEETING', { heldOn: matter.today(), ballot: 'open' });
    const present = ['secretary', 'committee1', 'party1', 'party2', 'party3', 'party5'] as const;
    await matter.send('committee1', 'RECORD_ATTENDANCE', {
      present: present.map((who) => matter.personId(who)),
    });
    for (const who of ['party1', 'party2'] as const) await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    // Found after party1 voted: the supervisors, not the cadres running the vote, stand the voter aside.
    await matter.declareConflict('supervisor', {
      personId: matter.personId('party1'),
      relation: 'closeRelative',
      note: '方案涉及其父承包的地块',
    });
    await matter.declareConflict('secretary', {
      personId: matter.personId('party3'),
      relation: 'bidder',
      note: '拟参与投标',
    });
    await expect(matter.send('party3', 'CAST_BALLOT', { choice: 'yes' })).rejects.toMatchObject({
      code: 'CONFLICT.RECUSED',
    });
    for (const who of ['secretary', 'committee1'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    // party1's yes is set aside: 3 yes of 6 voting members is not more than half.
    expect((view.meetings as { tally: object }[])[1].tally).toMatchObject({
      counts: { entitled: 6, yes: 3 },
      outcome: 'lost',
      recusal: { setAside: 1, explanation: expect.stringContaining('其已投的 1 票不计') as string },
    });
  });

  it('will not let the secretary, having seen the ballots, stand aside a voter whose vote went against him', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await matter.send('secretary', 'CAST_BALLOT', { choice: 'yes' });
    await matter.send('committee1', 'CAST_BALLOT', { choice: 'no' });
    await matter.send('committee2', 'CAST_BALLOT', { choice: 'no' });
    await expect(
      matter.declareConflict('secretary', {
        personId: matter.personId('committee2'),
        relation: 'other',
        note: '与方案有利害关系',
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT.VOTE_UNDER_WAY' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    expect((view.meetings as { tally: object }[])[0].tally).toMatchObject({
      counts: { yes: 1, no: 2 },
      outcome: 'lost',
    });
  });

  it('still lets a voter declare their own conflict after voting, setting their ballot aside', async () => {
    const matter = await EngineDriver.start(t, world);
    await matter.atTwoCommitteeMeeting();
    await matter.send('committee2', 'CAST_BALLOT', { choice: 'no' });
    await matter.declareConflict('committee2', {
      personId: matter.personId('committee2'),
      relation: 'closeRelative',
      note: '施工方是我的亲属',
    });
    for (const who of ['secretary', 'committee1'] as const)
      await matter.send(who, 'CAST_BALLOT', { choice: 'yes' });
    const view = await matter.send('secretary', 'CLOSE_VOTE');
    expect((view.meetings as { tally: object }[])[0].tally).toMatchObject({
      counts: { yes: 2 },
      recusal: { setAside: 1 },
    });
  });

  it('requires a reason to stand someone else aside', async () => {
    const matter = await EngineDriver.start(t, world);
    await expect(
      matter.declareConflict('secretary', { personId: matter.personId('party1'), relation: 'other' }),
    ).rejects.toMatchObject({ code: 'CONFLICT.REASON_REQUIRED' });
    // One's own conflict needs no reason.
    await matter.declareConflict('party1', { personId: matter.personId('party1'), relation: 'other' });
  });

  it('refuses a supervisor’s sign-off in a matter that supervisor started', async () => {
    // A supervisor is also a villager and applies for assistance for their own household.
    const application = await EngineDriver.start(
      t,
      world,
      { title: '低保申请', household: 'H04' },
      { procedureId: 'F1', by: 'supervisor' },
    );
    await application.send('committee1', 'ACCEPT_APPLICATION', {});
    await application.send('committee1', 'RECORD_SURVEY', {
      investigators: ['张三', '李四'],
      findings: '属实',
    });
    await application.passMeeting(['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3']);
    await application.send('committee1', 'SUBMIT_DISCLOSURE', { title: '低保公示', body: '拟纳入低保' });
    await expect(
      application.send('supervisor', 'GIVE_OPINION', { opinion: '同意公示' }),
    ).rejects.toMatchObject({ code: 'SEPARATION.SELF_APPROVAL' });
    const view = await application.send('supervisor2', 'GIVE_OPINION', { opinion: '同意公示' });
    expect(view.state).toBe('villageNotice.public');
  });

  it('keeps a supervisor with a declared conflict from signing off', async () => {
    const matter = await EngineDriver.start(
      t,
      world,
      {},
      {
        conflicts: [{ personId: world.people.supervisor.personId, relation: 'payee', note: '本人是收款人' }],
      },
    );
    await matter.toResolutionMeeting();
    await matter.passMeeting(['secretary', 'committee1', 'committee2', 'rep1', 'rep2', 'rep3']);
    await matter.send('committee1', 'SUBMIT_DISCLOSURE', { title: '决议公开', body: '正文' });
    await expect(matter.send('supervisor', 'GIVE_OPINION', { opinion: '同意' })).rejects.toMatchObject({
      code: 'CONFLICT.RECUSED',
    });
    const view = await matter.send('supervisor2', 'GIVE_OPINION', { opinion: '同意' });
    expect(view.state).toBe('resolutionDisclosure.public');
  });
});
