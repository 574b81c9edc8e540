import { partsIn } from '../time/calendar.js';

const pad = (value: number) => String(value).padStart(2, '0');

/** `YYYY-MM-DD HH:mm` in a time zone, as a printed record or a page shows a moment. */
export function localTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const { year, month, day, hour, minute } = partsIn(new Date(iso), timeZone);
  return `${year}-${pad(month)}-${pad(day)} ${pad(hour)}:${pad(minute)}`;
}
