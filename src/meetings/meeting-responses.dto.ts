import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MeetingBody } from '../../workflows/index.js';
import { AttachmentRefDto } from '../disclosure/disclosure-responses.dto.js';
import { LegalBasisDto } from '../procedures/procedure-responses.dto.js';
import { MeetingAppraisalDto } from './appraisal-responses.dto.js';
import type { BallotChoice } from './ballot.entity.js';
import { CountRecordDto } from './count-record.dto.js';
import type { CountedAttendance, RecordedBallotsConfirmation, VoteCount } from './counted-records.js';
import { MEETING_BODY_CODES, ThresholdDto } from './rule-set.dto.js';
import type { Tally, ThresholdCheck } from './tally.js';

const CHOICES: BallotChoice[] = ['yes', 'no', 'abstain'];
const int = (description?: string) => ({ type: 'integer' as const, description });

export class TallyCountsDto {
  @ApiProperty(int('应到')) roster: number;
  @ApiProperty(int('应到会有表决权')) entitled: number;
  @ApiProperty(int('实到')) present: number;
  @ApiProperty(int('实到有表决权')) presentEntitled: number;
  @ApiProperty(int('应到户数')) households: number;
  @ApiProperty(int('到会户数')) householdsPresent: number;
  @ApiProperty(int('赞成')) yes: number;
  @ApiProperty(int('反对')) no: number;
  @ApiProperty(int('弃权')) abstain: number;
}

export class ThresholdCheckDto implements ThresholdCheck {
  @ApiProperty({ type: ThresholdDto }) threshold: ThresholdDto;
  @ApiProperty(int()) count: number;
  @ApiProperty(int()) of: number;
  @ApiProperty() met: boolean;
  @ApiProperty({ example: '实到 6，应到 7，须达到 2/3 以上：满足', description: 'checkable by hand' })
  explanation: string;
}

export class RuleSetRefDto {
  @ApiProperty() code: string;
  @ApiProperty(int()) version: number;
  @ApiProperty() title: string;
}

export class RecusalCountDto {
  @ApiProperty({ type: [String] }) personIds: string[];
  @ApiProperty(int()) setAside: number;
  @ApiProperty(int()) deductedYes: number;
  @ApiProperty() explanation: string;
}

/** The server's count of a closed meeting: every threshold with a sentence anyone can check. */
export class TallyDto implements Tally {
  @ApiProperty({ type: RuleSetRefDto }) ruleSet: RuleSetRefDto;
  @ApiProperty({ type: TallyCountsDto }) counts: TallyCountsDto;
  @ApiProperty({ type: [ThresholdCheckDto], description: 'met when any one is' }) quorum: ThresholdCheckDto[];
  @ApiProperty() quorumMet: boolean;
  @ApiProperty({ type: ThresholdCheckDto }) pass: ThresholdCheckDto;
  @ApiProperty({ enum: ['passed', 'lost', 'noQuorum'] }) outcome: Tally['outcome'];
  @ApiPropertyOptional({ type: RecusalCountDto, description: 'members recused (回避) from this vote' })
  recusal?: RecusalCountDto;
}

