import { sessionOf } from '../../src/web/meeting-panel.js';

const entry = (personId: string, household: string | null) => ({
  personId,
  name: personId,
  entitled: true,
  recused: false,
  voted: false,
  household,
});
const HOUSEHOLD = '7d1f2c34-5b6a-4c8d-9e0f-1a2b3c4d5e6f';

describe('the attendance form of a meeting in session', () => {
  it('offers register households named by their people, never a household code kept on a role', () => {
    const session = sessionOf({
      status: 'open',
      body: 'villagers',
      roster: [
        entry('郭芳', HOUSEHOLD),
        entry('何伟', HOUSEHOLD),
        entry('林娜', 'H17'),
        entry('王建国', null),
      ],
      running: null,
    });
    expect(session.households).toEqual([{ id: HOUSEHOLD, name: '郭芳、何伟（一户）' }]);
    expect(session.roster).toHaveLength(4);
    expect(session.remoteAttendance).toBe(false);
  });

  it('offers online seats only to the collective’s assemblies, whose charter may allow them', () => {
    const meeting = (body: string) => ({ status: 'open', body, roster: [], running: null });
    expect(sessionOf(meeting('collectiveMembers')).remoteAttendance).toBe(true);
    expect(sessionOf(meeting('collectiveRepresentatives')).remoteAttendance).toBe(true);
    expect(sessionOf(meeting('representatives')).remoteAttendance).toBe(false);
    expect(sessionOf(null)).toEqual({
      roster: undefined,
      households: undefined,
      remoteAttendance: false,
      proxyAttendance: false,
    });
  });

  it('offers attendance by written proxy at the member assembly alone', () => {
    const meeting = (body: string) => ({ status: 'open', body, roster: [], running: null });
    expect(sessionOf(meeting('collectiveMembers')).proxyAttendance).toBe(true);
    for (const body of ['collectiveRepresentatives', 'villagers', 'representatives', 'twoCommittees'])
      expect([body, sessionOf(meeting(body)).proxyAttendance]).toEqual([body, false]);
  });
});
