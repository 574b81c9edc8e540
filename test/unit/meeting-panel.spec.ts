import { offeredActions } from '../../src/web/meeting-panel.js';

const COUNTER = 'p-counter';
const SCRUTINEER = 'p-scrutineer';
const CLERK = 'p-clerk';
const VOTER = 'p-voter';

const actions = [{ type: 'CAST_BALLOT' }, { type: 'CONFIRM_COUNT' }, { type: 'CLOSE_VOTE' }];

const meetingWith = (count: object | null, voted = false) => ({
  status: 'open',
  roster: [{ personId: VOTER, name: '村民', entitled: true, recused: false, voted }],
  running: null,
  voteCount: count as never,
});

const count = { counter: COUNTER, scrutineer: SCRUTINEER, recordedBy: CLERK, confirmedBy: null };
const offeredTo = (meeting: Parameters<typeof offeredActions>[1], personId: string) =>
  offeredActions(actions, meeting, personId).map((action) => action.type);

describe('offeredActions', () => {
  it('offers the confirmation of a count to the scrutineer it names, and to nobody else', () => {
    const meeting = meetingWith(count);
    expect(offeredTo(meeting, SCRUTINEER)).toContain('CONFIRM_COUNT');
    for (const other of [COUNTER, CLERK, VOTER])
      expect(offeredTo(meeting, other)).not.toContain('CONFIRM_COUNT');
  });

  it('offers no confirmation before a count is entered, or once it is confirmed', () => {
    expect(offeredTo(meetingWith(null), SCRUTINEER)).not.toContain('CONFIRM_COUNT');
    expect(offeredTo(meetingWith({ ...count, confirmedBy: SCRUTINEER }), SCRUTINEER)).not.toContain(
      'CONFIRM_COUNT',
    );
  });

  it("reads an appraisal's count the same way", () => {
    const meeting = { ...meetingWith(null), appraisal: { subjects: [], count } };
    expect(offeredTo(meeting, SCRUTINEER)).toContain('CONFIRM_COUNT');
    expect(offeredTo(meeting, COUNTER)).not.toContain('CONFIRM_COUNT');
  });

  it('offers the confirmation of a show of hands the clerk recorded to whoever was at the meeting', () => {
    const meeting = {
      ...meetingWith(null),
      roster: [
        { personId: VOTER, name: '村民', entitled: true, recused: false, voted: true, present: true },
        { personId: COUNTER, name: '缺席者', entitled: true, recused: false, voted: false, present: false },
      ],
      observers: [{ personId: SCRUTINEER }],
      ballots: [{ recordedByClerk: true }],
      recordedBallotsConfirmation: null,
    };
    expect(offeredTo(meeting, VOTER)).toContain('CONFIRM_COUNT');
    expect(offeredTo(meeting, SCRUTINEER)).toContain('CONFIRM_COUNT');
    expect(offeredTo(meeting, COUNTER)).not.toContain('CONFIRM_COUNT');
    expect(offeredTo({ ...meeting, ballots: [{ recordedByClerk: false }] }, VOTER)).not.toContain(
      'CONFIRM_COUNT',
    );
    const confirmed = { ...meeting, recordedBallotsConfirmation: { confirmedBy: SCRUTINEER } };
    expect(offeredTo(confirmed, VOTER)).not.toContain('CONFIRM_COUNT');
  });

  it('offers a ballot only to a voter on the roster who has not voted', () => {
    expect(offeredTo(meetingWith(null), VOTER)).toContain('CAST_BALLOT');
    expect(offeredTo(meetingWith(null, true), VOTER)).not.toContain('CAST_BALLOT');
    expect(offeredTo(meetingWith(null), SCRUTINEER)).not.toContain('CAST_BALLOT');
  });
});
