import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate } from '../common/is-calendar-date.js';
import { IsText } from '../common/is-text.js';
import { OFFICIAL_ROLES, type OfficialRole } from './official-post.entity.js';
import { VILLAGE_ROLES, type VillageRole } from './membership.entity.js';

export const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class CreateRegionDto {
  @ApiProperty({ enum: ['township', 'village'] }) @IsIn(['township', 'village']) kind: 'township' | 'village';
  @ApiProperty({ example: '东庄村' }) @IsText() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty() @IsUUID() parentId: string;
}

export class NewAccountDto {
  @ApiProperty({ example: 'dz-villager-9', description: 'lower-case letters, digits, . _ -' })
  @Matches(USERNAME, {
    message: 'username must be 3-64 lower-case letters, digits, dots, dashes or underscores',
  })
  username: string;
  @ApiProperty({ minLength: 8 }) @IsString() @MinLength(8) @MaxLength(256) password: string;
}

export class NewPasswordDto {
  @ApiProperty({ minLength: 8, description: 'the first password, handed to the holder, who replaces it' })
  @IsString()
  @MinLength(8)
  @MaxLength(256)
  password: string;
}

export class RoleGrantDto {
  @ApiProperty({ enum: VILLAGE_ROLES }) @IsIn(VILLAGE_ROLES) role: VillageRole;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() vcChair?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() supervisorChair?: boolean;
  @ApiPropertyOptional({ description: 'party members: false for probationary members' })
  @IsOptional()
  @IsBoolean()
  votingRights?: boolean;
}

export class CreateVillagerDto {
  @ApiProperty({ example: '张三' }) @IsText() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsText() @MaxLength(30) phone?: string;
  @ApiPropertyOptional({ description: 'household (户) code' })
  @IsOptional()
  @IsText()
  @MaxLength(50)
  household?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() validFrom?: string;
  @ApiProperty({ type: [RoleGrantDto] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RoleGrantDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  roles: RoleGrantDto[];
  @ApiPropertyOptional({ type: NewAccountDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewAccountDto)
  account?: NewAccountDto;
}

export class CreateMembershipDto extends RoleGrantDto {
  @ApiProperty() @IsUUID() personId: string;
  @ApiPropertyOptional() @IsOptional() @IsText() @MaxLength(50) household?: string;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() validFrom?: string;
}

export class EndMembershipDto {
  @ApiProperty({ format: 'date' }) @IsCalendarDate() validTo: string;
}

export class NewPersonDto {
  @ApiProperty() @IsText() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsText() @MaxLength(30) phone?: string;
}

export class CreateOfficialDto {
  @ApiProperty({ enum: OFFICIAL_ROLES }) @IsIn(OFFICIAL_ROLES) role: OfficialRole;
  @ApiPropertyOptional({ description: 'an existing person; or give `person`' })
  @IsOptional()
  @IsUUID()
  personId?: string;
  @ApiPropertyOptional({ type: NewPersonDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewPersonDto)
  person?: NewPersonDto;
  @ApiPropertyOptional({ type: NewAccountDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => NewAccountDto)
  account?: NewAccountDto;
  @ApiPropertyOptional({ format: 'date' }) @IsOptional() @IsCalendarDate() validFrom?: string;
}

export class MembersQueryDto {
  @ApiPropertyOptional({ format: 'date', description: 'members on this date (default today)' })
  @IsOptional()
  @IsCalendarDate()
  on?: string;
}
