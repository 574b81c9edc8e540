import { ApiProperty } from '@nestjs/swagger';
import { SatisfactionRateDto } from '../meetings/appraisal-responses.dto.js';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import { RegionRefDto } from './inbox-responses.dto.js';
import type { VillageOverview } from './overview.service.js';

const int = (description?: string) => ({ type: 'integer' as const, description });

/** One supervision act (监督记录) in the words of the ledger. */
export class LedgerRecordDto {
  @ApiProperty(int()) seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) matterId: string | null;
  @ApiProperty({ description: 'the matter’s title' }) matter: string;
  @ApiProperty({ example: 'A1 村级重大事项决策（四议两公开）' }) procedure: string;
  @ApiProperty() step: string;
  @ApiProperty() act: string;
  @ApiProperty({ description: 'what was said: the opinion, the reason, the request' }) text: string;
  @ApiProperty() by: string;
  @ApiProperty() role: string;
  @ApiProperty({ description: 'the step it led to, when it moved the matter' }) result: string;
}

export class LedgerMatterDto {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() title: string;
  @ApiProperty() procedure: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ example: '办理中' }) status: string;
  @ApiProperty() step: string;
  @ApiProperty(int('supervision acts on it in the quarter')) records: number;
  @ApiProperty(int()) objections: number;
}

/** A problem the supervisors found (问题台账) and how its rectification stands. */
export class LedgerProblemDto {
  @ApiProperty({ format: 'uuid' }) matterId: string;
  @ApiProperty() finding: string;
  @ApiProperty() category: string;
  @ApiProperty() severity: string;
  @ApiProperty({ description: 'the responsible person’s name' }) responsible: string;
  @ApiProperty({ description: 'the deadline in force (a date), or empty' }) deadline: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({ format: 'date-time' }) foundAt: string;
  @ApiProperty() status: string;
  @ApiProperty() measures: string;
  @ApiProperty() verification: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
}

/** The supervision ledger (监督台账) of a village for a quarter. */
export class LedgerDto {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ example: '2026-Q1' }) quarter: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'exclusive' }) to: string;
  @ApiProperty({ type: [LedgerRecordDto] }) records: LedgerRecordDto[];
  @ApiProperty({ type: [LedgerMatterDto] }) matters: LedgerMatterDto[];
  @ApiProperty({ type: [LedgerProblemDto] }) problems: LedgerProblemDto[];
}

export class MatterCountsDto {
  @ApiProperty(int()) active: number;
  @ApiProperty(int()) done: number;
}

export class StepCountsDto {
  @ApiProperty(int('step time limits (办理时限) due in the year')) due: number;
  @ApiProperty(int('met late or still overdue')) late: number;
  @ApiProperty(int()) overdueNow: number;
}

export class DisclosureCountsDto {
  @ApiProperty(int()) due: number;
  @ApiProperty(int()) onTime: number;
  @ApiProperty(int()) late: number;
  @ApiProperty(int()) overdueNow: number;
}

export class ObjectionCountsDto {
  @ApiProperty(int()) bySupervisors: number;
  @ApiProperty(int()) byVillagers: number;
}

export class ProblemCountsDto {
  @ApiProperty(int()) open: number;
  @ApiProperty(int()) closed: number;
  @ApiProperty(int()) withdrawn: number;
}

export class ComplaintCountsDto {
  @ApiProperty(int('filed in the year')) filed: number;
  @ApiProperty(int('answered in the year')) answered: number;
  @ApiProperty({ type: 'number', description: 'days from filing to answer, summed over those answered' })
  answerDaysSum: number;
  @ApiProperty(int('past the time limit of the step they wait in, now')) overdueNow: number;
  @ApiProperty(int('answers rated in the year')) rated: number;
  @ApiProperty(int('rated 满意 or 基本满意')) satisfied: number;
}

export class OverviewCountsDto {
  @ApiProperty({ type: MatterCountsDto }) matters: MatterCountsDto;
  @ApiProperty({ type: StepCountsDto }) steps: StepCountsDto;
  @ApiProperty({ type: DisclosureCountsDto }) disclosures: DisclosureCountsDto;
  @ApiProperty({ type: ObjectionCountsDto }) objections: ObjectionCountsDto;
  @ApiProperty({ type: ProblemCountsDto }) problems: ProblemCountsDto;
  @ApiProperty({ type: ComplaintCountsDto }) complaints: ComplaintCountsDto;
}

/** The village's last 民主测评 of the year, against the district's 90% standards. */
export class VillageAppraisalDto {
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: SatisfactionRateDto, description: 'all cadres together' }) cadres: SatisfactionRateDto;
  @ApiProperty({ type: SatisfactionRateDto, description: 'party, village and financial disclosure together' })
  disclosure: SatisfactionRateDto;
  @ApiProperty(int('cadres rated 不称职')) incompetent: number;
  @ApiProperty(int('cadres rated 不称职 twice in a row')) twiceIncompetent: number;
}

export class VillageOverviewDto extends OverviewCountsDto implements VillageOverview {
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: NamedRefDto }) township: NamedRefDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { cadre: 2, unpublished: 1 },
    description: 'complaints filed in the year by subject: matter, disclosure, cadre, unpublished, other',
  })
  complaintKinds: Record<string, number>;
  @ApiProperty({ type: VillageAppraisalDto, nullable: true, description: 'null: none counted in the year' })
  appraisal: VillageAppraisalDto | null;
  @ApiProperty({
    type: [String],
    description: 'what needs attention: overdue complaints, rates below the 90% standards, 不称职 cadres',
  })
  flags: string[];
}

/** Per village under a township or district for a year: the district's comparison table. */
export class OverviewDto {
  @ApiProperty({ type: RegionRefDto }) region: RegionRefDto;
  @ApiProperty(int()) year: number;
  @ApiProperty({ type: [VillageOverviewDto] }) villages: VillageOverviewDto[];
  @ApiProperty({ type: OverviewCountsDto, description: 'column sums' }) totals: OverviewCountsDto;
}
