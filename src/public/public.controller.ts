import { Controller, Get, Header, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiProduces,
  ApiProperty,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ApiAttachmentFile, ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { IsUUID, Matches } from 'class-validator';
import type { Response } from 'express';
import { Public } from '../common/http/public.decorator.js';
import { AppConfig } from '../config/app-config.js';
import { MONTH_LABEL } from '../disclosure/periods.js';
import { LocalTime } from '../common/local-time.js';
import { atomFeed, jsonFeed } from './feeds.js';
import { ChainHeadsService } from './chain-heads.service.js';
import { PublicBoardService } from './public-board.service.js';
import {
  BoardDto,
  BulletinDto,
  ChainHeadsDto,
  JsonFeedDto,
  PublicChainReportDto,
  PublicVillageDto,
} from './public-responses.dto.js';
import { sendDownload } from '../common/http/download.js';

export class BulletinParams {
  @ApiProperty({ format: 'uuid' }) @IsUUID() villageId: string;
  @ApiProperty({ example: '2026-11' })
  // The years the calendar covers (2000–2100, as elsewhere): the year 9999's last month has no "after".
  @Matches(MONTH_LABEL, {
    message: 'month must look like 2026-11 (years 2000–2100)',
  })
  month: string;
}

/** The public board: no login, because villagers must be able to read and check what was done. */
@ApiTags('public board')
@ApiExtraModels(JsonFeedDto)
@Public()
@Controller('public/villages')
export class PublicController {
  constructor(
    private readonly board: PublicBoardService,
    private readonly chain: ChainHeadsService,
    private readonly time: LocalTime,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: [PublicVillageDto] })
  @ApiErrors(429)
  villages() {
    return this.board.villages();
  }

  @Get(':villageId/board')
  @ApiOkResponse({ type: BoardDto })
  @ApiErrors(400, 404, 429)
  current(@Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.board.current(villageId);
  }

  /** The trace chain's head now and at the end of each day: copy them down, and a rewrite will show. */
  @Get(':villageId/chain-heads')
  @ApiOkResponse({ type: ChainHeadsDto })
  @ApiErrors(400, 404, 429)
  async chainHeads(@Param('villageId', ParseUUIDPipe) villageId: string) {
    await this.board.village(villageId);
    return this.chain.heads(villageId);
  }

  /** Anyone may have the chain walked; the answer holds sequence numbers and hashes, not what rows say. */
  @Get(':villageId/chain-verify')
  @ApiOkResponse({ type: PublicChainReportDto })
  @ApiErrors(400, 404, 429)
  async chainVerify(@Param('villageId', ParseUUIDPipe) villageId: string) {
    await this.board.village(villageId);
    return this.chain.verify(villageId);
  }

  @Get(':villageId/bulletins/:month')
  @ApiOkResponse({ type: BulletinDto })
  @ApiErrors(400, 404, 429)
  bulletin(@Param() params: BulletinParams) {
    return this.board.bulletin(params.villageId, params.month);
  }

  @Get(':villageId/feed.atom')
  @Header('Content-Type', 'application/atom+xml; charset=utf-8')
  @ApiProduces('application/atom+xml')
  @ApiFile('application/atom+xml', 'an Atom feed of the board’s disclosures')
  @ApiErrors(400, 404, 429)
  async atom(@Param('villageId', ParseUUIDPipe) villageId: string) {
    return atomFeed({
      ...(await this.board.feedItems(villageId)),
      // The configured address: a Host header is whatever the caller typed, and a feed is cached and shared.
      base: this.config.publicUrl,
      timeZone: this.time.timeZone,
    });
  }

  @Get(':villageId/feed.json')
  @Header('Content-Type', 'application/feed+json; charset=utf-8')
  @ApiProduces('application/feed+json')
  @ApiOkResponse({
    description: 'a JSON Feed of the board’s disclosures',
    content: { 'application/feed+json': { schema: { $ref: getSchemaPath(JsonFeedDto) } } },
  })
  @ApiErrors(400, 404, 429)
  async json(@Param('villageId', ParseUUIDPipe) villageId: string) {
    return jsonFeed({
      ...(await this.board.feedItems(villageId)),
      base: this.config.publicUrl,
      timeZone: this.time.timeZone,
    });
  }

  @Get(':villageId/attachments/:attachmentId')
  @ApiAttachmentFile()
  @ApiErrors(400, 404, 429)
  async attachment(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('attachmentId', ParseUUIDPipe) attachmentId: string,
    @Res() response: Response,
  ) {
    const file = await this.board.attachment(villageId, attachmentId);
    sendDownload(response, {
      filename: file.filename,
      contentType: file.mediaType,
      body: file.content,
      headers: { 'X-Content-SHA256': file.sha256 },
      uploaded: true,
    });
  }
}
