import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../workflows/index.js';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import type { RegionKind } from '../identity/region.entity.js';

export class ActRefDto {
  @ApiProperty({ example: 'GIVE_OPINION' }) type: string;
  @ApiProperty({ example: '发表监督意见' }) title: string;
}

export class InboxDeadlineDto {
  @ApiProperty({ example: 'STEP_DEADLINE_PASSED' }) eventType: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

/** The supervisors' objection that sent the matter back to this step, while it stands. */
export class StandingObjectionDto {
  @ApiProperty() reason: string;
  @ApiProperty({ description: 'the supervisor’s name' }) by: string;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class ProcedureTitleDto {
  @ApiProperty({ example: 'A1' }) id: string;
  @ApiProperty() title: string;
}

/** A matter waiting for the caller, with the acts open to them now. */
export class InboxMatterDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ProcedureTitleDto }) procedure: ProcedureTitleDto;
  @ApiProperty({ example: 'twoCommitteeDeliberation.convening' }) state: string;
  @ApiProperty({ description: 'the step’s title' }) step: string;
  @ApiProperty({ format: 'date-time', description: 'in this state since' }) since: string;
  @ApiProperty({ type: [ActRefDto] }) actions: ActRefDto[];
  @ApiProperty({ type: [InboxDeadlineDto] }) deadlines: InboxDeadlineDto[];
  @ApiProperty({ description: 'a deadline has passed' }) overdue: boolean;
  @ApiProperty({ type: StandingObjectionDto, nullable: true }) objection: StandingObjectionDto | null;
}

export class OpenDocumentRequestDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() request: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
}

export class InboxOverdueDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

/** What waits for the caller in one village. */
export class VillageInboxDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: Role[];
  @ApiProperty({ type: [InboxMatterDto] }) matters: InboxMatterDto[];
  @ApiProperty({ type: [OpenDocumentRequestDto], description: 'for those who answer them' })
  documentRequests: OpenDocumentRequestDto[];
  @ApiProperty({ type: [InboxOverdueDto] }) overdue: InboxOverdueDto[];
}

export class RegionRefDto extends NamedRefDto {
  @ApiProperty({ enum: ['district', 'township', 'village'], enumName: 'RegionKind' }) kind: RegionKind;
}

export class RegionInboxMatterDto extends InboxMatterDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
}

export class RegionInboxOverdueDto extends InboxOverdueDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
}

/** What waits for township or district staff in every village below them. */
export class RegionInboxDto {
  @ApiProperty({ type: RegionRefDto }) region: RegionRefDto;
  @ApiProperty({ type: [RegionInboxMatterDto] }) matters: RegionInboxMatterDto[];
  @ApiProperty({ type: [RegionInboxOverdueDto] }) overdue: RegionInboxOverdueDto[];
}
