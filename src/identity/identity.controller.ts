import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { PersonActor } from './actor.js';
import { CurrentActor } from './current-actor.decorator.js';
import {
  CreateMembershipDto,
  CreateOfficialDto,
  CreateRegionDto,
  CreateVillagerDto,
  EndMembershipDto,
  MembersQueryDto,
  NewAccountDto,
} from './identity.dto.js';
import { RegionsService } from './regions.service.js';
import { VillagePeopleService } from './village-people.service.js';

@ApiTags('identity')
@ApiBearerAuth()
@Controller()
export class IdentityController {
  constructor(
    private readonly regions: RegionsService,
    private readonly villagePeople: VillagePeopleService,
  ) {}

  @Get('regions')
  listRegions(@CurrentActor() actor: PersonActor) {
    return this.regions.listVisible(actor);
  }

  @Post('regions')
  createRegion(@CurrentActor() actor: PersonActor, @Body() body: CreateRegionDto) {
    return this.regions.create(actor, body);
  }

  @Post('regions/:regionId/officials')
  appointOfficial(
    @CurrentActor() actor: PersonActor,
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Body() body: CreateOfficialDto,
  ) {
    return this.regions.appointOfficial(actor, regionId, body);
  }

  @Get('villages/:villageId/members')
  members(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: MembersQueryDto,
  ) {
    return this.villagePeople.members(actor, villageId, query.on);
  }

  @Post('villages/:villageId/people')
  createPerson(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: CreateVillagerDto,
  ) {
    return this.villagePeople.createPerson(actor, villageId, body);
  }

  @Post('villages/:villageId/memberships')
  addMembership(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: CreateMembershipDto,
  ) {
    return this.villagePeople.addMembership(actor, villageId, body);
  }

  @Post('villages/:villageId/memberships/:membershipId/end')
  @HttpCode(204)
  async endMembership(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
    @Body() body: EndMembershipDto,
  ): Promise<void> {
    await this.villagePeople.endMembership(actor, villageId, membershipId, body.validTo);
  }

  @Post('villages/:villageId/people/:personId/account')
  createAccount(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: NewAccountDto,
  ) {
    return this.villagePeople.createAccount(actor, villageId, personId, body);
  }
}
