import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, isISO8601 } from 'class-validator';

/**
 * A calendar date as `YYYY-MM-DD` and nothing else. ISO 8601 also reads `2026-W10-1`, `2026-060` or a
 * time with its zone as a date; the database and the day arithmetic do not, and answered them with 500.
 */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written as YYYY-MM-DD' }),
    IsISO8601({ strict: true }),
  );

/** The same check for a form's field: a calendar day as a date input sends it (2026-02-30 is not one). */
export const isCalendarDay = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && isISO8601(value, { strict: true });
