import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

/**
 * A calendar date as `YYYY-MM-DD` and nothing else. ISO 8601 also reads `2026-W10-1`, `2026-060` or a
 * time with its zone as a date; the database and the day arithmetic do not, and answered them with 500.
 */
export const IsCalendarDate = () =>
  applyDecorators(
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '$property must be a date written as YYYY-MM-DD' }),
    IsISO8601({ strict: true }),
  );
