import { ApiProperty } from '@nestjs/swagger';

/** A matter's pending time limit or public period, in the matter's view. */
export class DeadlineViewDto {
  @ApiProperty({
    example: 'PUBLIC_PERIOD_ENDED',
    description: 'the event the server sends when it falls due',
  })
  eventType: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ description: 'the stage it belongs to: leaving the stage cancels it' }) state: string;
}

export class ClockDto {
  @ApiProperty({ format: 'date-time' }) now: string;
  @ApiProperty({ format: 'date', description: 'the local date in `timeZone`' }) today: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ description: 'a district admin may move it forward (the embedded demo)' })
  adjustable: boolean;
}

export class AdvancedClockDto extends ClockDto {
  @ApiProperty({ type: 'integer', description: 'timers that fell due and were delivered' })
  timersDelivered: number;
}

/** A holiday or a working weekend (调休) of the national calendar, or a district's own day. */
export class CalendarDayDto {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) kind: 'holiday' | 'workday';
  @ApiProperty({ example: '春节' }) name: string;
  @ApiProperty({ description: 'not yet published by the State Council' }) provisional: boolean;
  @ApiProperty({ description: 'the district’s own day' }) district: boolean;
}
