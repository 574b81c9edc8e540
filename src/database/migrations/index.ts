import { InitialSchema1764288000000 } from './1764288000000-initial-schema.js';
import { Conflicts1764374400000 } from './1764374400000-conflicts.js';
import { Calendar1764460800000 } from './1764460800000-calendar.js';
import { DisclosureObjections1764547200000 } from './1764547200000-disclosure-objections.js';
import { Obligations1764633600000 } from './1764633600000-obligations.js';
import { Supervision1764720000000 } from './1764720000000-supervision.js';
import { PowerLists1764806400000 } from './1764806400000-power-lists.js';
import { WaitingMattersIndex1764892800000 } from './1764892800000-waiting-matters-index.js';
import { PersonHomeAndStrayAttempts1764979200000 } from './1764979200000-person-home-and-stray-attempts.js';
import { Registers1765065600000 } from './1765065600000-registers.js';
import { CountedMeetings1765152000000 } from './1765152000000-counted-meetings.js';
import { LoginSecurity1765238400000 } from './1765238400000-login-security.js';
import { BulletinOutbox1765584000000 } from './1765584000000-bulletin-outbox.js';
import { DemocraticAppraisal1765670400000 } from './1765670400000-democratic-appraisal.js';
import { ComplaintEvidence1765756800000 } from './1765756800000-complaint-evidence.js';
import { ShardReady1765843200000 } from './1765843200000-shard-ready.js';
import { JobClaims1765929600000 } from './1765929600000-job-claims.js';
import { Complaints1765497600000 } from './1765497600000-complaints.js';
import { DisciplineInspector1765411200000 } from './1765411200000-discipline-inspector.js';
import { SubscriptionConfirmation1766016000000 } from './1766016000000-subscription-confirmation.js';
import { TimerRetries1765324800000 } from './1765324800000-timer-retries.js';
import { RecordedBallotsConfirmation1766102400000 } from './1766102400000-recorded-ballots-confirmation.js';
import { PasswordFromOpener1766188800000 } from './1766188800000-password-from-opener.js';
import { LoginOpenedInVillage1766275200000 } from './1766275200000-login-opened-in-village.js';
import { RelationToHead1766361600000 } from './1766361600000-relation-to-head.js';
import { AttachmentAttached1766448000000 } from './1766448000000-attachment-attached.js';
import { AttendanceByProxy1766534400000 } from './1766534400000-attendance-by-proxy.js';

/** Migrations in order; listed explicitly so the ESM build needs no file globbing. */
export const MIGRATIONS = [
  InitialSchema1764288000000,
  Conflicts1764374400000,
  Calendar1764460800000,
  DisclosureObjections1764547200000,
  Obligations1764633600000,
  Supervision1764720000000,
  PowerLists1764806400000,
  WaitingMattersIndex1764892800000,
  PersonHomeAndStrayAttempts1764979200000,
  Registers1765065600000,
  CountedMeetings1765152000000,
  LoginSecurity1765238400000,
  TimerRetries1765324800000,
  DisciplineInspector1765411200000,
  Complaints1765497600000,
  BulletinOutbox1765584000000,
  DemocraticAppraisal1765670400000,
  ComplaintEvidence1765756800000,
  ShardReady1765843200000,
  JobClaims1765929600000,
  SubscriptionConfirmation1766016000000,
  RecordedBallotsConfirmation1766102400000,
  PasswordFromOpener1766188800000,
  LoginOpenedInVillage1766275200000,
  RelationToHead1766361600000,
  AttachmentAttached1766448000000,
  AttendanceByProxy1766534400000,
];
