import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiAttachmentFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { sendDownload } from '../common/http/download.js';
import { LocalTime } from '../common/local-time.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { AnswerComplaintDto, FileComplaintDto, ReviewComplaintDto } from './complaint.dto.js';
import { ComplaintProgressDto, ComplaintReceiptDto, HandledComplaintDto } from './complaint-responses.dto.js';
import { handledOf, progressOf } from './complaint-views.js';
import { ComplaintsService } from './complaints.service.js';

/** Complaints filed by name, and the township's discipline inspector and the district handling them. */
@ApiTags('complaints')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly time: LocalTime,
  ) {}

  /** A complaint by a logged-in person of the village: the inspector sees their name, the village never. */
  @Post('villages/:villageId/complaints')
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiErrors(400, 404, 422)
  async file(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() dto: FileComplaintDto,
  ): Promise<ComplaintReceiptDto> {
    const { complaint, receiptCode } = await this.complaints.file({ villageId, ...dto, complainant: actor });
    return { ...progressOf(complaint, this.time.now()), receiptCode };
  }

  /** Every complaint about the villages under a township (its discipline inspector) or district (admin). */
  @Get('regions/:regionId/complaints')
  @ApiOkResponse({ type: [HandledComplaintDto] })
  @ApiErrors(400, 403, 404)
  async underRegion(
    @CurrentActor() actor: PersonActor,
    @Param('regionId', ParseUUIDPipe) regionId: string,
  ): Promise<HandledComplaintDto[]> {
    const { villages, rows, now } = await this.complaints.underRegion(actor, regionId);
    const names = new Map(villages.map((village) => [village.id, village.name]));
    return rows.map((row) =>
      handledOf(row, { id: row.villageId, name: names.get(row.villageId) ?? '' }, now),
    );
  }

  @Post('villages/:villageId/complaints/:complaintId/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: ComplaintProgressDto })
  @ApiErrors(400, 403, 404, 409)
  async acknowledge(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
  ): Promise<ComplaintProgressDto> {
    return progressOf(await this.complaints.acknowledge(actor, villageId, complaintId), this.time.now());
  }

  /** A photo or PDF the complainant added, for the handlers (the township's inspector, the district). */
  @Get('villages/:villageId/complaints/:complaintId/evidence/:evidenceId')
  @ApiAttachmentFile()
  @ApiErrors(400, 403, 404)
  async evidence(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
    @Param('evidenceId', ParseUUIDPipe) evidenceId: string,
    @Res() response: Response,
  ) {
    const file = await this.complaints.evidence(actor, villageId, complaintId, evidenceId);
    sendDownload(response, {
      filename: file.filename,
      contentType: file.mediaType,
      body: file.content,
      headers: { 'X-Content-SHA256': file.sha256 },
      uploaded: true,
    });
  }

  @Post('villages/:villageId/complaints/:complaintId/answer')
  @HttpCode(200)
  @ApiOkResponse({ type: ComplaintProgressDto })
  @ApiErrors(400, 403, 404, 409, 422)
  async answer(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
    @Body() dto: AnswerComplaintDto,
  ): Promise<ComplaintProgressDto> {
    return progressOf(await this.complaints.answer(actor, villageId, complaintId, dto), this.time.now());
  }

  /** The district's review of an answer its complainant was not satisfied with: once, and final. */
  @Post('villages/:villageId/complaints/:complaintId/review')
  @HttpCode(200)
  @ApiOkResponse({ type: ComplaintProgressDto })
  @ApiErrors(400, 403, 404, 409)
  async review(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('complaintId', ParseUUIDPipe) complaintId: string,
    @Body() dto: ReviewComplaintDto,
  ): Promise<ComplaintProgressDto> {
    return progressOf(
      await this.complaints.review(actor, villageId, complaintId, dto.reply),
      this.time.now(),
    );
  }
}
