import { partsIn } from '../time/calendar.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in a time zone, as a printed record or a page shows a moment. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const { year, month, day, hour, minute } = partsIn(new Date(iso), timeZone);
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}

/** `12月30日`: a calendar day as a notice reads it. */
export function monthDay(iso: string, timeZone: string): string {
  const { month, day } = partsIn(new Date(iso), timeZone);
  return `${month}月${day}日`;
}

/**
 * The last day of a period that ends at `endsAt` (the start of the day after, as stored): a period ending
 * at 2026-12-31 00:00 is read 至 12月30日, its last whole day.
 */
export function lastDayOf(endsAt: string | null, timeZone: string): string {
  return endsAt ? monthDay(new Date(Date.parse(endsAt) - 1).toISOString(), timeZone) : '';
}
