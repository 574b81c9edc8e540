import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import {
  COMPLAINT_HANDLINGS,
  COMPLAINT_RATINGS,
  COMPLAINT_SUBJECTS,
  type ComplaintHandling,
  type ComplaintRating,
  type ComplaintSubject,
} from '../../workflows/index.js';
import { IsText } from '../common/is-text.js';

const SUBJECTS = Object.keys(COMPLAINT_SUBJECTS) as ComplaintSubject[];
const RATINGS = Object.keys(COMPLAINT_RATINGS) as ComplaintRating[];
const HANDLINGS = Object.keys(COMPLAINT_HANDLINGS) as ComplaintHandling[];

export class FileComplaintDto {
  @ApiProperty({
    enum: SUBJECTS,
    enumName: 'ComplaintSubject',
    description: Object.entries(COMPLAINT_SUBJECTS)
      .map(([key, title]) => `${key}: ${title}`)
      .join('; '),
  })
  @IsIn(SUBJECTS)
  subject: ComplaintSubject;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the matter, disclosure or cadre (person) complained about; none for unpublished or other',
  })
  @IsOptional()
  @IsUUID('all')
  subjectId?: string;

  @ApiProperty({ example: '村道硬化工程未公示预算，施工方是村干部亲属' })
  @IsText()
  @MinLength(5)
  @MaxLength(2000)
  body: string;
}

export class RateComplaintDto {
  @ApiProperty({ enum: RATINGS, enumName: 'ComplaintRating', description: '满意 / 基本满意 / 不满意' })
  @IsIn(RATINGS)
  rating: ComplaintRating;

  @ApiPropertyOptional({ example: '答复属实，但整改太慢' })
  @IsOptional()
  @IsText()
  @MaxLength(500)
  comment?: string;
}

export class AnswerComplaintDto {
  @ApiProperty({ enum: HANDLINGS, enumName: 'ComplaintHandling' })
  @IsIn(HANDLINGS)
  handling: ComplaintHandling;

  @ApiProperty({ example: '经核查，该工程已于 3 月 5 日补充公示预算，责令村委会说明施工方选定经过' })
  @IsText()
  @MinLength(5)
  @MaxLength(5000)
  reply: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'the rectification (S1) ordered; with handling rectification',
  })
  @ValidateIf(
    (dto: AnswerComplaintDto) => dto.handling === 'rectification' || dto.rectificationMatterId !== undefined,
  )
  @IsUUID('all')
  rectificationMatterId?: string;
}

export class ReviewComplaintDto {
  @ApiProperty({ example: '经复查，乡镇答复属实，整改已完成' })
  @IsText()
  @MinLength(5)
  @MaxLength(5000)
  reply: string;
}
