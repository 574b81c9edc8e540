import { ApiProperty } from '@nestjs/swagger';
import type { RegisterChecks } from './register-checks.js';
import type { ImportSummary } from './register-write.js';

const int = (description?: string) => ({ type: 'integer' as const, description });

/** A column of the register file (花名册), in the documented order. */
export class RegisterColumnDto {
  @ApiProperty({ example: 'household' }) key: string;
  @ApiProperty({ example: '户号' }) title: string;
}

/** The register as a table on a date: the file's columns, each row in words. */
export class RegisterTableDto {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: [String] }) columns: string[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } } }) rows: string[][];
}

export class RepresentativeMeetingMakeupDto {
  @ApiProperty(int()) members: number;
  @ApiProperty(int()) representatives: number;
  @ApiProperty(int()) women: number;
  @ApiProperty(int()) genderUnknown: number;
}

/** How the registers measure up to the law's composition rules. */
export class RegisterChecksDto implements RegisterChecks {
  @ApiProperty({ type: RepresentativeMeetingMakeupDto })
  representativeMeeting: RepresentativeMeetingMakeupDto;
  @ApiProperty(int()) memberRepresentatives: number;
  @ApiProperty({ type: [String], description: 'in Chinese, with the article of law' }) warnings: string[];
}

export class PeopleImportedDto {
  @ApiProperty(int()) created: number;
  @ApiProperty(int()) updated: number;
  @ApiProperty(int()) unchanged: number;
}

export class HouseholdsImportedDto {
  @ApiProperty(int()) created: number;
  @ApiProperty(int()) updated: number;
}

export class RolesImportedDto {
  @ApiProperty(int()) started: number;
  @ApiProperty(int()) ended: number;
}

export class MembersImportedDto {
  @ApiProperty(int()) entered: number;
  @ApiProperty(int()) left: number;
}

export class ImportSummaryDto implements ImportSummary {
  @ApiProperty(int()) rows: number;
  @ApiProperty({ type: PeopleImportedDto }) people: PeopleImportedDto;
  @ApiProperty({ type: HouseholdsImportedDto }) households: HouseholdsImportedDto;
  @ApiProperty({ type: RolesImportedDto }) roles: RolesImportedDto;
  @ApiProperty({ type: MembersImportedDto }) members: MembersImportedDto;
  @ApiProperty(int('people on the register the file left out: kept as they are')) notListed: number;
  @ApiProperty({
    type: [Number],
    description: 'the lines whose 户号 is blank: those people belong to no household (a merged cell counts)',
  })
  linesWithoutHousehold: number[];
}
