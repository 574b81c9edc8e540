import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  MEETING_BODIES,
  type MeetingBody,
  type RuleSet,
  type TallyCount,
  type Threshold,
} from '../../workflows/index.js';
import { LegalBasisDto } from '../procedures/procedure-responses.dto.js';

const COUNTS: TallyCount[] = [
  'roster',
  'entitled',
  'present',
  'presentEntitled',
  'households',
  'householdsPresent',
  'yes',
];
export const MEETING_BODY_CODES = Object.keys(MEETING_BODIES) as MeetingBody[];

/** `count` compared with `ratio` of `of`: "more than half" is strict, "two thirds or more" inclusive. */
export class ThresholdDto implements Threshold {
  @ApiProperty({ enum: COUNTS, enumName: 'TallyCount' }) count: TallyCount;
  @ApiProperty({ enum: COUNTS, enumName: 'TallyCount' }) of: TallyCount;
  @ApiProperty({
    type: 'array',
    items: { type: 'integer' },
    minItems: 2,
    maxItems: 2,
    example: [2, 3],
    description: '[numerator, denominator]',
  })
  ratio: [numerator: number, denominator: number];
  @ApiProperty({ enum: ['moreThan', 'atLeast'] }) comparison: 'moreThan' | 'atLeast';
}

/** A versioned rule a meeting is judged by: its quorum, its pass rule, and the law behind them. */
export class RuleSetDto implements RuleSet {
  @ApiProperty({ example: 'representative-meeting' }) code: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [LegalBasisDto] }) legalBasis: LegalBasisDto[];
  @ApiProperty({ enum: MEETING_BODY_CODES, enumName: 'MeetingBody', isArray: true }) bodies: MeetingBody[];
  @ApiPropertyOptional({ format: 'date', description: 'matters started from this day get this version' })
  inForceFrom?: string;
  @ApiProperty({ type: 'integer', description: 'calendar days of notice before the meeting' })
  noticeDays: number;
  @ApiProperty({ type: [ThresholdDto], description: 'met when any one holds' }) quorum: ThresholdDto[];
  @ApiProperty({ type: ThresholdDto }) pass: ThresholdDto;
}
