import { ApiProperty } from '@nestjs/swagger';
import type { JsonObject, OutcomeKind } from '../../workflows/index.js';
import { RoleTitleDto } from '../identity/identity-responses.dto.js';
import { LegalBasisDto } from '../procedures/procedure-responses.dto.js';
import type { StatutoryClassView } from './statutory-class-view.js';

const FREE_OBJECT = { type: 'object', additionalProperties: true } as const;

export class CatalogEntryDto {
  @ApiProperty({ example: 'A1' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: 'integer', description: 'the newest registered version' }) version: number;
  @ApiProperty({ type: String, nullable: true, example: '村民委员会' }) responsible: string | null;
  @ApiProperty({ type: [String], description: 'the statutory classes (titles) of matter it decides' })
  statutoryClasses: string[];
  @ApiProperty({ example: '/api/catalog/A1/flowchart.svg' }) flowchart: string;
}

/** A category of the base catalog (A–H), or the list's adjustment (L) and the supervisors' own (S). */
export class CatalogCategoryDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: '重大事项决策' }) title: string;
  @ApiProperty({ enum: ['power', 'listAdjustment', 'supervision'] }) kind: string;
  @ApiProperty({ type: [CatalogEntryDto] }) items: CatalogEntryDto[];
}

export class CategoryRefDto {
  @ApiProperty({ example: 'A' }) code: string;
  @ApiProperty({ example: '重大事项决策' }) title: string;
}

export class DeciderDto {
  @ApiProperty({ example: 'representatives' }) body: string;
  @ApiProperty({ example: '村民代表会议' }) bodyTitle: string;
  @ApiProperty({ example: 'representative-meeting' }) ruleSet: string;
  @ApiProperty({ description: 'the rule in words' }) rule: string;
  @ApiProperty({ type: 'integer' }) noticeDays: number;
  @ApiProperty({ description: 'the law, as it reads today' }) basis: string;
}

/** What a matter of this class is by law, and who may decide it by which rule. */
export class StatutoryClassViewDto implements StatutoryClassView {
  @ApiProperty({ example: 'publicWelfareProject' }) code: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [DeciderDto] }) deciders: DeciderDto[];
  @ApiProperty({ type: String, nullable: true, example: '乡镇人民政府' }) decidedBy: string | null;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ActTitleDto {
  @ApiProperty({ example: 'PROPOSE_PLAN' }) event: string;
  @ApiProperty({ example: '提出方案' }) title: string;
}

/** A stage of the procedure with who acts in it. */
export class CatalogStepDto {
  @ApiProperty({ example: 'topicIntake' }) key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: [RoleTitleDto] }) roles: RoleTitleDto[];
  @ApiProperty({ type: [ActTitleDto] }) acts: ActTitleDto[];
}

export class CatalogDisclosureDto {
  @ApiProperty({ example: '决议公开', description: 'the stage that publishes it' }) step: string;
  @ApiProperty({ example: 'resolution' }) kind: string;
  @ApiProperty({ ...FREE_OBJECT, description: 'the public period, e.g. `{ days: 7, unit: "calendar" }`' })
  period: unknown;
}

export class RequirementDto {
  @ApiProperty({ example: 'vote' }) requirement: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: String, nullable: true, description: 'why this item may skip it' })
  exemption: string | null;
}

/** A catalog item as villagers and staff read it: its procedure in words, with the law behind it. */
export class CatalogItemDto {
  @ApiProperty({ example: 'A1' }) code: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: CategoryRefDto }) category: CategoryRefDto;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty({ type: String, nullable: true }) responsible: string | null;
  @ApiProperty({ type: RoleTitleDto, nullable: true }) responsibleRole: RoleTitleDto | null;
  @ApiProperty({ type: [String], description: 'integrity risk points (廉政风险点)' }) riskPoints: string[];
  @ApiProperty({ type: [LegalBasisDto], description: 'as it reads today' }) legalBasis: LegalBasisDto[];
  @ApiProperty({ type: [StatutoryClassViewDto] }) statutoryClasses: StatutoryClassViewDto[];
  @ApiProperty({ type: [RoleTitleDto], description: 'who may start a matter' }) startRoles: RoleTitleDto[];
  @ApiProperty({ ...FREE_OBJECT, description: 'JSON Schema of the inputs (see the start body)' })
  inputSchema: JsonObject;
  @ApiProperty({ ...FREE_OBJECT, description: 'the parameters in force' }) parameters: JsonObject;
  @ApiProperty({ type: [CatalogStepDto] }) steps: CatalogStepDto[];
  @ApiProperty({ type: [CatalogDisclosureDto] }) disclosures: CatalogDisclosureDto[];
  @ApiProperty({ type: [RequirementDto], description: 'what its category requires' })
  requirements: RequirementDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['carriedOut', 'rejected', 'dropped'] },
  })
  outcomes: Record<string, OutcomeKind>;
  @ApiProperty({ example: '/api/catalog/A1/flowchart.svg' }) flowchart: string;
}
