import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type {
  CatalogInfo,
  CategoryCode,
  EventSpec,
  GovernanceExemption,
  JsonObject,
  LegalBasis,
  MachineData,
  OutcomeKind,
  ProcedureDefinition,
  StatutoryClassSource,
  StepMark,
} from '../../workflows/index.js';
import type { DefinitionIssue } from './checker/issue.js';

const CATEGORIES: CategoryCode[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'L', 'S'];
const OUTCOMES: OutcomeKind[] = ['carriedOut', 'rejected', 'dropped'];
const MARKS: StepMark[] = [
  'approval',
  'supervisorSignOff',
  'townshipApproval',
  'tenderAward',
  'proposal',
  'sealUse',
];
/** A JSON Schema (draft 2020-12 subset) as a definition carries it: read it, do not expect OpenAPI. */
const JSON_SCHEMA = { type: 'object', additionalProperties: true } as const;

export class LegalBasisDto implements LegalBasis {
  @ApiProperty({ example: '中华人民共和国村民委员会组织法' }) law: string;
  @ApiPropertyOptional({ description: 'the text the article numbers refer to' }) version?: string;
  @ApiPropertyOptional({ example: '第二十四条' }) article?: string;
  @ApiPropertyOptional({ description: 'local practice rather than national law' }) localPractice?: boolean;
  @ApiPropertyOptional() note?: string;
}

/** A procedure version registered in the catalog. */
export class ProcedureSummaryDto {
  @ApiProperty({ example: 'A1' }) procedureId: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'CategoryCode' }) category: string;
  @ApiProperty({
    enum: ['builtin', 'runtime'],
    description: 'shipped with the app, or added by a list change',
  })
  origin: 'builtin' | 'runtime';
}

export class EventSpecDto implements EventSpec {
  @ApiProperty({ example: '发表监督意见' }) title: string;
  @ApiProperty({ type: [String], description: 'roles that may send it; `system` for time-driven events' })
  roles: string[];
  @ApiProperty({ ...JSON_SCHEMA, description: 'JSON Schema of the payload' }) payload: JsonObject;
  @ApiPropertyOptional({ type: [String] }) facts?: string[];
  @ApiPropertyOptional({ type: [String], description: 'never written to the trace in clear' })
  secretFields?: string[];
  @ApiPropertyOptional({ enum: MARKS, isArray: true }) marks?: StepMark[];
  @ApiPropertyOptional({ type: [String] }) distinctFrom?: string[];
  @ApiPropertyOptional() actorFromInput?: string;
}

export class CatalogInfoDto implements CatalogInfo {
  @ApiProperty({ example: '村民委员会' }) responsible: string;
  @ApiProperty({ example: 'secretary' }) responsibleRole: string;
  @ApiProperty({ type: [String], description: 'integrity risk points (廉政风险点)' }) riskPoints: string[];
}

export class GovernanceExemptionDto implements GovernanceExemption {
  @ApiProperty({ enum: ['vote', 'disclosure', 'supervisorSignOff', 'townshipApproval', 'tender'] })
  requirement: GovernanceExemption['requirement'];
  @ApiProperty() reason: string;
}

/** A procedure definition: plain data, as in `workflows/` (see its types.ts for every field). */
@ApiExtraModels(EventSpecDto)
export class ProcedureDefinitionDto implements ProcedureDefinition {
  @ApiProperty({ example: 'A1' }) id: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'CategoryCode' }) category: CategoryCode;
  @ApiPropertyOptional() description?: string;
  @ApiProperty({ type: [LegalBasisDto] }) legalBasis: LegalBasisDto[];
  @ApiProperty({ type: [String] }) startRoles: string[];
  @ApiProperty({ ...JSON_SCHEMA, description: 'JSON Schema of the inputs a matter starts with' })
  inputSchema: JsonObject;
  @ApiProperty({ ...JSON_SCHEMA, description: 'tunable values with their defaults' }) parameters: JsonObject;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string', enum: OUTCOMES } })
  outcomes: Record<string, OutcomeKind>;
  @ApiPropertyOptional({ type: CatalogInfoDto }) catalog?: CatalogInfoDto;
  @ApiPropertyOptional({ type: [GovernanceExemptionDto] }) exemptions?: GovernanceExemptionDto[];
  @ApiPropertyOptional({
    description: 'a class code, or `{ fromInput, table? }` reading it from an input',
    oneOf: [{ type: 'string' }, JSON_SCHEMA],
  })
  statutoryClass?: StatutoryClassSource;
  @ApiPropertyOptional({ description: 'the base item a village item was made from' }) basedOn?: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(EventSpecDto) } })
  events: Record<string, EventSpecDto>;
  @ApiProperty({ ...JSON_SCHEMA, description: 'the state machine (XState config as data)' })
  machine: MachineData;
}

/** A problem the checker found, by place. */
export class DefinitionIssueDto implements DefinitionIssue {
  @ApiProperty({ example: 'UNREACHABLE_STATE' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional() state?: string;
  @ApiPropertyOptional() event?: string;
  @ApiPropertyOptional({ description: 'the path that shows it, in words' }) path?: string;
}

export class DefinitionCheckDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [DefinitionIssueDto] }) issues: DefinitionIssueDto[];
}
