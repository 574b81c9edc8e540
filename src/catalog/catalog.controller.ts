import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiFile } from '../common/http/api-download.decorator.js';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { Public } from '../common/http/public.decorator.js';
import { MatterQueries } from '../engine/matter-queries.service.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { CatalogCategoryDto, CatalogItemDto } from './catalog-responses.dto.js';
import { CatalogService } from './catalog.service.js';
import type { RenderedChart } from './flowchart-cache.js';
import { FlowchartQuery } from './catalog.dto.js';

const SVG = 'image/svg+xml; charset=utf-8';

/**
 * A chart with its ETag: a browser or proxy that has it already is answered 304 without a body. The
 * catalog's charts may be kept by shared caches; a matter's, which needs a login, only by the browser.
 */
function sendChart(request: Request, response: Response, chart: RenderedChart, scope: 'public' | 'private') {
  response.setHeader('ETag', chart.etag);
  response.setHeader('Cache-Control', `${scope}, no-cache`);
  if (request.headers['if-none-match'] === chart.etag) {
    response.status(304).end();
    return;
  }
  response.type(SVG).send(chart.body);
}

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
  @ApiErrors(429)
  categories() {
    return this.catalog.categories();
  }

  @Public()
  @Get('catalog/:code')
  @ApiOkResponse({ type: CatalogItemDto })
  @ApiErrors(400, 404, 429)
  item(@Param('code') code: string) {
    return this.catalog.item(code);
  }

  @Public()
  @Get('catalog/:code/flowchart.svg')
  @ApiFile('image/svg+xml', 'the flowchart drawn from the definition the engine runs')
  @ApiErrors(400, 404, 429)
  async flowchart(
    @Param('code') code: string,
    @Query() query: FlowchartQuery,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    sendChart(request, response, await this.catalog.renderedFlowchart(code, query.version), 'public');
  }

  /** The matter's procedure with its current step and the path it took highlighted. */
  @ApiBearerAuth()
  @Get('villages/:villageId/matters/:matterId/flowchart.svg')
  @ApiFile('image/svg+xml', 'the flowchart with the current step and the path taken highlighted')
  @ApiErrors(400, 401, 404)
  async matterFlowchart(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    const { procedureId, version, path } = await this.matters.pathTaken(actor, villageId, matterId);
    sendChart(request, response, await this.catalog.renderedFlowchart(procedureId, version, path), 'private');
  }
}
