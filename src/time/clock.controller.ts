import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { Public } from '../common/http/public.decorator.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { AdvanceClockDto } from './clock.dto.js';
import { ClockService } from './clock.service.js';
import { AdvancedClockDto, ClockDto } from './time-responses.dto.js';

@ApiTags('time')
@Controller('clock')
export class ClockController {
  constructor(private readonly clock: ClockService) {}

  @Public()
  @Get()
  @ApiOkResponse({ type: ClockDto })
  now() {
    return this.clock.now();
  }

  /** Embedded demo only: move time forward and deliver what falls due. */
  @ApiBearerAuth()
  @Post('advance')
  @HttpCode(200)
  @ApiOkResponse({ type: AdvancedClockDto })
  @ApiErrors(400, 401, 403, 409)
  advance(@CurrentActor() actor: PersonActor, @Body() body: AdvanceClockDto) {
    return this.clock.advance(actor, body);
  }
}
