import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiErrors } from '../common/http/api-errors.decorator.js';
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
  NewPasswordDto,
} from './identity.dto.js';
import {
  AccountViewDto,
  AppointedOfficialDto,
  CreatedMembershipDto,
  CreatedVillagerDto,
  MemberViewDto,
  RegionViewDto,
} from './identity-responses.dto.js';
import { RegionsService } from './regions.service.js';
import { VillagePeopleService } from './village-people.service.js';

@ApiTags('identity')
@ApiBearerAuth()
@ApiErrors(401)
@Controller()
export class IdentityController {
  constructor(
    private readonly regions: RegionsService,
    private readonly villagePeople: VillagePeopleService,
  ) {}

  @Get('regions')
  @ApiOkResponse({ type: [RegionViewDto], description: 'the regions the caller can see, district first' })
  listRegions(@CurrentActor() actor: PersonActor) {
    return this.regions.listVisible(actor);
  }

  @Post('regions')
  @ApiCreatedResponse({ type: RegionViewDto })
  @ApiErrors(400, 403, 404, 422)
  createRegion(@CurrentActor() actor: PersonActor, @Body() body: CreateRegionDto) {
    return this.regions.create(actor, body);
  }

  @Post('regions/:regionId/officials')
  @ApiCreatedResponse({ type: AppointedOfficialDto })
  @ApiErrors(400, 403, 404, 409, 422)
  appointOfficial(
    @CurrentActor() actor: PersonActor,
    @Param('regionId', ParseUUIDPipe) regionId: string,
    @Body() body: CreateOfficialDto,
  ) {
    return this.regions.appointOfficial(actor, regionId, body);
  }

  @Get('villages/:villageId/members')
  @ApiOkResponse({ type: [MemberViewDto], description: 'one entry per role held on the date' })
  @ApiErrors(400, 404)
  members(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Query() query: MembersQueryDto,
  ) {
    return this.villagePeople.members(actor, villageId, query.on);
  }

  @Post('villages/:villageId/people')
  @ApiCreatedResponse({ type: CreatedVillagerDto })
  @ApiErrors(400, 403, 404, 409, 422)
  createPerson(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: CreateVillagerDto,
  ) {
    return this.villagePeople.createPerson(actor, villageId, body);
  }

  @Post('villages/:villageId/memberships')
  @ApiCreatedResponse({ type: CreatedMembershipDto })
  @ApiErrors(400, 403, 404, 422)
  addMembership(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Body() body: CreateMembershipDto,
  ) {
    return this.villagePeople.addMembership(actor, villageId, body);
  }

  @Post('villages/:villageId/memberships/:membershipId/end')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'the role ends on `validTo`' })
  @ApiErrors(400, 403, 404, 422)
  async endMembership(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
    @Body() body: EndMembershipDto,
  ): Promise<void> {
    await this.villagePeople.endMembership(actor, villageId, membershipId, body.validTo);
  }

  @Post('villages/:villageId/people/:personId/account')
  @ApiCreatedResponse({ type: AccountViewDto })
  @ApiErrors(400, 403, 404, 409, 422)
  createAccount(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: NewAccountDto,
  ) {
    return this.villagePeople.createAccount(actor, villageId, personId, body);
  }

  @Post('villages/:villageId/people/:personId/account/password')
  @ApiCreatedResponse({
    type: AccountViewDto,
    description: 'the township sets a first password again; the holder replaces it before acting',
  })
  @ApiErrors(400, 403, 404, 422)
  resetPassword(
    @CurrentActor() actor: PersonActor,
    @Param('villageId', ParseUUIDPipe) villageId: string,
    @Param('personId', ParseUUIDPipe) personId: string,
    @Body() body: NewPasswordDto,
  ) {
    return this.villagePeople.resetPassword(actor, villageId, personId, body);
  }
}
