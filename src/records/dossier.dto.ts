import { ApiProperty } from '@nestjs/swagger';
import { NamedRefDto } from '../common/http/named-ref.dto.js';
import type {
  Dossier,
  DossierDisclosure,
  DossierDocumentRequest,
  DossierMeeting,
  DossierOpinion,
  DossierStep,
  DossierTraceRow,
} from './dossier.js';

const int = { type: 'integer' } as const;
const text = (description?: string) => ({ type: String, nullable: true, description });
const instant = { type: String, format: 'date-time', nullable: true } as const;
/** Labels with their values, e.g. [["议题来源", "群众建议"]]. */
const pairs = (value: object) =>
  ({ type: 'array', items: { type: 'array', items: value, minItems: 2, maxItems: 2 } }) as const;
const LABELLED_TEXT = pairs({ type: 'string' });
const LABELLED_COUNTS = pairs({ oneOf: [{ type: 'string' }, { type: 'integer' }] });

export class DossierProcedureDto {
  @ApiProperty({ example: 'A1' }) id: string;
  @ApiProperty(int) version: number;
  @ApiProperty() title: string;
}

export class DossierMatterDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: DossierProcedureDto }) procedure: DossierProcedureDto;
  @ApiProperty({ example: '已办结' }) status: string;
  @ApiProperty(text('the end state’s title, once finished')) outcome: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ description: 'who started it, by name' }) createdBy: string;
  @ApiProperty({ ...LABELLED_TEXT, description: 'the inputs as [label, value], in the procedure’s order' })
  inputs: [string, string][];
}

export class DossierStepDto implements DossierStep {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: '党员大会审议' }) step: string;
  @ApiProperty({ example: '记录表决结果' }) act: string;
  @ApiProperty() by: string;
  @ApiProperty() role: string;
}

export class DossierAttendanceDto {
  @ApiProperty() name: string;
  @ApiProperty() present: boolean;
  @ApiProperty() voted: boolean;
  @ApiProperty() recused: boolean;
  @ApiProperty() entitled: boolean;
}

export class DossierObserverDto {
  @ApiProperty() name: string;
  @ApiProperty() role: string;
}

export class DossierBallotDto {
  @ApiProperty() name: string;
  @ApiProperty({ example: '赞成' }) choice: string;
}

export class DossierTallyDto {
  @ApiProperty({ ...LABELLED_COUNTS, description: '[label, count], e.g. ["实到", 6]' })
  counts: [string, number][];
  @ApiProperty({ type: [String], description: 'sentences anyone can check by hand' }) checks: string[];
}

export class DossierMeetingDto implements DossierMeeting {
  @ApiProperty({ example: '党员大会' }) body: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) heldOn: string | null;
  @ApiProperty(text()) place: string | null;
  @ApiProperty(text()) agenda: string | null;
  @ApiProperty() ruleSet: string;
  @ApiProperty({ example: '公开表决' }) ballotMode: string;
  @ApiProperty({ example: '已通过' }) outcome: string;
  @ApiProperty({ type: [DossierAttendanceDto] }) attendance: DossierAttendanceDto[];
  @ApiProperty({ type: [DossierObserverDto] }) observers: DossierObserverDto[];
  @ApiProperty({ type: [DossierBallotDto], nullable: true, description: 'open ballots only' })
  ballots: DossierBallotDto[] | null;
  @ApiProperty({ type: DossierTallyDto, nullable: true }) tally: DossierTallyDto | null;
}

export class DossierFileDto {
  @ApiProperty() name: string;
  @ApiProperty() sha256: string;
}

export class DossierObjectionDto {
  @ApiProperty({ format: 'date-time' }) filedAt: string;
  @ApiProperty() content: string;
  @ApiProperty() status: string;
  @ApiProperty(text()) answer: string | null;
}

export class DossierDisclosureDto implements DossierDisclosure {
  @ApiProperty() kind: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: [String] }) channels: string[];
  @ApiProperty(instant) publishedAt: string | null;
  @ApiProperty(instant) periodEndsAt: string | null;
  @ApiProperty(text()) supervisorOpinion: string | null;
  @ApiProperty({ type: [DossierFileDto] }) attachments: DossierFileDto[];
  @ApiProperty({ type: [DossierObjectionDto] }) objections: DossierObjectionDto[];
}

export class DossierOpinionDto implements DossierOpinion {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() by: string;
  @ApiProperty() role: string;
  @ApiProperty() act: string;
  @ApiProperty() text: string;
}

export class DossierDocumentRequestDto implements DossierDocumentRequest {
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty() request: string;
  @ApiProperty(instant) answeredAt: string | null;
  @ApiProperty(text()) answeredBy: string | null;
  @ApiProperty(text()) answer: string | null;
}

export class DossierTraceRowDto implements DossierTraceRow {
  @ApiProperty(int) seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() by: string;
  @ApiProperty() role: string;
  @ApiProperty() act: string;
  @ApiProperty() accepted: boolean;
  @ApiProperty(text()) stateBefore: string | null;
  @ApiProperty(text()) stateAfter: string | null;
  @ApiProperty(text('why it was refused')) refusal: string | null;
  @ApiProperty() payloadDigest: string;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class DossierCheckpointDto {
  @ApiProperty({ format: 'date' }) day: string;
  @ApiProperty(int) seq: number;
  @ApiProperty() hash: string;
}

export class DossierChainDto {
  @ApiProperty() ok: boolean;
  @ApiProperty(int) headSeq: number;
  @ApiProperty() headHash: string;
  @ApiProperty({ type: DossierCheckpointDto, nullable: true }) checkpoint: DossierCheckpointDto | null;
  @ApiProperty(text('when verification failed, e.g. 第 12 条记录哈希不符')) problem: string | null;
}

/** A matter's dossier (档案) as it is printed: every field in the words a reader sees. */
export class DossierDto implements Dossier {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone: string;
  @ApiProperty({ type: NamedRefDto }) village: NamedRefDto;
  @ApiProperty({ type: DossierMatterDto }) matter: DossierMatterDto;
  @ApiProperty({ type: [DossierStepDto] }) steps: DossierStepDto[];
  @ApiProperty({ type: [DossierMeetingDto] }) meetings: DossierMeetingDto[];
  @ApiProperty({ type: [DossierDisclosureDto] }) disclosures: DossierDisclosureDto[];
  @ApiProperty({ type: [DossierOpinionDto] }) opinions: DossierOpinionDto[];
  @ApiProperty({ type: [DossierDocumentRequestDto] }) documentRequests: DossierDocumentRequestDto[];
  @ApiProperty({ type: [DossierTraceRowDto] }) trace: DossierTraceRowDto[];
  @ApiProperty({ type: DossierChainDto }) chain: DossierChainDto;
}
