import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  Max,
  Min,
  IsOptional,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsText } from '../common/is-text.js';
import { LEDGER_SHEETS, type LedgerSheet } from './ledger-sheets.js';

export class DocumentRequestDto {
  @ApiProperty({ example: '请提供工程预算明细和三家比价记录' })
  @IsText()
  @MinLength(1)
  @MaxLength(2000)
  request: string;
}

export class DocumentAnswerDto {
  @ApiProperty({ example: '预算明细和比价记录见附件' })
  @IsText()
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
  // The years the calendar covers (2000–2100, as for the overview's year): 9999-Q4 has no "after".
  @Matches(/^(20[0-9]{2}|2100)-Q[1-4]$/, { message: 'quarter must look like 2026-Q1 (years 2000–2100)' })
  quarter: string;
}

export class LedgerCsvQuery extends QuarterQuery {
  @ApiPropertyOptional({ enum: LEDGER_SHEETS, default: 'records' })
  @IsOptional()
  @IsIn(LEDGER_SHEETS)
  sheet?: LedgerSheet;
}

export class YearQuery {
  @ApiPropertyOptional({ example: 2026, description: 'defaults to the current year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
