import { periodEnd, WorkingCalendar } from '../../src/time/calendar.js';

const TZ = 'Asia/Shanghai';
/** The 2026 days the calendar migration ships, around National Day. */
const NATIONAL_DAY_2026 = new WorkingCalendar(
  new Map<string, 'holiday' | 'workday'>([
    ...['01', '02', '03', '04', '05', '06', '07'].map((day): [string, 'holiday'] => [
      `2026-10-${day}`,
      'holiday',
    ]),
    ['2026-09-20', 'workday'],
    ['2026-10-10', 'workday'],
  ]),
);
const at = (iso: string) => new Date(iso);
const end = (
  start: string,
  days: number,
  unit: 'calendar' | 'working',
  calendar = NATIONAL_DAY_2026,
  extendPastHolidays?: boolean,
) => periodEnd(at(start), { days, unit, extendPastHolidays }, TZ, calendar).toISOString();

describe(periodEnd.name, () => {
  it('does not count the first day and ends at 24:00 of the last (民法典 第二百零一条)', () => {
    // Published Monday 2 March, 10:00: seven days are 3–9 March; the period ends as 10 March begins.
    expect(end('2026-03-02T02:00:00Z', 7, 'calendar')).toBe('2026-03-09T16:00:00.000Z');
  });

  it('runs a calendar-day period ending on a rest day on to the next working day (第二百零三条)', () => {
    // Seven days from Saturday 7 March end on Saturday 14 March: the period runs to Monday 16 March.
    expect(end('2026-03-07T02:00:00Z', 7, 'calendar')).toBe('2026-03-16T16:00:00.000Z');
    expect(end('2026-03-07T02:00:00Z', 7, 'calendar', NATIONAL_DAY_2026, false)).toBe(
      '2026-03-14T16:00:00.000Z',
    );
  });

  it('runs a calendar-day period ending in the National Day holiday to the first working day after it', () => {
    expect(end('2026-09-26T02:00:00Z', 7, 'calendar')).toBe('2026-10-08T16:00:00.000Z');
  });

  it('counts five working days across National Day, with the adjusted working Saturday (调休)', () => {
    // From Wednesday 30 September: 8, 9, 10 (Saturday, worked), 12 and 13 October.
    expect(end('2026-09-30T02:00:00Z', 5, 'working')).toBe('2026-10-13T16:00:00.000Z');
    // With weekends only, the same five days would end on 7 October.
    expect(end('2026-09-30T02:00:00Z', 5, 'working', new WorkingCalendar())).toBe('2026-10-07T16:00:00.000Z');
  });

  it('reads the local date in the district’s time zone', () => {
    // 23:30 on Sunday 1 March in Beijing is still 1 March there: seven plain days end with 8 March.
    expect(end('2026-03-01T15:30:00Z', 7, 'calendar', NATIONAL_DAY_2026, false)).toBe(
      '2026-03-08T16:00:00.000Z',
    );
  });
});
