import { ApiProperty } from '@nestjs/swagger';

export class DatabaseHealthDto {
  @ApiProperty({ description: 'always true: otherwise the answer is a 503' }) ok: boolean;
  @ApiProperty({ type: 'integer' }) latencyMs: number;
}

export class SchedulerHealthDto {
  @ApiProperty({ description: 'false when TIMER_POLL_MS is 0: due timers wait' }) polling: boolean;
  @ApiProperty({ type: 'integer' }) pollMs: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'null before its first beat' })
  lastBeatSecondsAgo: number | null;
  @ApiProperty({ type: 'integer', description: 'timers due and not yet delivered' }) dueTimers: number;
  @ApiProperty({ type: 'integer', description: 'how long the oldest due timer has waited' })
  lagSeconds: number;
  @ApiProperty({ type: 'integer', description: 'timers set aside after failing unexpectedly' })
  failedTimers: number;
}

export class CalendarYearDto {
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ description: 'the State Council has not published the year’s arrangement yet' })
  provisional: boolean;
}

export class CalendarCoverageDto {
  @ApiProperty({ type: [CalendarYearDto], description: 'years with national holiday data' })
  years: CalendarYearDto[];
}

/** 200 whenever the database answers; `warning` names what needs an operator's attention. */
export class HealthReportDto {
  @ApiProperty({ enum: ['ok', 'warning'] }) status: 'ok' | 'warning';
  @ApiProperty({ format: 'date-time' }) time: string;
  @ApiProperty({ type: DatabaseHealthDto }) database: DatabaseHealthDto;
  @ApiProperty({ type: SchedulerHealthDto }) scheduler: SchedulerHealthDto;
  @ApiProperty({ type: CalendarCoverageDto }) calendar: CalendarCoverageDto;
  @ApiProperty({ type: [String], description: 'in Chinese, for the operator' }) warnings: string[];
}
