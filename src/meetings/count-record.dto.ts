import { ApiProperty } from '@nestjs/swagger';
import { AttachmentRefDto } from '../disclosure/disclosure-responses.dto.js';
import type { CountRecord } from './counted-records.js';

/** Who counted and who confirmed: the counter (计票人) with the tally sheet, the scrutineer (监票人). */
export class CountRecordDto implements CountRecord {
  @ApiProperty({ description: 'the counter (计票人)' }) counter: string;
  @ApiProperty({ description: 'the scrutineer (监票人)' }) scrutineer: string;
  @ApiProperty({ type: [AttachmentRefDto] }) tallySheet: AttachmentRefDto[];
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) confirmedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) confirmedAt: string | null;
}
