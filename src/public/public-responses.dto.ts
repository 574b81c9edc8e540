import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import { AttachmentRefDto } from '../disclosure/disclosure-responses.dto.js';
import type { ObligationStatus } from '../disclosure/obligation.entity.js';
import { ChainReportDto } from '../engine/trace-view.dto.js';
import type { BoardDecision } from './public-board.repository.js';

export class PublicVillageDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '东庄村' }) name: string;
  @ApiProperty({ example: '韩店镇' }) township: string;
  @ApiProperty({ example: '上党区' }) district: string;
}

/** A published (or ended) disclosure as anyone reads it on the board. */
export class BoardDisclosureDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() matterTitle: string;
  @ApiProperty({ example: 'A1' }) procedureId: string;
  @ApiProperty({ example: 'resolution' }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['published', 'ended'] }) status: 'published' | 'ended';
  @ApiProperty({ type: [String], example: ['board', 'platform'] }) channels: string[];
  @ApiProperty({ type: [AttachmentRefDto] }) attachments: AttachmentRefDto[];
  @ApiProperty({ type: String, nullable: true }) supervisorOpinion: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) periodEndsAt: string | null;
  @ApiProperty({ type: 'integer' }) openObjections: number;
}

export class CurrentDisclosureDto extends BoardDisclosureDto {
  @ApiProperty({ type: 'integer', description: 'whole days left after today; 0 on the last day' })
  daysLeft: number;
}

export class BoardOverdueDto {
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-Q1' }) period: string | null;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
}

export class CurrentHeadDto {
  @ApiProperty({ type: 'integer', description: '0 before the first row' }) seq: number;
  @ApiProperty({ type: String, nullable: true }) hash: string | null;
}

/** A day's closing head (日终哈希): copy it down, and a later rewrite of history will show. */
export class DailyHeadDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() hash: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class ChainHeadsDto {
  @ApiProperty({ type: CurrentHeadDto }) current: CurrentHeadDto;
  @ApiProperty({ type: [DailyHeadDto], description: 'the last month of days with activity, newest first' })
  daily: DailyHeadDto[];
}

/** The village's public board (公开栏). */
export class BoardDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ format: 'date-time' }) now: string;
  @ApiProperty({ type: [CurrentDisclosureDto], description: 'public now' }) current: CurrentDisclosureDto[];
  @ApiProperty({ type: [BoardDisclosureDto], description: 'public periods ended' })
  past: BoardDisclosureDto[];
  @ApiProperty({ type: [BoardOverdueDto], description: 'disclosures owed and late' })
  overdue: BoardOverdueDto[];
  @ApiProperty({ type: ChainHeadsDto }) chain: ChainHeadsDto;
}

export class PublicChainReportDto extends ChainReportDto {
  @ApiProperty({ format: 'date-time' }) verifiedAt: string;
}

/** A vote that passed in the month, for the bulletin. */
export class BoardDecisionDto implements BoardDecision {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() matterTitle: string;
  @ApiProperty() stage: string;
  @ApiProperty({ example: 'representatives' }) body: string;
  @ApiProperty({ example: 'representative-meeting' }) ruleSet: string;
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: 'integer' }) yes: number;
  @ApiProperty({ type: 'integer' }) present: number;
}

export class BulletinObligationDto {
  @ApiProperty() title: string;
  @ApiProperty({ example: '2026-03' }) period: string;
  @ApiProperty({ enum: ['open', 'overdue', 'fulfilled', 'cancelled'], enumName: 'ObligationStatus' })
  status: ObligationStatus;
}

/** The month's bulletin (村情月报), as data and as text for SMS or a WeChat group. */
export class BulletinDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ type: [BoardDisclosureDto] }) disclosures: BoardDisclosureDto[];
  @ApiProperty({ type: [BoardDecisionDto] }) decisions: BoardDecisionDto[];
  @ApiProperty({ type: [BulletinObligationDto] }) obligations: BulletinObligationDto[];
  @ApiProperty() text: string;
}

export class FeedExtensionDto {
  @ApiProperty({ format: 'date-time' }) period_ends_at: string;
}

export class FeedItemDto {
  @ApiProperty({ example: 'urn:micropower:disclosure:…' }) id: string;
  @ApiProperty() url: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() content_text: string;
  @ApiProperty({ format: 'date-time' }) date_published: string;
  @ApiPropertyOptional({ type: FeedExtensionDto, description: 'while the disclosure has a public period' })
  _micropower?: FeedExtensionDto;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of the board's disclosures. */
export class JsonFeedDto {
  @ApiProperty({ example: 'https://jsonfeed.org/version/1.1' }) version: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'zh-CN' }) language: string;
  @ApiProperty() home_page_url: string;
  @ApiProperty() feed_url: string;
  @ApiProperty({ type: [FeedItemDto] }) items: FeedItemDto[];
}
