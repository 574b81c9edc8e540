import { ApiProperty } from '@nestjs/swagger';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import type { AttachmentRef } from './attachment.entity.js';
import type { ObjectionStatus } from './disclosure-objection.entity.js';
import type { DisclosureStatus } from './disclosure.entity.js';
import type { ObligationStatus } from './obligation.entity.js';

const DISCLOSURE_STATUSES: DisclosureStatus[] = ['awaiting_opinion', 'published', 'ended', 'withdrawn'];
const OBJECTION_STATUSES: ObjectionStatus[] = ['open', 'dismissed', 'upheld', 'republished', 'superseded'];
const OBLIGATION_STATUSES: ObligationStatus[] = ['open', 'overdue', 'fulfilled', 'cancelled'];

/** A stored file: its SHA-256 is published with it, so anyone can check a copy. */
export class AttachmentRefDto implements AttachmentRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '公示照片.jpg' }) filename: string;
  @ApiProperty({ example: 'image/jpeg' }) mediaType: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size: number;
  @ApiProperty({ pattern: '^[0-9a-f]{64}$' }) sha256: string;
}

/** A villager's or supervisor's objection (异议) to a disclosure, and its answer. */
export class ObjectionViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() content: string;
  @ApiProperty({ format: 'uuid' }) filedBy: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty({ enum: OBJECTION_STATUSES, enumName: 'ObjectionStatus' }) status: ObjectionStatus;
  @ApiProperty({ type: String, nullable: true }) answer: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) answeredAt: string | null;
}

/** A disclosure (公开) of a matter, in the matter's view. */
export class DisclosureViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'resolution', description: 'what is disclosed (resolution, result, …)' })
  kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: DISCLOSURE_STATUSES, enumName: 'DisclosureStatus' }) status: DisclosureStatus;
  @ApiProperty({ type: [String], example: ['board', 'platform'] }) channels: string[];
  @ApiProperty({ type: [AttachmentRefDto] }) attachments: AttachmentRefDto[];
  @ApiProperty({ type: String, nullable: true }) supervisorOpinion: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the public period’s end' })
  periodEndsAt: string | null;
  @ApiProperty({ type: [ObjectionViewDto] }) objections: ObjectionViewDto[];
}

/** A disclosure the village owes (定期公开 or a matter's), and whether it was made in time. */
export class ObligationViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'finance' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-Q1' }) period: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ enum: OBLIGATION_STATUSES, enumName: 'ObligationStatus' }) status: ObligationStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) fulfilledAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when it was found overdue',
  })
  flaggedAt: string | null;
}

export class CalendarDeadlineDto {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty({ example: 'STEP_DEADLINE_PASSED' }) eventType: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

/** What falls due in the range asked: disclosures owed and the time limits of running matters. */
export class ObligationCalendarDto {
  @ApiProperty({ type: [ObligationViewDto] }) obligations: ObligationViewDto[];
  @ApiProperty({ type: [CalendarDeadlineDto] }) deadlines: CalendarDeadlineDto[];
}

export class OverdueObligationDto extends ObligationViewDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
}
