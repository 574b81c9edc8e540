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
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { sendDownload } from '../common/http/download.js';
import { toCsv } from '../export/csv.js';
import { writeXlsx } from '../export/xlsx-workbook.js';
import { answer, IDEMPOTENCY_HEADER } from '../engine/engine-answer.js';
import { idempotencyKeyOf } from '../engine/matter.dto.js';
import { MatterViewDto } from '../engine/matter-view.dto.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { DocumentRequestsService } from './document-requests.service.js';
import { RegionInboxDto, VillageInboxDto } from './inbox-responses.dto.js';
import { InboxService } from './inbox.service.js';
import { LedgerDto, OverviewDto } from './ledger-responses.dto.js';
import { ledgerSheets } from './ledger-sheets.js';
import { LedgerService, type Ledger } from './ledger.service.js';
import { overviewSheet } from './overview-sheet.js';
import { OverviewService } from './overview.service.js';
import {
  DocumentAnswerDto,
  DocumentRequestDto,
  LedgerCsvQuery,
  QuarterQuery,
  YearQuery,
} from './supervision.dto.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ledgerTitle = (ledger: Ledger) => `监督台账-${ledger.village.name}-${ledger.quarter}`;

@ApiTags('supervision')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class SupervisionController {
  constructor(
    private readonly inbox: InboxService,
    private readonly documents: DocumentRequestsService,
    private readonly ledgers: LedgerService,
    private readonly overviews: OverviewService,
  ) {}

  /** Per village under a township or district, for a year: matters, time limits, disclosures, problems. */
  @Get('regions/:regionId/overview')
  @ApiOkResponse({ type: OverviewDto })
  @ApiErrors(400, 403, 404)
  overview(
    @CurrentActor() actor: PersonActor,
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Query() query: YearQuery,
  ) {
    return this.overviews.forRegion(actor, regionId, query.year);
  }

  /** The comparison table as a workbook: the district's input to the yearly "five goods" scoring. */
  @Get('regions/:regionId/overview.xlsx')
  @ApiFile(XLSX, 'the overview as a workbook', { binary: true, named: true })
  @ApiErrors(400, 403, 404)
  async overviewXlsx(
    @CurrentActor() actor: PersonActor,
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Query() query: YearQuery,
    @Res() response: Response,
  ) {
    const overview = await this.overviews.forRegion(actor, regionId, query.year);
    const title = `村级小微权力运行情况-${overview.region.name}-${overview.year}`;
    const body = writeXlsx([overviewSheet(overview.villages)], { title, timeZone: this.overviews.timeZone });
    sendDownload(response, { filename: `${title}.xlsx`, contentType: XLSX, body });
  }

  /** The supervision ledger (监督台账) of a quarter: supervision acts, matters supervised, problems. */
  @Get('villages/:villageId/ledger')
  @ApiOkResponse({ type: LedgerDto })
  @ApiErrors(400, 403, 404)
  ledger(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: QuarterQuery,
  ) {
    return this.ledgers.forQuarter(actor, villageId, query.quarter);
  }

  /** The ledger as a workbook, one sheet per table, for the committee's files and the township. */
  @Get('villages/:villageId/ledger.xlsx')
  @ApiFile(XLSX, 'the ledger as a workbook, one sheet per table', { binary: true, named: true })
  @ApiErrors(400, 403, 404)
  async ledgerXlsx(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: QuarterQuery,
    @Res() response: Response,
  ) {
    const ledger = await this.ledgers.forQuarter(actor, villageId, query.quarter);
    const sheets = Object.values(ledgerSheets(ledger));
    const body = writeXlsx(sheets, { title: ledgerTitle(ledger), timeZone: this.ledgers.timeZone });
    sendDownload(response, { filename: `${ledgerTitle(ledger)}.xlsx`, contentType: XLSX, body });
  }

  /** One table of the ledger as CSV (UTF-8 with BOM, for Excel and WPS). */
  @Get('villages/:villageId/ledger.csv')
  @ApiFile('text/csv', 'one table of the ledger, UTF-8 with a BOM', { named: true })
  @ApiErrors(400, 403, 404)
  async ledgerCsv(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: LedgerCsvQuery,
    @Res() response: Response,
  ) {
    const ledger = await this.ledgers.forQuarter(actor, villageId, query.quarter);
    const sheet = ledgerSheets(ledger)[query.sheet ?? 'records'];
    const headers = sheet.columns.map((column) => column.header);
    const body = toCsv(headers, sheet.rows, { timeZone: this.ledgers.timeZone });
    const filename = `${ledgerTitle(ledger)}-${sheet.name}.csv`;
    sendDownload(response, { filename, contentType: 'text/csv; charset=utf-8', body });
  }

  /** What waits for me in a village: steps I may take, requests for documents, what is overdue. */
  @Get('villages/:villageId/inbox')
  @ApiOkResponse({ type: VillageInboxDto })
  @ApiErrors(400, 404)
  villageInbox(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.inbox.forVillage(actor, villageId);
  }

  /** For township and district staff: steps waiting for them and what is overdue, in every village below. */
  @Get('regions/:regionId/inbox')
  @ApiOkResponse({ type: RegionInboxDto })
  @ApiErrors(400, 403, 404)
  regionInbox(@CurrentActor() actor: PersonActor, @Param('regionId', ParseUUIDPipe) regionId: string) {
    return this.inbox.forRegion(actor, regionId);
  }

  @Post('villages/:villageId/matters/:matterId/document-requests')
  @HttpCode(200)
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiOkResponse({ type: MatterViewDto, description: 'the matter as the caller now sees it' })
  @ApiErrors(400, 403, 404, 409, 422)
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
  @ApiOkResponse({ type: MatterViewDto, description: 'the matter as the caller now sees it' })
  @ApiErrors(400, 403, 404, 409, 422)
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
