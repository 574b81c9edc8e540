import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { checkDefinition } from './definition-checker.js';
import { ProcedureCatalog } from './procedure-catalog.service.js';
import {
  DefinitionCheckDto,
  ProcedureDefinitionDto,
  ProcedureSummaryDto,
} from './procedure-responses.dto.js';

@ApiTags('procedures')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly catalog: ProcedureCatalog,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOkResponse({ type: [ProcedureSummaryDto], description: 'every registered version, newest first' })
  list() {
    return this.catalog.list(this.dataSource.manager);
  }

  @Get(':procedureId/versions/:version')
  @ApiOkResponse({ type: ProcedureDefinitionDto })
  @ApiErrors(400, 404)
  async definition(
    @Param('procedureId') procedureId: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return (await this.catalog.get(this.dataSource.manager, procedureId, version)).definition;
  }

  /** The admission check for a definition written by hand or by a tool: every problem, by place. */
  @Post('check')
  @HttpCode(200)
  @ApiBody({ description: 'a procedure definition as JSON', schema: { type: 'object' } })
  @ApiOkResponse({ type: DefinitionCheckDto, description: 'every problem, by place; nothing is stored' })
  @ApiErrors(400)
  check(@Body() definition: JsonObject) {
    const issues = checkDefinition(definition);
    return { ok: issues.length === 0, issues };
  }
}
