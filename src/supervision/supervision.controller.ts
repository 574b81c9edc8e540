import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { answer, IDEMPOTENCY_HEADER } from '../engine/engine-answer.js';
import { idempotencyKeyOf } from '../engine/matter.dto.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { DocumentRequestsService } from './document-requests.service.js';
import { InboxService } from './inbox.service.js';
import { DocumentAnswerDto, DocumentRequestDto } from './supervision.dto.js';

@ApiTags('supervision')
@ApiBearerAuth()
@Controller()
export class SupervisionController {
  constructor(
    private readonly inbox: InboxService,
    private readonly documents: DocumentRequestsService,
  ) {}

  /** What waits for me in a village: steps I may take, requests for documents, what is overdue. */
  @Get('villages/:villageId/inbox')
  villageInbox(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.inbox.forVillage(actor, villageId);
  }

  /** For township and district staff: steps waiting for them and what is overdue, in every village below. */
  @Get('regions/:regionId/inbox')
  regionInbox(@CurrentActor() actor: PersonActor, @Param('regionId', ParseUUIDPipe) regionId: string) {
    return this.inbox.forRegion(actor, regionId);
  }

  @Post('villages/:villageId/matters/:matterId/document-requests')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  async requestDocuments(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Body() body: DocumentRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const idempotencyKey = idempotencyKeyOf(key);
    return answer(
      response,
      await this.documents.request({ villageId, matterId, actor, idempotencyKey, request: body.request }),
    );
  }

  @Post('villages/:villageId/matters/:matterId/document-requests/:requestId/answer')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  async answerDocuments(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Param('requestId', ParseUUIDPipe) requestId: string,
    @Body() body: DocumentAnswerDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const idempotencyKey = idempotencyKeyOf(key);
    return answer(
      response,
      await this.documents.answer({
        villageId,
        matterId,
        actor,
        idempotencyKey,
        requestId,
        answer: body.answer,
        attachments: body.attachments ?? [],
      }),
    );
  }
}
