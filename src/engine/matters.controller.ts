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
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { JsonObject } from '../../workflows/index.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { MATTER_EVENT_SCHEMA, MATTER_START_SCHEMA } from '../procedures/payload-schemas.js';
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
import { MatterPageDto, MatterViewDto, MatterWithHistoryDto } from './matter-view.dto.js';
import { ChainReportDto, TraceRowDto } from './trace-view.dto.js';

const NOW_SEEN = 'the matter as the caller now sees it (`Idempotent-Replayed: true` on a retried request)';

@ApiTags('matters')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('villages/:villageId')
export class MattersController {
  constructor(
    private readonly engine: EngineService,
    private readonly queries: MatterQueries,
  ) {}

  @Post('matters')
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiBody({ schema: { $ref: getSchemaPath(MATTER_START_SCHEMA) } })
  @ApiCreatedResponse({ type: MatterViewDto, description: NOW_SEEN })
  @ApiErrors(400, 403, 404, 409, 422)
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
  @ApiOkResponse({ type: MatterPageDto })
  @ApiErrors(400, 404)
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
  @ApiOkResponse({ type: MatterWithHistoryDto, description: 'the view with the accepted steps taken' })
  @ApiErrors(400, 404)
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
  @ApiBody({ schema: { $ref: getSchemaPath(MATTER_EVENT_SCHEMA) } })
  @ApiOkResponse({ type: MatterViewDto, description: NOW_SEEN })
  @ApiErrors(400, 403, 404, 409, 422)
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
  @ApiOkResponse({ type: MatterViewDto, description: NOW_SEEN })
  @ApiErrors(400, 403, 404, 409, 422)
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
  @ApiOkResponse({ type: [TraceRowDto], description: 'every attempt, accepted or refused, in order' })
  @ApiErrors(400, 404)
  trace(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.queries.trace(actor, villageId, matterId);
  }

  @Get('trace/verify')
  @ApiOkResponse({ type: ChainReportDto })
  @ApiErrors(400, 404)
  verify(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.queries.verifyChain(actor, villageId);
  }
}
