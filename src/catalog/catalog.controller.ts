import { Controller, Get, Header, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { Public } from '../common/http/public.decorator.js';
import { MatterQueries } from '../engine/matter-queries.service.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { CatalogCategoryDto, CatalogItemDto } from './catalog-responses.dto.js';
import { CatalogService } from './catalog.service.js';
import { FlowchartQuery } from './catalog.dto.js';

const SVG = 'image/svg+xml; charset=utf-8';

/** The base catalog is public: anyone may read each item and check its flowchart (看图办事、按图监督). */
@ApiTags('catalog')
@Controller()
export class CatalogController {
  constructor(
    private readonly catalog: CatalogService,
    private readonly matters: MatterQueries,
  ) {}

  @Public()
  @Get('catalog')
  @ApiOkResponse({ type: [CatalogCategoryDto] })
  categories() {
    return this.catalog.categories();
  }

  @Public()
  @Get('catalog/:code')
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiErrors(400, 404)
  item(@Param('code') code: string) {
    return this.catalog.item(code);
  }

  @Public()
  @Get('catalog/:code/flowchart.svg')
  @Header('Content-Type', SVG)
  @ApiFile('image/svg+xml', 'the flowchart drawn from the definition the engine runs')
  @ApiErrors(400, 404)
  flowchart(@Param('code') code: string, @Query() query: FlowchartQuery) {
    return this.catalog.flowchart(code, query.version);
  }

  /** The matter's procedure with its current step and the path it took highlighted. */
  @ApiBearerAuth()
  @Get('villages/:villageId/matters/:matterId/flowchart.svg')
  @Header('Content-Type', SVG)
  @ApiFile('image/svg+xml', 'the flowchart with the current step and the path taken highlighted')
  @ApiErrors(400, 401, 404)
  async matterFlowchart(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    const { procedureId, version, path } = await this.matters.pathTaken(actor, villageId, matterId);
    return this.catalog.flowchart(procedureId, version, path);
  }
}
