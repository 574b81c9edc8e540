import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { IsText } from '../common/is-text.js';
import { Public } from '../common/http/public.decorator.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { CalendarService } from './calendar.service.js';
import { CalendarDayDto } from './time-responses.dto.js';

export class CalendarQuery {
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100) year?: number;
}

export class CalendarEntryDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() date: string;
  @ApiProperty({ enum: ['holiday', 'workday'] }) @IsIn(['holiday', 'workday']) kind: 'holiday' | 'workday';
  @ApiProperty({ example: '地方节日' }) @IsText() @MinLength(1) @MaxLength(50) name: string;
}

/** The working-day calendar: national statutory holidays and 调休, and each district's own days. */
@ApiTags('time')
@Controller()
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Public()
  @Get('calendar')
  @ApiOkResponse({ type: [CalendarDayDto], description: 'the national holidays and working weekends' })
  @ApiErrors(400)
  national(@Query() query: CalendarQuery) {
    return this.calendars.list(null, query.year);
  }

  @Public()
  @Get('regions/:districtId/calendar')
  @ApiOkResponse({ type: [CalendarDayDto], description: 'the national days with the district’s own' })
  @ApiErrors(400)
  district(@Param('districtId', ParseUUIDPipe) districtId: string, @Query() query: CalendarQuery) {
    return this.calendars.list(districtId, query.year);
  }

  @ApiBearerAuth()
  @Post('regions/:districtId/calendar')
  @ApiCreatedResponse({ type: [CalendarDayDto], description: 'the district’s calendar for that year' })
  @ApiErrors(400, 401, 403, 404, 409)
  add(
    @CurrentActor() actor: PersonActor,
    @Param('districtId', ParseUUIDPipe) districtId: string,
    @Body() body: CalendarEntryDto,
  ) {
    return this.calendars.add(actor, districtId, body);
  }
}
