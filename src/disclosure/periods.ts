import { addDays } from '../time/calendar.js';

/** Periods of scheduled disclosures: `2026-11` (a month) or `2026-Q4` (a quarter). */
export type Frequency = 'monthly' | 'quarterly';

const pad = (value: number) => String(value).padStart(2, '0');

export function periodOf(date: string, frequency: Frequency): string {
  const [year, month] = date.split('-').map(Number);
  return frequency === 'monthly' ? `${year}-${pad(month)}` : `${year}-Q${Math.ceil(month / 3)}`;
}

/** First and last day of a period label. */
export function periodBounds(label: string): { first: string; last: string } {
  const [yearText, part] = label.split('-');
  const year = Number(yearText);
  const [firstMonth, months] = part.startsWith('Q')
    ? [(Number(part.slice(1)) - 1) * 3 + 1, 3]
    : [Number(part), 1];
  const first = `${year}-${pad(firstMonth)}-01`;
  const after = new Date(Date.UTC(year, firstMonth - 1 + months, 1)).toISOString().slice(0, 10);
  return { first, last: addDays(after, -1) };
}

/** The last day an obligation for the period may be met: `dueDay` of the month after it (or that month's end). */
export function dueDay(label: string, day: number): string {
  const after = addDays(periodBounds(label).last, 1);
  const [year, month] = after.split('-').map(Number);
  const monthLength = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(Math.min(day, monthLength))}`;
}

/** A month label the calendar covers (2000–2100), e.g. `2026-11`. */
export const MONTH_LABEL = /^(20[0-9]{2}|2100)-(0[1-9]|1[0-2])$/;

/** The period just before or just after `label`, of the same frequency. */
export function adjacentPeriod(label: string, frequency: Frequency, direction: 'before' | 'after'): string {
  const { first, last } = periodBounds(label);
  return periodOf(direction === 'before' ? addDays(first, -1) : addDays(last, 1), frequency);
}
