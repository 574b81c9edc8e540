import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JsonValue } from '../../workflows/index.js';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import type { AdmissionIssue } from './admission.js';
import type { ItemChange, ListDiff } from './list-diff.js';

const ANY_JSON = { nullable: true, description: 'any JSON value' } as const;

export class ListVersionRefDto {
  @ApiProperty({ type: 'integer', description: 'the village’s own list version (0: the base list alone)' })
  village: number;
  @ApiProperty({ type: 'integer', description: 'the district base list version' }) base: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
}

export class ItemCategoryDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: '重大事项决策' }) title: string;
}

export class ProcedureVersionRefDto {
  @ApiProperty({ example: 'A1' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
}

/** An item of the micro-power list (小微权力清单) with the procedure and parameters it runs by. */
export class PowerListItemDto {
  @ApiProperty({ example: 'A1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ItemCategoryDto }) category: ItemCategoryDto;
  @ApiProperty({ enum: ['base', 'village'] }) origin: 'base' | 'village';
  @ApiProperty({ type: ProcedureVersionRefDto }) procedure: ProcedureVersionRefDto;
  @ApiProperty({ type: [String], example: ['secretary'] }) startRoles: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'effective parameter values' })
  parameters: Record<string, JsonValue>;
  @ApiProperty({ example: '/api/catalog/A1/flowchart.svg?version=4' }) flowchart: string;
}

/** Who in the two committees handles an item (责任清单). */
export class ResponsibilityDto {
  @ApiProperty({ example: 'G1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'the person’s name' }) person: string;
  @ApiProperty() duty: string;
}

/** What no one may do (负面清单); `enforced` entries the engine refuses outright. */
export class NegativeEntryDto {
  @ApiProperty({ example: 'N1' }) code: string;
  @ApiProperty() text: string;
  @ApiProperty() basis: string;
  @ApiProperty() enforced: boolean;
}

/** The village's three lists (三张清单) at a version. */
export class ListsAtVersionDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: ListVersionRefDto }) version: ListVersionRefDto;
  @ApiProperty({ type: [PowerListItemDto] }) powerList: PowerListItemDto[];
  @ApiProperty({ type: [ResponsibilityDto] }) responsibilityList: ResponsibilityDto[];
  @ApiProperty({ type: [NegativeEntryDto] }) negativeList: NegativeEntryDto[];
}

export class ListsOnDateDto extends ListsAtVersionDto {
  @ApiProperty({ format: 'date', description: 'the day asked about' }) on: string;
}

export class ListVersionDto {
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the L1 matter that made it' })
  matterId: string | null;
}

export class ListHistoryDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: [ListVersionDto] }) versions: ListVersionDto[];
}

export class ItemRefDto {
  @ApiProperty({ example: 'X1' }) code: string;
  @ApiProperty() title: string;
}

export class ProcedureChangeDto {
  @ApiProperty({ type: ProcedureVersionRefDto }) from: ProcedureVersionRefDto;
  @ApiProperty({ type: ProcedureVersionRefDto }) to: ProcedureVersionRefDto;
  @ApiProperty({ type: [String] }) statesAdded: string[];
  @ApiProperty({ type: [String] }) statesRemoved: string[];
  @ApiProperty({ type: [String] }) eventsAdded: string[];
  @ApiProperty({ type: [String] }) eventsRemoved: string[];
}

export class ParameterChangeDto {
  @ApiProperty() name: string;
  @ApiProperty(ANY_JSON) from: JsonValue | null;
  @ApiProperty(ANY_JSON) to: JsonValue | null;
}

export class ResponsibleRefDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() duty: string;
}

export class ResponsibleChangeDto {
  @ApiProperty({ type: ResponsibleRefDto, nullable: true }) from: ResponsibleRefDto | null;
  @ApiProperty({ type: ResponsibleRefDto, nullable: true }) to: ResponsibleRefDto | null;
}

export class ItemChangeDto implements ItemChange {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ProcedureChangeDto, nullable: true }) procedure: ProcedureChangeDto | null;
  @ApiProperty({ type: [ParameterChangeDto] }) parameters: ParameterChangeDto[];
  @ApiProperty({ type: ResponsibleChangeDto, nullable: true }) responsible: ResponsibleChangeDto | null;
}

export class ListDiffDto implements ListDiff {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: 'integer' }) from: number;
  @ApiProperty({ type: 'integer' }) to: number;
  @ApiProperty({ type: [ItemRefDto] }) added: ItemRefDto[];
  @ApiProperty({ type: [ItemRefDto] }) removed: ItemRefDto[];
  @ApiProperty({ type: [ItemChangeDto] }) changed: ItemChangeDto[];
}

/** Why a change cannot be admitted: the change (by index) and, for a procedure, where. */
export class AdmissionIssueDto implements AdmissionIssue {
  @ApiProperty({ type: 'integer', description: 'index into `changes`' }) change: number;
  @ApiProperty({ example: 'X1' }) code: string;
  @ApiProperty() issue: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() state?: string;
  @ApiPropertyOptional() event?: string;
  @ApiPropertyOptional() path?: string;
}

export class AdmissionCheckDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [AdmissionIssueDto] }) issues: AdmissionIssueDto[];
}
