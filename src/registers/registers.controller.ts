import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { IsCalendarDate } from '../common/is-calendar-date.js';
import { DomainError } from '../common/errors/domain-error.js';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { sendDownload } from '../common/http/download.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { RegisterImportService } from './register-import.service.js';
import { REGISTER_COLUMNS } from './register-layout.js';
import {
  ImportSummaryDto,
  RegisterChecksDto,
  RegisterColumnDto,
  RegisterTableDto,
} from './register-responses.dto.js';
import { RegistersService } from './registers.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class RegisterDateQuery {
  @ApiPropertyOptional({ format: 'date', description: 'the register on this date (default today)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}

export class ImportQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'roles and member entries start (or end) on this date',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;
}

@ApiTags('registers')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class RegistersController {
  constructor(
    private readonly registers: RegistersService,
    private readonly imports: RegisterImportService,
  ) {}

  /** The documented layout of the register file (花名册): its columns, in order. */
  @Get('registers/layout')
  @ApiOkResponse({ type: [RegisterColumnDto] })
  layout() {
    return REGISTER_COLUMNS.map((column) => ({ key: column.key, title: column.title }));
  }

  @Get('villages/:villageId/registers/people')
  @ApiOkResponse({ type: RegisterTableDto })
  @ApiErrors(400, 403, 404)
  people(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: RegisterDateQuery,
  ) {
    return this.registers.rows(actor, villageId, query.on);
  }

  @Get('villages/:villageId/registers/checks')
  @ApiOkResponse({ type: RegisterChecksDto })
  @ApiErrors(400, 403, 404)
  checks(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.registers.checks(actor, villageId);
  }

  @Get('villages/:villageId/registers/export.xlsx')
  @ApiFile(XLSX, 'the register (花名册) as a workbook, in the documented layout', {
    binary: true,
    named: true,
  })
  @ApiErrors(400, 403, 404)
  async exportXlsx(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: RegisterDateQuery,
    @Res() response: Response,
  ) {
    const body = await this.registers.xlsx(actor, villageId, query.on);
    sendDownload(response, { filename: '花名册.xlsx', contentType: XLSX, body });
  }

  @Get('villages/:villageId/registers/export.csv')
  @ApiFile('text/csv', 'the register as CSV, UTF-8 with a BOM', { named: true })
  @ApiErrors(400, 403, 404)
  async exportCsv(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: RegisterDateQuery,
    @Res() response: Response,
  ) {
    const body = await this.registers.csv(actor, villageId, query.on);
    sendDownload(response, { filename: '花名册.csv', contentType: 'text/csv; charset=utf-8', body });
  }

  /** Loads the register from an .xlsx or .csv file (the raw body): all of it, or none of it. */
  @Post('villages/:villageId/registers/import')
  @ApiConsumes(XLSX, 'text/csv')
  @ApiBody({ description: 'the register file itself', schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: ImportSummaryDto, description: 'all of the file was stored' })
  @ApiErrors(400, 403, 404, 413, 422)
  import(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: ImportQuery,
    @Req() request: Request,
  ) {
    if (!Buffer.isBuffer(request.body)) {
      throw new DomainError('REGISTER.FILE_INVALID', {}, '请上传花名册文件（.xlsx 或 .csv）作为请求正文');
    }
    return this.imports.import(actor, villageId, request.body, query.from);
  }
}
