import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/http/public.decorator.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { AdvanceClockDto } from './clock.dto.js';
import { ClockService } from './clock.service.js';

@ApiTags('time')
@Controller('clock')
export class ClockController {
  constructor(private readonly clock: ClockService) {}

  @Public()
  @Get()
  now() {
    return this.clock.now();
  }

  /** Embedded demo only: move time forward and deliver what falls due. */
  @ApiBearerAuth()
  @Post('advance')
  @HttpCode(200)
  advance(@CurrentActor() actor: PersonActor, @Body() body: AdvanceClockDto) {
    return this.clock.advance(actor, body);
  }
}
