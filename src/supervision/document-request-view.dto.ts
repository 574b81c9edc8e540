import { ApiProperty } from '@nestjs/swagger';
import { AttachmentRefDto } from '../disclosure/disclosure-responses.dto.js';

/** The supervisors' request for a matter's documents (调阅), and the answer, in the matter's view. */
export class DocumentRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() request: string;
  @ApiProperty({ format: 'uuid' }) requestedBy: string;
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty({ enum: ['open', 'answered'] }) status: 'open' | 'answered';
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: [AttachmentRefDto] }) attachments: AttachmentRefDto[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) answeredBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}
