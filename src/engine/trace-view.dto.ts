import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { BrokenLink } from './trace-chain.js';
import type { ChainReport } from './trace.service.js';
import { HistoryActorDto } from './matter-view.dto.js';

const REASONS: BrokenLink['reason'][] = [
  'missing-row',
  'prev-hash-mismatch',
  'payload-digest-mismatch',
  'hash-mismatch',
  'head-mismatch',
  'checkpoint-mismatch',
];

export class TraceRefusalDto {
  @ApiProperty({ type: String, nullable: true, example: 'AUTH.ROLE_NOT_ALLOWED' }) code: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
}

/** One attempt on the matter, accepted or refused, as the hash chain holds it. */
export class TraceRowDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: HistoryActorDto }) actor: HistoryActorDto;
  @ApiProperty({ example: 'PROPOSE_PLAN' }) eventType: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'as sent (secret fields replaced, a refused payload clipped)',
  })
  payload: Record<string, unknown>;
  @ApiProperty() payloadDigest: string;
  @ApiProperty({ type: String, nullable: true }) stateBefore: string | null;
  @ApiProperty({ type: String, nullable: true }) stateAfter: string | null;
  @ApiProperty() accepted: boolean;
  @ApiProperty({ type: TraceRefusalDto, nullable: true, description: 'why it was refused' })
  refusal: TraceRefusalDto | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class ChainHeadDto {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty() hash: string;
}

/** Where the chain first fails to add up. */
export class BrokenLinkDto implements BrokenLink {
  @ApiProperty({ type: 'integer' }) seq: number;
  @ApiProperty({ enum: REASONS }) reason: BrokenLink['reason'];
  @ApiProperty() expected: string;
  @ApiProperty() found: string;
  @ApiPropertyOptional({
    type: 'integer',
    description: 'for a checkpoint mismatch: the changed row lies after this sequence number',
  })
  after?: number;
}

/** The village's trace chain walked from its first row. */
export class ChainReportDto implements ChainReport {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: 'integer', description: 'rows checked' }) checked: number;
  @ApiProperty({
    type: 'integer',
    description: 'the row the walk started after: 0 from the start, else the last published daily head',
  })
  from: number;
  @ApiProperty({ type: ChainHeadDto }) head: ChainHeadDto;
  @ApiProperty({ type: BrokenLinkDto, nullable: true }) firstBroken: BrokenLinkDto | null;
}
