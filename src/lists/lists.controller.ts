import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsArray,
  IsDateString,
  IsInt,
  IsObject,
  IsOptional,
  Min,
  ArrayMaxSize,
  ArrayMinSize,
} from 'class-validator';
import { DataSource } from 'typeorm';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import { LocalTime } from '../common/local-time.js';
import { Public } from '../common/http/public.decorator.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import type { ListChange } from './admission.js';
import { requireChangeShape } from './change-shape.js';
import {
  AdmissionCheckDto,
  ListDiffDto,
  ListHistoryDto,
  ListsAtVersionDto,
  ListsOnDateDto,
} from './list-responses.dto.js';
import { ListViews } from './list-views.service.js';
import { ListsService } from './lists.service.js';

export class OnDateQuery {
  @ApiPropertyOptional({ example: '2026-03-01', description: 'the list in force that day (default today)' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'on must be a date like 2026-03-01' })
  on?: string;
}

export class DiffQuery {
  @Type(() => Number) @IsInt() @Min(0) from: number;
  @Type(() => Number) @IsInt() @Min(0) to: number;
}

export class ListChangesDto {
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsObject({ each: true }) changes: ListChange[];
}

/** The village's three lists, their versions and diffs: public. The admission check: for its cadres. */
@ApiTags('lists')
@Controller()
export class ListsController {
  constructor(
    private readonly views: ListViews,
    private readonly lists: ListsService,
    private readonly access: AccessService,
    private readonly dataSource: DataSource,
    private readonly time: LocalTime,
  ) {}

  @Public()
  @Get('public/villages/:villageId/lists')
  @ApiOkResponse({ type: ListsOnDateDto })
  @ApiErrors(400, 404, 429)
  current(@Param('villageId', ParseUUIDPipe) villageId: string, @Query() query: OnDateQuery) {
    return this.views.onDate(villageId, query.on, 'public');
  }

  @Public()
  @Get('public/villages/:villageId/lists/versions')
  @ApiOkResponse({ type: ListHistoryDto })
  @ApiErrors(400, 404, 429)
  history(@Param('villageId', ParseUUIDPipe) villageId: string) {
    return this.views.history(villageId);
  }

  @Public()
  @Get('public/villages/:villageId/lists/versions/:version')
  @ApiOkResponse({ type: ListsAtVersionDto })
  @ApiErrors(400, 404, 429)
  version(
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('version', ParseIntPipe) version: number,
  ) {
    return this.views.atVersion(villageId, version);
  }

  /** What changed from one version to another (0: the base list alone). */
  @Public()
  @Get('public/villages/:villageId/lists/diff')
  @ApiOkResponse({ type: ListDiffDto })
  @ApiErrors(400, 404, 429)
  diff(@Param('villageId', ParseUUIDPipe) villageId: string, @Query() query: DiffQuery) {
    return this.views.diff(villageId, query.from, query.to);
  }

  /**
   * The admission check alone, before a change request is started (L1): each problem names the change,
   * and for a procedure the state, event or path at fault. Nothing is stored.
   */
  @ApiBearerAuth()
  @Post('villages/:villageId/list-changes/check')
  @HttpCode(200)
  @ApiOkResponse({ type: AdmissionCheckDto, description: 'each problem names its change; nothing is stored' })
  @ApiErrors(400, 401, 404, 422)
  async check(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: ListChangesDto,
  ) {
    const db = this.dataSource.manager;
    const today = this.time.today();
    await this.access.requireVillage(db, actor.personId, villageId, today);
    requireChangeShape(body.changes);
    const admission = await this.lists.admission(db, villageId, body.changes, today);
    return { ok: admission.issues.length === 0, issues: admission.issues };
  }
}
