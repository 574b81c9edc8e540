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
  Req,
} from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UploadQuery } from '../disclosure/disclosure.controller.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { Public } from '../common/http/public.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { FileComplaintDto, RateComplaintDto } from './complaint.dto.js';
import { ComplaintProgressDto, ComplaintReceiptDto, EvidenceRefDto } from './complaint-responses.dto.js';
import { progressOf } from './complaint-views.js';
import { ComplaintsService } from './complaints.service.js';

/**
 * Complaining without logging in (匿名投诉), tracking with the receipt code and rating the answer. A
 * wrong code answers as a missing complaint; the public rate limit makes guessing 80 bits hopeless.
 */
@ApiTags('complaints')
@Public()
@Controller('public/villages/:villageId/complaints')
export class PublicComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly time: LocalTime,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: ComplaintReceiptDto })
  @ApiErrors(400, 404, 422, 429)
  async file(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() dto: FileComplaintDto,
    @Req() request: Request,
  ): Promise<ComplaintReceiptDto> {
    const { complaint, receiptCode } = await this.complaints.file({ villageId, ...dto, address: request.ip });
    return { ...progressOf(complaint, this.time.now()), receiptCode };
  }

  /**
   * A photo or PDF added to a complaint by whoever holds its code, until it is answered (at most 3). The
   * code travels in a header, never in the address (addresses are logged).
   */
  @Post('evidence')
  @ApiConsumes('application/octet-stream')
  @ApiBody({
    description: 'the file itself: JPEG, PNG, WebP or PDF, up to 5 MB',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiHeader({ name: 'X-Receipt-Code', required: true, description: 'the receipt code given at filing' })
  @ApiCreatedResponse({ type: EvidenceRefDto, description: 'the file as the complaint now lists it' })
  @ApiErrors(400, 404, 409, 413, 422, 429)
  async addEvidence(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: UploadQuery,
    @Headers('x-receipt-code') receiptCode: string | undefined,
    @Req() request: Request,
  ): Promise<EvidenceRefDto> {
    const changed = await this.complaints.addEvidence(villageId, receiptCode ?? '', {
      filename: query.filename,
      content: request.body,
    });
    return changed.evidence.at(-1)!;
  }

  @Get(':receiptCode')
  @ApiOkResponse({ type: ComplaintProgressDto })
  @ApiErrors(400, 404, 429)
  async track(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('receiptCode') receiptCode: string,
  ): Promise<ComplaintProgressDto> {
    return progressOf(await this.complaints.byReceipt(villageId, receiptCode), this.time.now());
  }

  /** 满意 / 基本满意 / 不满意, once the answer is given; 不满意 sends it to the district for review. */
  @Post(':receiptCode/rating')
  @HttpCode(200)
  @ApiOkResponse({ type: ComplaintProgressDto })
  @ApiErrors(400, 404, 409, 429)
  async rate(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('receiptCode') receiptCode: string,
    @Body() dto: RateComplaintDto,
  ): Promise<ComplaintProgressDto> {
    const rated = await this.complaints.rate(villageId, receiptCode, dto.rating, dto.comment);
    return progressOf(rated, this.time.now());
  }
}
