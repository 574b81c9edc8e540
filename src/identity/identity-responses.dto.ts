import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../workflows/index.js';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import { VILLAGE_ROLES, type VillageRole } from './membership.entity.js';
import { OFFICIAL_ROLES, type OfficialRole } from './official-post.entity.js';
import type { RegionKind } from './region.entity.js';

const REGION_KINDS: RegionKind[] = ['district', 'township', 'village'];

/** A role with the title people read (村党组织书记). */
export class RoleTitleDto {
  @ApiProperty({ enum: ROLES, enumName: 'Role' }) role: Role;
  @ApiProperty({ example: '村党组织书记' }) title: string;
}

export class RegionViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REGION_KINDS, enumName: 'RegionKind' }) kind: RegionKind;
  @ApiProperty({ example: '东庄村' }) name: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null for a district' })
  parentId: string | null;
}

/** A login as it was created; the password is never answered. */
export class AccountViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'dz-villager-9' }) username: string;
  @ApiProperty({ description: 'the password is the opener’s: its holder must set their own before acting' })
  mustChangePassword: boolean;
}

export class AppointedOfficialDto {
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty({ type: NamedRefDto }) person: NamedRefDto;
  @ApiProperty({ enum: OFFICIAL_ROLES, enumName: 'OfficialRole' }) role: OfficialRole;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: AccountViewDto, nullable: true }) account: AccountViewDto | null;
}

/** One role a person holds in the village, with its dates and flags. */
export class MemberViewDto {
  @ApiProperty({ format: 'uuid' }) membershipId: string;
  @ApiProperty({ type: NamedRefDto }) person: NamedRefDto;
  @ApiProperty({ enum: VILLAGE_ROLES, enumName: 'VillageRole' }) role: VillageRole;
  @ApiProperty({ example: '村民代表' }) roleTitle: string;
  @ApiProperty({ description: 'chairs the village committee (村委会主任)' }) vcChair: boolean;
  @ApiProperty({ description: 'chairs the supervision committee (监委会主任)' }) supervisorChair: boolean;
  @ApiProperty({ description: 'false for a probationary party member' }) votingRights: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'household (户) code' }) household: string | null;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validTo: string | null;
}

export class CreatedVillagerDto {
  @ApiProperty({ type: NamedRefDto }) person: NamedRefDto;
  @ApiProperty({ type: [String], description: 'one per role granted, in the order given' })
  membershipIds: string[];
  @ApiProperty({ type: AccountViewDto, nullable: true }) account: AccountViewDto | null;
}

export class CreatedMembershipDto {
  @ApiProperty({ format: 'uuid' }) membershipId: string;
}
