import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { JsonObject } from '../../workflows/index.js';
import { checkDefinition } from './definition-checker.js';
import { ProcedureCatalog } from './procedure-catalog.service.js';

@ApiTags('procedures')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly catalog: ProcedureCatalog,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  list() {
    return this.catalog.list(this.dataSource.manager);
  }

  @Get(':procedureId/versions/:version')
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
  check(@Body() definition: JsonObject) {
    const issues = checkDefinition(definition);
    return { ok: issues.length === 0, issues };
  }
}
