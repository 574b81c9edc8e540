import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ROLES } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { IsText } from '../common/is-text.js';
import { PG_INTEGER_MAX } from '../common/pg-integer.js';
import { CONFLICT_RELATIONS, type ConflictRelation } from './matter-conflict.entity.js';

export class ConflictDto {
  @ApiProperty({ description: 'the person who must stay out of the matter’s votes and approvals' })
  @IsUUID()
  personId: string;
  @ApiProperty({ enum: CONFLICT_RELATIONS }) @IsIn(CONFLICT_RELATIONS) relation: ConflictRelation;
  @ApiPropertyOptional() @IsOptional() @IsText() @MaxLength(500) note?: string;
}

export class StartMatterDto {
  @ApiProperty({ example: 'A1' }) @Matches(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$/) procedureId: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the procedure's inputSchema" })
  @IsObject()
  inputs: Record<string, unknown>;
  @ApiPropertyOptional({ type: [ConflictDto], description: 'declared conflicts of interest (回避)' })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => ConflictDto)
  @ArrayMaxSize(100)
  conflicts?: ConflictDto[];
}

export class SendEventDto {
  @ApiProperty({ example: 'PROPOSE_PLAN' }) @Matches(/^[A-Z][A-Z0-9_]{0,63}$/) type: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: "the event's payload schema",
  })
  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
  @ApiPropertyOptional({ enum: ROLES, description: 'act in this role when holding several' })
  @IsOptional()
  @IsIn(ROLES)
  as?: string;
}

export class ListMattersQuery {
  @ApiPropertyOptional({ enum: ['active', 'done'] }) @IsOptional() @IsIn(['active', 'done']) status?:
    'active' | 'done';
  @ApiPropertyOptional({ default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PG_INTEGER_MAX)
  offset?: number;
}

/** Visible ASCII, 1–200 characters: a UUID or any client-chosen token. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) throw new DomainError('IDEMPOTENCY.KEY_INVALID');
  return header;
}
