import { DAY_MS } from '../common/clock.js';

/** A period as procedures state it: so many calendar days or working days (工作日). */
export interface Period {
  days: number;
  unit: 'calendar' | 'working';
  /**
   * A calendar-day period whose last day is a rest day ends on the next working day (民法典 第二百零三条);
   * `false` counts plain days.
   */
  extendPastHolidays?: boolean;
}

/** Which days are working days: weekdays, less statutory holidays, plus adjusted working days (调休). */
export class WorkingCalendar {
  constructor(private readonly entries: ReadonlyMap<string, 'holiday' | 'workday'> = new Map()) {}

  isWorkingDay(date: string): boolean {
    const entry = this.entries.get(date);
    return entry ? entry === 'workday' : !isWeekend(date);
  }
}

/** Building a formatter costs a thousand times its use, and every event reads the local date. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterIn(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export const partsIn = (instant: Date, timeZone: string) => {
  const parts = formatterIn(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** The last date asked for per time zone, by the minute it was asked for (dates change on minutes). */
const lastDates = new Map<string, { minute: number; date: string }>();
const MINUTE_MS = 60_000;

/** The calendar date ('YYYY-MM-DD') of an instant in a time zone. Every event asks for today's. */
export function localDate(instant: Date, timeZone: string): string {
  const minute = Math.floor(instant.getTime() / MINUTE_MS);
  const last = lastDates.get(timeZone);
  if (last?.minute === minute) return last.date;
  const { year, month, day } = partsIn(instant, timeZone);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  lastDates.set(timeZone, { minute, date });
  return date;
}

const offsetMs = (instant: Date, timeZone: string): number => {
  const p = partsIn(instant, timeZone);
  return (
    Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) -
    Math.floor(instant.getTime() / 1000) * 1000
  );
};

/** The instant a local date begins (00:00) in a time zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  const guess = Date.UTC(year, month - 1, day);
  const first = guess - offsetMs(new Date(guess), timeZone);
  return new Date(guess - offsetMs(new Date(first), timeZone));
}

export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  const [a, b] = [from, to].map((date) => {
    const [year, month, day] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  });
  return Math.round((b - a) / DAY_MS);
}

const isWeekend = (date: string): boolean => {
  const [year, month, day] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * When a period that starts at `start` ends: the first day is not counted and the period runs to the end
 * (24:00) of its last day (民法典 第二百零一条、第二百零三条). Working days follow the calendar (holidays,
 * 调休); a calendar-day period ending on a rest day runs on to the next working day.
 */
export function periodEnd(
  start: Date,
  period: Period,
  timeZone: string,
  calendar = new WorkingCalendar(),
): Date {
  let date = localDate(start, timeZone);
  for (let counted = 0; counted < period.days;) {
    date = addDays(date, 1);
    if (period.unit === 'calendar' || calendar.isWorkingDay(date)) counted++;
  }
  if (period.unit === 'calendar' && period.extendPastHolidays !== false) {
    while (!calendar.isWorkingDay(date)) date = addDays(date, 1);
  }
  return startOfLocalDay(addDays(date, 1), timeZone);
}
