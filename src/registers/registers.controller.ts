import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiConsumes, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { Request, Response } from 'express';
import { DomainError } from '../common/errors/domain-error.js';
import { sendDownload } from '../common/http/download.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { RegisterImportService } from './register-import.service.js';
import { REGISTER_COLUMNS } from './register-layout.js';
import { RegistersService } from './registers.service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export class RegisterDateQuery {
  @ApiPropertyOptional({ format: 'date', description: 'the register on this date (default today)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  on?: string;
}

export class ImportQuery {
  @ApiPropertyOptional({
    format: 'date',
    description: 'roles and member entries start (or end) on this date',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
}

@ApiTags('registers')
@ApiBearerAuth()
@Controller()
export class RegistersController {
  constructor(
    private readonly registers: RegistersService,
    private readonly imports: RegisterImportService,
  ) {}

  /** The documented layout of the register file (花名册): its columns, in order. */
  @Get('registers/layout')
  layout() {
    return REGISTER_COLUMNS.map((column) => ({ key: column.key, title: column.title }));
  }

  @Get('villages/:villageId/registers/people')
  people(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: RegisterDateQuery,
  ) {
    return this.registers.rows(actor, villageId, query.on);
  }

  @Get('villages/:villageId/registers/checks')
  checks(@CurrentActor() actor: PersonActor, @Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.registers.checks(actor, villageId);
  }

  @Get('villages/:villageId/registers/export.xlsx')
  @ApiProduces(XLSX)
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
  @ApiProduces('text/csv')
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
