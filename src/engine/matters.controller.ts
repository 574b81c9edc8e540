import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { JsonObject } from '../../workflows/index.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { EngineService } from './engine.service.js';
import { answer, IDEMPOTENCY_HEADER } from './engine-answer.js';
import {
  ConflictDto,
  idempotencyKeyOf,
  ListMattersQuery,
  SendEventDto,
  StartMatterDto,
} from './matter.dto.js';
import { MatterQueries } from './matter-queries.service.js';

@ApiTags('matters')
@ApiBearerAuth()
@Controller('villages/:villageId')
export class MattersController {
  constructor(
    private readonly engine: EngineService,
    private readonly queries: MatterQueries,
  ) {}

  @Post('matters')
  @ApiHeader(IDEMPOTENCY_HEADER)
  async start(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: StartMatterDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const idempotencyKey = idempotencyKeyOf(key);
    return answer(
      response,
      await this.engine.start({
        villageId,
        actor,
        procedureId: body.procedureId,
        inputs: body.inputs as JsonObject,
        conflicts: body.conflicts,
        idempotencyKey,
      }),
    );
  }

  @Get('matters')
  list(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: ListMattersQuery,
  ) {
    return this.queries.list(actor, villageId, {
      status: query.status,
      limit: query.limit ?? 20,
      offset: query.offset ?? 0,
    });
  }

  @Get('matters/:matterId')
  read(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.queries.read(actor, villageId, matterId);
  }

  @Post('matters/:matterId/events')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  async send(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Body() body: SendEventDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const idempotencyKey = idempotencyKeyOf(key);
    const result = await this.engine.send({
      villageId,
      matterId,
      actor,
      type: body.type,
      payload: (body.payload ?? {}) as JsonObject,
      asRole: body.as,
      idempotencyKey,
    });
    return answer(response, result);
  }

  /** Declares a conflict of interest (回避): the person is excluded from the matter's votes and approvals. */
  @Post('matters/:matterId/conflicts')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  async declareConflict(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Body() body: ConflictDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const idempotencyKey = idempotencyKeyOf(key);
    return answer(
      response,
      await this.engine.declareConflict({ villageId, matterId, actor, conflict: body, idempotencyKey }),
    );
  }

  @Get('matters/:matterId/trace')
  trace(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.queries.trace(actor, villageId, matterId);
  }

  @Get('trace/verify')
  verify(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.queries.verifyChain(actor, villageId);
  }
}
