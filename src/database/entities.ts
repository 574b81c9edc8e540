import { DocumentRequestEntity } from '../supervision/document-request.entity.js';
import { AttachmentEntity } from '../disclosure/attachment.entity.js';
import { DisclosureObjectionEntity } from '../disclosure/disclosure-objection.entity.js';
import { DisclosureEntity } from '../disclosure/disclosure.entity.js';
import { ObligationEntity } from '../disclosure/obligation.entity.js';
import { IdempotencyRecordEntity } from '../engine/idempotency-record.entity.js';
import { MatterConflictEntity } from '../engine/matter-conflict.entity.js';
import { MatterEntity } from '../engine/matter.entity.js';
import { ListVersionEntity } from '../lists/list-version.entity.js';
import { ChainCheckpointEntity } from '../engine/chain-checkpoint.entity.js';
import { TraceHeadEntity } from '../engine/trace-head.entity.js';
import { StrayAttemptEntity } from '../engine/stray-attempt.entity.js';
import { CollectiveMemberEntity } from '../registers/collective-member.entity.js';
import { HouseholdEntity } from '../registers/household.entity.js';
import { RepresentativeHouseholdEntity } from '../registers/representative-household.entity.js';
import { TraceEntity } from '../engine/trace.entity.js';
import { AccountEntity } from '../identity/account.entity.js';
import { MembershipEntity } from '../identity/membership.entity.js';
import { OfficialPostEntity } from '../identity/official-post.entity.js';
import { PersonEntity } from '../identity/person.entity.js';
import { RegionEntity } from '../identity/region.entity.js';
import { BallotEntity, BallotReceiptEntity } from '../meetings/ballot.entity.js';
import { MeetingAttendanceEntity } from '../meetings/meeting-attendance.entity.js';
import { MeetingRosterEntity } from '../meetings/meeting-roster.entity.js';
import { MeetingEntity } from '../meetings/meeting.entity.js';
import { RuleSetEntity } from '../meetings/rule-set.entity.js';
import { ProcedureVersionEntity } from '../procedures/procedure-version.entity.js';
import { CalendarDayEntity } from '../time/calendar-day.entity.js';
import { TimerEntity } from '../time/timer.entity.js';
import { ComplaintEntity } from '../complaints/complaint.entity.js';
import { AppSettingEntity } from './app-setting.entity.js';

export const ENTITIES = [
  AppSettingEntity,
  RegionEntity,
  PersonEntity,
  AccountEntity,
  MembershipEntity,
  OfficialPostEntity,
  ProcedureVersionEntity,
  RuleSetEntity,
  MatterEntity,
  MatterConflictEntity,
  TraceEntity,
  ChainCheckpointEntity,
  ListVersionEntity,
  TraceHeadEntity,
  IdempotencyRecordEntity,
  MeetingEntity,
  MeetingRosterEntity,
  MeetingAttendanceEntity,
  BallotEntity,
  BallotReceiptEntity,
  DisclosureEntity,
  DisclosureObjectionEntity,
  AttachmentEntity,
  ObligationEntity,
  TimerEntity,
  CalendarDayEntity,
  DocumentRequestEntity,
  StrayAttemptEntity,
  ComplaintEntity,
  HouseholdEntity,
  CollectiveMemberEntity,
  RepresentativeHouseholdEntity,
];
