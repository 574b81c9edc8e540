import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class DocumentRequestDto {
  @ApiProperty({ example: '请提供工程预算明细和三家比价记录' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  request: string;
}

export class DocumentAnswerDto {
  @ApiProperty({ example: '预算明细和比价记录见附件' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  answer: string;
  @ApiPropertyOptional({ type: [String], description: 'ids of files uploaded to the village first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachments?: string[];
}

export class QuarterQuery {
  @ApiProperty({ example: '2026-Q1' })
  @Matches(/^[0-9]{4}-Q[1-4]$/, { message: 'quarter must look like 2026-Q1' })
  quarter: string;
}
