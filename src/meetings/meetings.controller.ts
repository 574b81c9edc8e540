import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { PersonActor } from '../identity/actor.js';
import { CurrentActor } from '../identity/current-actor.decorator.js';
import { MeetingViews } from './meeting-views.service.js';
import { RuleSetCatalog } from './rule-set.catalog.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly views: MeetingViews,
    private readonly ruleSets: RuleSetCatalog,
    private readonly dataSource: DataSource,
  ) {}

  @Get('villages/:villageId/matters/:matterId/meetings')
  meetings(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('matterId', ParseUUIDPipe) matterId: string,
  ) {
    return this.views.forMatter(actor, villageId, matterId);
  }

  @Get('rule-sets')
  ruleSetList() {
    return this.ruleSets.list(this.dataSource.manager);
  }
}