/** Attendance taken from the sign-in list (签到表), by household or by its counts. */
export class CountedAttendanceDto implements CountedAttendance {
  @ApiProperty({ enum: ['households', 'counts'] }) mode: 'households' | 'counts';
  @ApiProperty(int()) present: number;
  @ApiProperty(int()) householdsPresent: number;
  @ApiProperty({ type: [String] }) households: string[];
  @ApiProperty({ type: [AttachmentRefDto] }) signInSheet: AttachmentRefDto[];
  @ApiProperty({ format: 'uuid' }) recordedBy: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

/** Votes counted (show of hands, paper ballots) rather than cast one by one. */
export class VoteCountDto extends CountRecordDto implements VoteCount {
  @ApiProperty(int()) yes: number;
  @ApiProperty(int()) no: number;
  @ApiProperty(int()) abstain: number;
}

/** A scrutineer's confirmation of the show of hands the clerk recorded voter by voter. */
export class RecordedBallotsConfirmationDto implements RecordedBallotsConfirmation {
  @ApiProperty({ ...int(), description: 'the ballots the clerk had recorded when it was confirmed' })
  ballots: number;
  @ApiProperty({ format: 'uuid' }) confirmedBy: string;
  @ApiProperty({ format: 'date-time' }) confirmedAt: string;
}

export class MeetingRuleSetDto extends RuleSetRefDto {
  @ApiProperty({ type: [LegalBasisDto] }) legalBasis: LegalBasisDto[];
}

/** A meeting of a matter's step, as the matter's view shows it. */
export class MeetingSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'partyMemberMeeting', description: 'the procedure stage holding it' })
  stage: string;
  @ApiProperty({ enum: MEETING_BODY_CODES, enumName: 'MeetingBody' }) body: MeetingBody;
  @ApiProperty({ example: '党员大会' }) bodyTitle: string;
  @ApiProperty({ type: MeetingRuleSetDto }) ruleSet: MeetingRuleSetDto;
  @ApiProperty({ enum: ['open', 'secret'] }) ballotMode: 'open' | 'secret';
  @ApiProperty({ format: 'date' }) heldOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) noticeGivenOn: string | null;
  @ApiProperty({ enum: ['open', 'closed', 'void'], description: 'void: the matter left the step first' })
  status: 'open' | 'closed' | 'void';
  @ApiProperty({ type: String, nullable: true, enum: ['passed', 'lost', 'noQuorum', 'counted'] })
  outcome: string | null;
  @ApiProperty({ type: TallyDto, nullable: true, description: 'once closed' }) tally: TallyDto | null;
  @ApiProperty({ type: [String], description: 'what the registers could not tell for the roster' })
  rosterNotes: string[];
  @ApiProperty({ type: CountedAttendanceDto, nullable: true }) countedAttendance: CountedAttendanceDto | null;
  @ApiProperty({
    type: [AttachmentRefDto],
    nullable: true,
    description: 'the written proxies (委托书) of members present by proxy, scanned',
  })
  proxyLetters: AttachmentRefDto[] | null;
  @ApiProperty({ type: VoteCountDto, nullable: true }) voteCount: VoteCountDto | null;
  @ApiProperty({ type: RecordedBallotsConfirmationDto, nullable: true })
  recordedBallotsConfirmation: RecordedBallotsConfirmationDto | null;
  @ApiProperty({ type: MeetingAppraisalDto, nullable: true, description: 'a 民主测评 held as this meeting' })
  appraisal: MeetingAppraisalDto | null;
}

export class RunningChoicesDto {
  @ApiProperty(int()) yes: number;
  @ApiProperty(int()) no: number;
  @ApiProperty(int()) abstain: number;
}

/** An open meeting as it stands: present, voted, and whether the quorum is met so far. */
export class RunningCountDto {
  @ApiProperty(int()) roster: number;
  @ApiProperty(int()) present: number;
  @ApiProperty(int()) voted: number;
  @ApiProperty({
    type: RunningChoicesDto,
    nullable: true,
    description: 'never for a secret ballot uncounted',
  })
  choices: RunningChoicesDto | null;
  @ApiProperty() quorumMet: boolean;
  @ApiProperty({ type: [String] }) quorum: string[];
}

export class RosterEntryDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'holds a vote' }) entitled: boolean;
  @ApiProperty({ description: 'a conflict of interest (回避) is declared' }) recused: boolean;
  @ApiProperty({ type: String, nullable: true }) household: string | null;
  @ApiProperty() present: boolean;
  @ApiProperty({ description: 'present by a written proxy carried by a member of the household' })
  byProxy: boolean;
  @ApiProperty() voted: boolean;
}

export class ObserverDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true, example: 'township_officer' }) role: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class OpenBallotDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty() name: string;
  @ApiProperty({ enum: CHOICES }) choice: BallotChoice;
  @ApiProperty({ description: 'recorded by the clerk (a show of hands), not cast by the voter' })
  recordedByClerk: boolean;
}

/** A meeting in full: roster with attendance, observers, and (open ballots only) who voted what. */
export class MeetingDetailDto extends MeetingSummaryDto {
  @ApiProperty({ type: RunningCountDto, nullable: true, description: 'while the meeting is open' })
  running: RunningCountDto | null;
  @ApiProperty({ type: String, nullable: true }) place: string | null;
  @ApiProperty({ type: String, nullable: true }) agenda: string | null;
  @ApiProperty({ type: [RosterEntryDto] }) roster: RosterEntryDto[];
  @ApiProperty({ type: [ObserverDto] }) observers: ObserverDto[];
  @ApiProperty({ type: [OpenBallotDto], nullable: true, description: 'null for a secret ballot' })
  ballots: OpenBallotDto[] | null;
}
