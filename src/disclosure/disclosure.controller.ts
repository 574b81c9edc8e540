import { Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsOptional, MaxDate, MaxLength, MinDate } from 'class-validator';
import { IsText } from '../common/is-text.js';
import type { Request, Response } from 'express';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { AttachmentsService } from './attachments.service.js';
import { ObligationQueries } from './obligation-queries.service.js';
import type { ObligationStatus } from './obligation.entity.js';
import { sendDownload } from '../common/http/download.js';
import { ApiAttachmentFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import {
  AttachmentRefDto,
  ObligationCalendarDto,
  ObligationViewDto,
  OverdueObligationDto,
} from './disclosure-responses.dto.js';

export class UploadQuery {
  @ApiPropertyOptional({ example: '公示照片.jpg' }) @IsText() @MaxLength(200) filename: string;
}

export class ObligationQuery {
  @ApiPropertyOptional({ enum: ['open', 'overdue', 'fulfilled', 'cancelled'] })
  @IsOptional()
  @IsIn(['open', 'overdue', 'fulfilled', 'cancelled'])
  status?: ObligationStatus;
}

/** JavaScript parses dates back to 271821 BC, PostgreSQL holds them from 4713 BC: bound them here. */
const EARLIEST = new Date('1900-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T00:00:00Z');
const inRange = { message: '$property must lie between 1900-01-01 and 9999-12-31' };

export class RangeQuery {
  @ApiPropertyOptional({ format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST, inRange)
  @MaxDate(LATEST, inRange)
  from: Date;
  @ApiPropertyOptional({ format: 'date-time' })
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST, inRange)
  @MaxDate(LATEST, inRange)
  to: Date;
}

@ApiTags('disclosures')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class DisclosureController {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly obligations: ObligationQueries,
  ) {}

  /** Upload a file (the raw body; its Content-Type is kept) to attach to a disclosure or objection. */
  @Post('villages/:villageId/attachments')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    description: 'the file itself, sent with its own Content-Type',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiCreatedResponse({ type: AttachmentRefDto, description: 'give its id in a disclosure or objection' })
  @ApiErrors(400, 404, 413, 422)
  upload(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: UploadQuery,
    @Headers('content-type') mediaType: string | undefined,
    @Req() request: Request,
  ) {
    return this.attachments.upload(actor, villageId, {
      filename: query.filename,
      mediaType,
      content: request.body,
    });
  }

  @Get('villages/:villageId/attachments/:attachmentId')
  @ApiAttachmentFile()
  @ApiErrors(400, 404)
  async download(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() response: Response,
  ) {
    const file = await this.attachments.download(actor, villageId, attachmentId);
    sendDownload(response, {
      filename: file.filename,
      contentType: file.mediaType,
      body: file.content,
      headers: { 'X-Content-SHA256': file.sha256 },
      uploaded: true,
    });
  }

  @Get('villages/:villageId/obligations')
  @ApiOkResponse({ type: [ObligationViewDto] })
  @ApiErrors(400, 404)
  list(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: ObligationQuery,
  ) {
    return this.obligations.forVillage(actor, villageId, query.status ? [query.status] : undefined);
  }

  @Get('villages/:villageId/calendar')
  @ApiOkResponse({ type: ObligationCalendarDto })
  @ApiErrors(400, 404)
  calendar(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: RangeQuery,
  ) {
    return this.obligations.calendar(actor, villageId, query.from, query.to);
  }

  /** For township and district staff: disclosures and step deadlines overdue in every village below. */
  @Get('regions/:regionId/overdue')
  @ApiOkResponse({ type: [OverdueObligationDto] })
  @ApiErrors(400, 403, 404)
  overdue(@CurrentActor() actor: PersonActor, @Param('regionId', ParseUUIDPipe) regionId: string) {
    return this.obligations.overdueUnder(actor, regionId);
  }
}
