import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { MeetingDetailDto } from './meeting-responses.dto.js';
import { MeetingViews } from './meeting-views.service.js';
import { RuleSetDto } from './rule-set.dto.js';
import { RuleSetCatalog } from './rule-set.catalog.js';

@ApiTags('meetings')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class MeetingsController {
  constructor(
    private readonly views: MeetingViews,
    private readonly ruleSets: RuleSetCatalog,
    private readonly dataSource: DataSource,
  ) {}

  @Get('villages/:villageId/matters/:matterId/meetings')
  @ApiOkResponse({ type: [MeetingDetailDto], description: 'in the order they were convened' })
  @ApiErrors(400, 404)
  meetings(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.views.forMatter(actor, villageId, matterId);
  }

  @Get('rule-sets')
  @ApiOkResponse({ type: [RuleSetDto], description: 'every stored version, newest first per code' })
  ruleSetList() {
    return this.ruleSets.list(this.dataSource.manager);
  }
}
