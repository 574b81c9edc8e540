import { fieldsOf } from '../../src/web/form-fields.js';
import { offeredActions, sessionOf } from '../../src/web/meeting-panel.js';

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

  it('offers no ballot to a member present by proxy: the clerk records the proxy’s vote for them', () => {
    expect(offeredTo(meetingWith(null), VOTER)).toContain('CAST_BALLOT');
    const proxied = {
      ...meetingWith(null),
      roster: [
        { personId: VOTER, name: '村民', entitled: true, recused: false, voted: false, byProxy: true },
      ],
    };
    expect(offeredTo(proxied, VOTER)).not.toContain('CAST_BALLOT');
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

describe('the scrutineer field', () => {
  const recordCount = {
    type: 'object',
    properties: {
      counter: { type: 'string', format: 'uuid' },
      scrutineer: { type: 'string', format: 'uuid' },
    },
  };
  const village = [
    { id: VOTER, name: '村民' },
    { id: CLERK, name: '书记' },
    { id: 'p-away', name: '缺席者' },
  ];
  const optionsOf = (meeting: Parameters<typeof sessionOf>[0], field: string) =>
    fieldsOf(recordCount, { people: village, ...sessionOf(meeting) })
      .find((candidate) => candidate.name === field)!
      .options.map((option) => option.label);
  const meeting = {
    status: 'open',
    roster: [
      { personId: VOTER, name: '村民', entitled: true, recused: false, voted: false, present: true },
      { personId: 'p-away', name: '缺席者', entitled: true, recused: false, voted: false, present: false },
    ],
    observers: [{ personId: 'p-chair', name: '监委主任' }],
    running: null,
  };

  it('offers only who was at the meeting, the engine’s rule, while the counter may be anyone', () => {
    expect(optionsOf(meeting, 'scrutineer')).toEqual(['村民', '监委主任（列席）']);
    expect(optionsOf(meeting, 'counter')).toEqual(['村民', '书记', '缺席者']);
  });

  it('offers the whole roster where the sign-in list was counted, naming nobody', () => {
    expect(optionsOf({ ...meeting, countedAttendance: { present: 1 } }, 'scrutineer')).toEqual([
      '村民',
      '缺席者',
      '监委主任（列席）',
    ]);
  });
});
