import type { EventSpec } from '../../workflows/index.js';
import { requireMayAct, type MatterForAuthority } from '../../src/authority/deciding-authority.js';
import { whyMayNotVote } from '../../src/authority/voting-authority.js';

const payload = { type: 'object', additionalProperties: false };
const EVENTS: Record<string, EventSpec> = {
  PROPOSE_PLAN: { title: '提出方案', roles: ['secretary', 'committee_member'], payload, marks: ['proposal'] },
  APPROVE: { title: '审批', roles: ['secretary', 'committee_member'], payload, marks: ['approval'] },
  SIGN_OFF: { title: '监督委员会审核', roles: ['supervisor'], payload, marks: ['supervisorSignOff'] },
  RECORD: { title: '登记', roles: ['committee_member'], payload, distinctFrom: ['APPROVE'] },
};
const matter: MatterForAuthority = { createdBy: 'starter', inputs: {}, events: EVENTS };
const person = (
  personId: string,
  acts: { eventType: string; actorRole: string }[] = [],
  recused = false,
) => ({
  personId,
  acts,
  recused,
});
const attempt = (who: ReturnType<typeof person>, role: string, event: string) => () =>
  requireMayAct(matter, who, role, EVENTS[event]);

describe(requireMayAct.name, () => {
  it('refuses an approval by the person who proposed the plan, though someone else started the matter', () => {
    const proposer = person('proposer', [{ eventType: 'PROPOSE_PLAN', actorRole: 'committee_member' }]);
    expect(attempt(proposer, 'committee_member', 'APPROVE')).toThrow(
      expect.objectContaining({ code: 'SEPARATION.SELF_APPROVAL' }),
    );
    expect(attempt(person('other'), 'committee_member', 'APPROVE')).not.toThrow();
  });

  it('refuses a supervisor’s sign-off by whoever started the matter', () => {
    expect(attempt(person('starter'), 'supervisor', 'SIGN_OFF')).toThrow(
      expect.objectContaining({ code: 'SEPARATION.SELF_APPROVAL' }),
    );
  });

  it('refuses a deciding act by someone recused, but lets them record', () => {
    const recused = person('r', [], true);
    expect(attempt(recused, 'committee_member', 'APPROVE')).toThrow(
      expect.objectContaining({ code: 'CONFLICT.RECUSED' }),
    );
    expect(attempt(recused, 'committee_member', 'RECORD')).not.toThrow();
  });

  it('keeps steps marked distinct for different people, and supervisors apart from cadres', () => {
    const approver = person('a', [{ eventType: 'APPROVE', actorRole: 'committee_member' }]);
    expect(attempt(approver, 'committee_member', 'RECORD')).toThrow(
      expect.objectContaining({ code: 'SEPARATION.SAME_PERSON' }),
    );
    expect(attempt(approver, 'supervisor', 'SIGN_OFF')).toThrow(
      expect.objectContaining({ code: 'SEPARATION.DUAL_ROLE' }),
    );
  });
});

describe(whyMayNotVote.name, () => {
  const place = { personId: 'p', entitled: true, household: null };
  const now = { recused: false, present: true, voted: false };

  it('refuses the vote of someone recused after the meeting was convened', () => {
    expect(whyMayNotVote(place, { ...now, recused: true })).toBe('RECUSED');
    expect(whyMayNotVote({ ...place, recused: true }, now)).toBe('RECUSED');
  });

  it('names the first reason a vote is refused, and none for an eligible voter', () => {
    expect(whyMayNotVote(undefined, now)).toBe('NOT_ON_ROSTER');
    expect(whyMayNotVote({ ...place, entitled: false }, now)).toBe('NOT_ENTITLED');
    expect(whyMayNotVote(place, { ...now, present: false })).toBe('NOT_PRESENT');
    expect(whyMayNotVote(place, { ...now, sentProxy: true })).toBe('BY_PROXY');
    expect(whyMayNotVote(place, { ...now, voted: true })).toBe('ALREADY_VOTED');
    expect(whyMayNotVote(place, now)).toBeNull();
  });
});
