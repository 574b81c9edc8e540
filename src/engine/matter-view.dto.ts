import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type JsonObject, type OutcomeKind } from '../../workflows/index.js';
import { DisclosureViewDto } from '../disclosure/disclosure-responses.dto.js';
import { MeetingSummaryDto } from '../meetings/meeting-responses.dto.js';
import { DocumentRequestViewDto } from '../supervision/document-request-view.dto.js';
import { DeadlineViewDto } from '../time/time-responses.dto.js';
import { CONFLICT_RELATIONS, type ConflictRelation } from './matter-conflict.entity.js';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class MatterProcedureDto {
  @ApiProperty({ example: 'A1' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ example: 'A' }) category: string;
}

export class MatterStageDto {
  @ApiProperty({ example: 'twoCommitteeDeliberation' }) key: string;
  @ApiProperty({ example: '“两委”商议' }) title: string;
}

export class MatterStepDto {
  @ApiProperty({ example: '“两委”商议：召集' }) title: string;
}

export class MatterOutcomeDto {
  @ApiProperty({ example: 'closed', description: 'the final state reached' }) state: string;
  @ApiProperty({ enum: ['carriedOut', 'rejected', 'dropped'], enumName: 'OutcomeKind' }) kind: OutcomeKind;
  @ApiProperty() title: string;
}

/** An act the caller may take now (guards aside), with the JSON Schema its payload must meet. */
export class AvailableActionDto {
  @ApiProperty({ example: 'CONVENE_MEETING' }) type: string;
  @ApiProperty({ example: '召集会议' }) title: string;
  @ApiProperty({ enum: ROLES, enumName: 'Role', isArray: true }) roles: string[];
  @ApiProperty({
    ...FREE_OBJECT,
    description: 'JSON Schema of the payload, as this procedure states it (see also the events body)',
  })
  payloadSchema: JsonObject;
}

/** A declared conflict of interest (回避). */
export class ConflictViewDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: CONFLICT_RELATIONS, enumName: 'ConflictRelation' }) relation: ConflictRelation;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'uuid' }) declaredBy: string;
  @ApiProperty({ format: 'date-time' }) declaredAt: string;
}

/**
 * A matter as the caller sees it now: where it stands, what they may do, and what its steps recorded
 * (meetings with the server's tallies, disclosures, deadlines, conflicts, document requests).
 */
export class MatterViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: MatterProcedureDto }) procedure: MatterProcedureDto;
  @ApiProperty({ example: 'twoCommitteeDeliberation.convening', description: 'the state path' })
  state: string;
  @ApiProperty({ type: MatterStageDto }) stage: MatterStageDto;
  @ApiProperty({ type: MatterStepDto }) step: MatterStepDto;
  @ApiProperty({ enum: ['active', 'done'], enumName: 'MatterStatus' }) status: 'active' | 'done';
  @ApiProperty({ type: MatterOutcomeDto, nullable: true, description: 'once done' })
  outcome: MatterOutcomeDto | null;
  @ApiProperty({ type: 'integer', description: 'counts accepted changes' }) revision: number;
  @ApiProperty({ ...FREE_OBJECT, description: 'the inputs it started with, defaults filled in' })
  inputs: JsonObject;
  @ApiProperty({
    ...FREE_OBJECT,
    description: 'what earlier steps recorded (the proposal, the last objection…)',
  })
  record: JsonObject;
  @ApiProperty({ type: [AvailableActionDto] }) availableActions: AvailableActionDto[];
  @ApiProperty({ format: 'uuid' }) createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [ConflictViewDto] }) conflicts: ConflictViewDto[];
  @ApiProperty({ type: [DeadlineViewDto] }) deadlines: DeadlineViewDto[];
  @ApiProperty({ type: [DisclosureViewDto] }) disclosures: DisclosureViewDto[];
  @ApiProperty({ type: [MeetingSummaryDto] }) meetings: MeetingSummaryDto[];
  @ApiProperty({ type: [DocumentRequestViewDto] }) documentRequests: DocumentRequestViewDto[];
}

export class HistoryActorDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for the system' })
  personId: string | null;
  @ApiProperty({ type: String, nullable: true, example: '王建国' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'secretary' }) role: string | null;
}

/** An accepted step of the matter's history. */
export class HistoryEntryDto {
  @ApiProperty({ type: 'integer', description: 'its place in the village’s trace chain' }) seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: HistoryActorDto }) actor: HistoryActorDto;
  @ApiProperty({ example: 'PROPOSE_PLAN' }) eventType: string;
  @ApiProperty({ example: '提出方案' }) title: string;
  @ApiProperty({ type: String, nullable: true }) stateAfter: string | null;
}

export class MatterWithHistoryDto extends MatterViewDto {
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
}

/** A matter in a list: where it stands, without its sections. */
export class MatterSummaryDto {
  @ApiProperty({ format: 'uuid' }) villageId: string;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'A1' }) procedureId: string;
  @ApiProperty({ type: 'integer' }) procedureVersion: number;
  @ApiProperty() title: string;
  @ApiProperty() state: string;
  @ApiProperty({ enum: ['active', 'done'], enumName: 'MatterStatus' }) status: 'active' | 'done';
  @ApiProperty({ type: String, nullable: true, description: 'the final state, once done' })
  outcome: string | null;
  @ApiProperty({ type: 'integer' }) revision: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class MatterPageDto {
  @ApiProperty({ type: 'integer', description: 'all matching matters, not only this page' }) total: number;
  @ApiProperty({ type: [MatterSummaryDto], description: 'most recently changed first' })
  items: MatterSummaryDto[];
}
