import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  COMPLAINT_HANDLINGS,
  COMPLAINT_RATINGS,
  COMPLAINT_SUBJECTS,
  type ComplaintHandling,
  type ComplaintRating,
  type ComplaintSubject,
} from '../../workflows/index.js';
import { COMPLAINT_STATUSES, type ComplaintStatus } from './complaint.entity.js';

/** A file the complainant added: what it is, never the file itself in a listing. */
export class EvidenceRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '公示栏照片.jpg' }) filename: string;
  @ApiProperty({ enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] }) mediaType: string;
  @ApiProperty({ type: 'integer' }) size: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

/** What the complainant sees with their receipt code: the loop's progress, never who handled it by name. */
export class ComplaintProgressDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: Object.keys(COMPLAINT_SUBJECTS), enumName: 'ComplaintSubject' })
  subject: ComplaintSubject;
  @ApiProperty({ example: '村干部的履职或作风' }) subjectTitle: string;
  @ApiProperty({ enum: COMPLAINT_STATUSES, enumName: 'ComplaintStatus' }) status: ComplaintStatus;
  @ApiProperty({ example: '已受理，办理中' }) statusTitle: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ format: 'date-time', description: 'acknowledged by this instant at the latest' })
  acknowledgeBy: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) acknowledgedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answerBy: string | null;
  @ApiProperty({ enum: Object.keys(COMPLAINT_HANDLINGS), enumName: 'ComplaintHandling', nullable: true })
  handling: ComplaintHandling | null;
  @ApiProperty({ nullable: true, type: String }) reply: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) answeredAt: string | null;
  @ApiProperty({ enum: Object.keys(COMPLAINT_RATINGS), enumName: 'ComplaintRating', nullable: true })
  rating: ComplaintRating | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewBy: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewReply: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) reviewedAt: string | null;
  @ApiProperty({ description: 'a time limit of the step it waits in has passed' }) overdue: boolean;
  @ApiProperty({ type: [EvidenceRefDto], description: 'photos or PDFs added, at most 3' })
  evidence: EvidenceRefDto[];
}

export class ComplaintReceiptDto extends ComplaintProgressDto {
  @ApiProperty({
    example: '7K3M-Q9TA-2XHP-4RWD',
    description: 'shown once: whoever holds it may track the complaint and rate the answer',
  })
  receiptCode: string;
}

class NamedRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class ComplainantDto {
  @ApiProperty({ example: '张某' }) name: string;
}

/** What the township's inspector and the district read: the complaint itself and, if named, who filed it. */
export class HandledComplaintDto extends ComplaintProgressDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) subjectId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "the cadre's name, or the disclosure's or matter's title",
  })
  subjectName: string | null;
  @ApiProperty() body: string;
  @ApiProperty({ type: ComplainantDto, nullable: true, description: 'null for an anonymous complaint' })
  complainant: ComplainantDto | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) rectificationMatterId: string | null;
  @ApiProperty({ nullable: true, type: String }) ratingComment: string | null;
}
