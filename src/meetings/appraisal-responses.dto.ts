import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CountRecordDto } from './count-record.dto.js';
import type {
  AppraisalCount,
  AppraisalResult,
  AppraisalSubject,
  MeetingAppraisal,
  SatisfactionRate,
  SubjectResult,
} from './appraisal.js';

const int = (description?: string) => ({ type: 'integer' as const, description });

export class AppraisalSubjectDto implements AppraisalSubject {
  @ApiProperty({ description: "a cadre's person id, or partyAffairs, villageAffairs, financialAffairs" })
  key: string;
  @ApiProperty({ enum: ['cadre', 'disclosure'] }) kind: 'cadre' | 'disclosure';
  @ApiProperty({ example: '张三（村党组织书记）' }) label: string;
}

export class SubjectRatingDto {
  @ApiProperty({ description: 'the subject key' }) subject: string;
  @ApiProperty(int('满意')) satisfied: number;
  @ApiProperty(int('基本满意')) basicallySatisfied: number;
  @ApiProperty(int('不满意')) dissatisfied: number;
}

/** The counter's count of the paper ballots, subject by subject, and its scrutineer's confirmation. */
export class AppraisalCountDto extends CountRecordDto implements AppraisalCount {
  @ApiProperty(int('收回的测评票')) ballotsReturned: number;
  @ApiProperty({ type: [SubjectRatingDto] }) ratings: SubjectRatingDto[];
}

export class SatisfactionRateDto implements SatisfactionRate {
  @ApiProperty(int('满意 and 基本满意')) satisfied: number;
  @ApiProperty(int('ballots that rated it')) of: number;
  @ApiProperty({ type: Number, nullable: true, description: 'one decimal, rounded down' }) percent:
    number | null;
  @ApiProperty({ description: 'at least the district standard (90%)' }) meetsStandard: boolean;
}

export class SubjectResultDto extends AppraisalSubjectDto implements SubjectResult {
  @ApiProperty(int('满意')) satisfied: number;
  @ApiProperty(int('基本满意')) basicallySatisfied: number;
  @ApiProperty(int('不满意')) dissatisfied: number;
  @ApiProperty(int('left blank')) blank: number;
  @ApiProperty({ type: SatisfactionRateDto }) rate: SatisfactionRateDto;
  @ApiPropertyOptional({ description: 'cadres: 不称职' }) incompetent?: boolean;
  @ApiPropertyOptional({ description: 'cadres: 不称职 twice in a row, the office ends' })
  twiceIncompetent?: boolean;
}

export class AppraisalStandardsDto {
  @ApiProperty() cadres: string;
  @ApiProperty() disclosure: string;
  @ApiProperty() twiceIncompetent: string;
}

export class AppraisalResultDto implements AppraisalResult {
  @ApiProperty(int()) ballotsReturned: number;
  @ApiProperty(int('the share of 不满意 at which a cadre is 不称职')) incompetentPercent: number;
  @ApiProperty({ type: [SubjectResultDto] }) subjects: SubjectResultDto[];
  @ApiProperty({ type: SatisfactionRateDto }) cadres: SatisfactionRateDto;
  @ApiProperty({ type: SatisfactionRateDto }) disclosure: SatisfactionRateDto;
  @ApiProperty({ type: AppraisalStandardsDto }) standards: AppraisalStandardsDto;
}

/** A 民主测评 held as a meeting: its ballot's subjects, the count, and the rates once closed. */
export class MeetingAppraisalDto implements MeetingAppraisal {
  @ApiProperty({ type: [AppraisalSubjectDto] }) subjects: AppraisalSubjectDto[];
  @ApiProperty({ type: AppraisalCountDto, nullable: true }) count: AppraisalCountDto | null;
  @ApiProperty({ type: AppraisalResultDto, nullable: true }) result: AppraisalResultDto | null;
}
