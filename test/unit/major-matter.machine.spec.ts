import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import type { MatterEvent } from '../../src/procedures/matter-event.js';
import { statePath } from '../../src/engine/state-path.js';

const { machine } = buildProcedure(majorMatterProcedure);

const event = (type: string, payload: object = {}, facts: object = {}): MatterEvent => ({
  type,
  payload: payload as MatterEvent['payload'],
  facts: facts as MatterEvent['facts'],
  actor: { personId: 'p1', role: 'secretary' },
  at: '2026-03-02T02:00:00.000Z',
});
const tally = (outcome: string) => ({ tally: { outcome } });

function run(...events: MatterEvent[]): AnyMachineSnapshot {
  let [snapshot] = initialTransition(machine, { title: '村道硬化', decidingBody: 'representatives' });
  for (const next of events) {
    expect({ event: next.type, can: snapshot.can(next) }).toEqual({ event: next.type, can: true });
    [snapshot] = transition(machine, snapshot, next);
  }
  return snapshot as AnyMachineSnapshot;
}

const meeting = (outcome: string) => [
  event('CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' }),
  event('CLOSE_VOTE', {}, tally(outcome)),
];
const path = (snapshot: AnyMachineSnapshot) => statePath(snapshot.value as never);

describe('A1 major matter machine', () => {
  it('starts at topic intake with the inputs in its context', () => {
    const [snapshot] = initialTransition(machine, { title: '村道硬化' });
    expect(snapshot.value).toBe('topicIntake');
    expect(snapshot.context).toEqual({ inputs: { title: '村道硬化' } });
  });

  it('goes to the branch proposal unless the plan merges proposal and deliberation', () => {
    expect(path(run(event('PROPOSE_PLAN', { plan: 'p' })))).toBe('branchProposal.convening');
  });

  it('merges into the two-committee meeting only when the proposer chairs the villagers’ committee', () => {
    const merged = event(
      'PROPOSE_PLAN',
      { plan: 'p', mergeWithDeliberation: true },
      { actorIsVcChair: true },
    );
    expect(path(run(merged))).toBe('twoCommitteeDeliberation.convening');
    const [start] = initialTransition(machine, {});
    expect(
      start.can(event('PROPOSE_PLAN', { plan: 'p', mergeWithDeliberation: true }, { actorIsVcChair: false })),
    ).toBe(false);
  });

  it('lets the server’s tally decide: passed moves on, no quorum reconvenes, lost waits', () => {
    const proposed = event('PROPOSE_PLAN', { plan: 'p' });
    expect(path(run(proposed, ...meeting('passed')))).toBe('twoCommitteeDeliberation.convening');
    expect(path(run(proposed, ...meeting('noQuorum')))).toBe('branchProposal.convening');
    expect(path(run(proposed, ...meeting('lost')))).toBe('branchProposal.voteLost');
  });

  it('refuses to close a vote without a tally', () => {
    const snapshot = run(
      event('PROPOSE_PLAN', { plan: 'p' }),
      event('CONVENE_MEETING', { heldOn: '2026-03-02', ballot: 'open' }),
    );
    expect(snapshot.can(event('CLOSE_VOTE'))).toBe(false);
  });

  it('revises from a lost vote back to the topic, or abandons', () => {
    const lost = [event('PROPOSE_PLAN', { plan: 'p' }), ...meeting('lost')];
    expect(path(run(...lost, event('REVISE_PLAN', { reason: 'r' })))).toBe('topicIntake');
    expect(run(...lost, event('ABANDON', { reason: 'r' })).status).toBe('done');
  });

  it('sends the matter back where the supervisor’s objection says, keeping the reason', () => {
    const atParty = [event('PROPOSE_PLAN', { plan: 'p' }), ...meeting('passed'), ...meeting('passed')];
    expect(path(run(...atParty))).toBe('partyMemberMeeting.convening');
    const objected = run(
      ...atParty,
      event('OBJECT', { reason: '程序不合规', backTo: 'twoCommitteeDeliberation' }),
    );
    expect(path(objected)).toBe('twoCommitteeDeliberation.convening');
    expect(objected.context.lastObjection).toMatchObject({ reason: '程序不合规', by: 'p1' });
    expect(path(run(...atParty, event('OBJECT', { reason: 'r' })))).toBe('partyMemberMeeting.convening');
  });

  it('does not let an objection send the matter forward', () => {
    const snapshot = run(event('PROPOSE_PLAN', { plan: 'p' }));
    expect(snapshot.can(event('OBJECT', { reason: 'r', backTo: 'implementation' }))).toBe(false);
  });

  it('needs the supervisors’ opinion before a disclosure is public, and the period’s end to move on', () => {
    const toDisclosure = [
      event('PROPOSE_PLAN', { plan: 'p' }),
      ...meeting('passed'),
      ...meeting('passed'),
      ...meeting('passed'),
      ...meeting('passed'),
    ];
    const drafted = run(...toDisclosure, event('SUBMIT_DISCLOSURE', { title: 't', body: 'b' }));
    expect(path(drafted)).toBe('resolutionDisclosure.awaitingOpinion');
    expect(drafted.can(event('PUBLIC_PERIOD_ENDED', {}, { openObjections: 0 }))).toBe(false);
    const closed = run(
      ...toDisclosure,
      event('SUBMIT_DISCLOSURE', { title: 't', body: 'b' }),
      event('GIVE_OPINION', { opinion: 'ok' }),
      event('PUBLIC_PERIOD_ENDED', {}, { openObjections: 0 }),
      event('COMPLETE_IMPLEMENTATION', { summary: 's' }),
      event('SUBMIT_DISCLOSURE', { title: 't', body: 'b' }),
      event('GIVE_OPINION', { opinion: 'ok' }),
      event('PUBLIC_PERIOD_ENDED', {}, { openObjections: 0 }),
    );
    expect({ value: closed.value, status: closed.status }).toEqual({ value: 'closed', status: 'done' });
  });
});
