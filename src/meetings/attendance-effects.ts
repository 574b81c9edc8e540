import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DomainError } from '../common/errors/domain-error.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { EngineExtensions, type EffectContext } from '../engine/engine-extensions.js';
import type { CountedAttendance } from './counted-records.js';
import { MeetingAccess } from './meeting-access.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';

/** The attendance payload as its event schema (checked before the effect runs) describes it. */
interface AttendancePayload {
  present?: string[];
  absent?: string[];
  presentRemotely?: string[];
  remoteAllowedBy?: string;
  presentByProxy?: string[];
  proxyLetters?: string[];
  households?: string[];
  presentCount?: number;
  householdsPresentCount?: number;
  signInSheet?: string[];
}

/** The collective's bodies, whose charter may let members attend online (集体经济组织法 第二十七条). */
export const REMOTE_BODIES: ReadonlySet<string> = new Set(['collectiveMembers', 'collectiveRepresentatives']);
/**
 * The body a member may attend by a written proxy (委托书) carried by a capable member of their household
 * (集体经济组织法 第二十七条): the member assembly; a member representative sits for others already.
 */
export const PROXY_BODIES: ReadonlySet<string> = new Set(['collectiveMembers']);

/**
 * Who came to a meeting, as the sign-in list (签到表) was kept: by person (and, for the collective's
 * bodies where the charter allows it, online), by household (one signer for each household, for the
 * household quorum), or by the list's counts. Counts that cannot be are refused, saying why.
 */
@Injectable()
export class AttendanceEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly access: MeetingAccess,
    private readonly files: AttachmentsService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('recordAttendance', (context) => this.record(context));
    this.extensions.registerEffect('recordSitIn', (context) => this.recordSitIn(context));
  }

  private async record(context: EffectContext): Promise<void> {
    const { db, matter, stateBefore, today } = context;
    const meeting = await this.access.held(db, matter, stateBefore, today);
    const payload = context.event.payload as AttendancePayload;
    // The count was taken of those present then: a later correction would make it a count of other people.
    if (meeting.voteCount || meeting.appraisal?.count) throw new DomainError('ATTENDANCE.COUNT_RECORDED');
    const byHousehold = payload.households !== undefined;
    const byCount = payload.presentCount !== undefined || payload.householdsPresentCount !== undefined;
    if (byHousehold || byCount) {
      const named = [payload.present, payload.absent, payload.presentRemotely, payload.presentByProxy].reduce(
        (sum, list) => sum + (list ?? []).length,
        0,
      );
      if (named > 0 || (byHousehold && byCount)) {
        throw new DomainError('ATTENDANCE.MIXED', {}, '一次只能按一种方式登记到会：按人、按户或按签到表人数');
      }
      await this.recordCounted(context, meeting, payload);
    } else {
      await this.recordPeople(context, meeting, payload);
    }
  }

  private async recordPeople(
    context: EffectContext,
    meeting: MeetingEntity,
    payload: AttendancePayload,
  ): Promise<void> {
    const { db, matter, event, now } = context;
    const roster = await this.meetings.roster(db, matter.villageId, meeting.id);
    const onRoster = new Set(roster.map((entry) => entry.personId));
    const remote = payload.presentRemotely ?? [];
    if (remote.length > 0 && (!REMOTE_BODIES.has(meeting.body) || !payload.remoteAllowedBy?.trim())) {
      throw new DomainError(
        'ATTENDANCE.REMOTE_NOT_ALLOWED',
        { body: meeting.body },
        '线上参会只适用于集体经济组织成员（代表）大会，且须写明章程的相应条款',
      );
    }
    const byProxy = payload.presentByProxy ?? [];
    const present = [...(payload.present ?? []), ...remote, ...byProxy];
    const absent = payload.absent ?? [];
    const both = present.filter((personId) => absent.includes(personId));
    if (both.length > 0) throw new DomainError('ATTENDANCE.CONTRADICTORY', { personIds: both });
    const strangers = [...present, ...absent].filter((personId) => !onRoster.has(personId));
    if (strangers.length > 0) throw new DomainError('ATTENDANCE.NOT_ON_ROSTER', { personIds: strangers });
    const letters = byProxy.length > 0 ? await this.proxyLetters(context, meeting, roster, payload) : null;
    const voted = new Set(await this.meetings.receipts(db, matter.villageId, meeting.id));
    const votedButAbsent = absent.filter((personId) => voted.has(personId));
    if (votedButAbsent.length > 0)
      throw new DomainError('ATTENDANCE.HAS_VOTED', { personIds: votedButAbsent });
    if (meeting.countedAttendance) await this.meetings.setCountedAttendance(db, meeting, null);
    await this.meetings.markAbsent(db, matter.villageId, meeting.id, absent);
    if (letters)
      await this.meetings.setProxyLetters(db, meeting, [...(meeting.proxyLetters ?? []), ...letters]);
    const row = (personId: string, note: string | null, proxied = false) => ({
      villageId: matter.villageId,
      meetingId: meeting.id,
      personId,
      kind: 'member' as const,
      observerRole: null,
      note,
      byProxy: proxied,
      recordedBy: event.actor.personId!,
      recordedAt: now,
    });
    // A member who sent a proxy and then came after all is there in person: their own ballot is theirs again.
    if (PROXY_BODIES.has(meeting.body))
      await this.meetings.endProxies(db, matter.villageId, meeting.id, [
        ...(payload.present ?? []),
        ...remote,
      ]);
    await this.meetings.markPresent(db, [
      ...(payload.present ?? []).map((personId) => row(personId, null)),
      ...remote.map((personId) => row(personId, `线上参会（${payload.remoteAllowedBy!.trim()}）`)),
      ...byProxy.map((personId) => row(personId, '书面委托同户成员代为参加', true)),
    ]);
  }

  /**
   * Members present by a written proxy: at the member assembly only, each carried by a member of their
   * household (on the register) who is there in person or online, now or by an earlier record, with the
   * scanned letters. Answers the letters, marked as the meeting's; a later record adds its own to them.
   */
  private async proxyLetters(
    { db, matter }: EffectContext,
    meeting: MeetingEntity,
    roster: readonly { personId: string; household: string | null }[],
    payload: AttendancePayload,
  ) {
    const byProxy = new Set(payload.presentByProxy ?? []);
    if (!PROXY_BODIES.has(meeting.body)) {
      throw new DomainError('ATTENDANCE.PROXY_NOT_ALLOWED', { body: meeting.body });
    }
    if ((payload.proxyLetters ?? []).length === 0) {
      throw new DomainError('ATTENDANCE.PROXY_INVALID', {}, '请上传委托书（照片或扫描件）');
    }
    const here = [...(payload.present ?? []), ...(payload.presentRemotely ?? [])];
    // Who is there: this record's, and those an earlier record of this meeting found there themselves.
    const recorded = (await this.meetings.attendance(db, matter.villageId, meeting.id)).filter(
      (row) => row.kind === 'member' && !row.byProxy,
    );
    // A member who is there (now or by an earlier record) sent no proxy.
    const twice = [...byProxy].filter(
      (personId) => here.includes(personId) || recorded.some((row) => row.personId === personId),
    );
    if (twice.length > 0) throw new DomainError('ATTENDANCE.CONTRADICTORY', { personIds: twice });
    const there = new Set([...here, ...recorded.map((row) => row.personId)]);
    const householdOf = new Map(roster.map((entry) => [entry.personId, entry.household]));
    const unaccompanied = [...byProxy].filter((personId) => {
      const household = householdOf.get(personId);
      return !household || ![...there].some((other) => householdOf.get(other) === household);
    });
    if (unaccompanied.length > 0) {
      throw new DomainError(
        'ATTENDANCE.PROXY_INVALID',
        { personIds: unaccompanied },
        `${unaccompanied.length} 人的同户成员中没有到会的人：委托只能交给本户到会的成员`,
      );
    }
    return this.files.attach(db, matter.villageId, payload.proxyLetters);
  }

  /** By household or by the list's counts: nobody is named, so the scanned sign-in list goes with it. */
  private async recordCounted(
    { db, matter, event, now }: EffectContext,
    meeting: MeetingEntity,
    payload: AttendancePayload,
  ): Promise<void> {
    if ((payload.signInSheet ?? []).length === 0) {
      throw new DomainError('ATTENDANCE.SHEET_REQUIRED', {}, '按户或按人数登记到会，须上传签到表');
    }
    if ((await this.meetings.ballots(db, matter.villageId, meeting.id)).length > 0) {
      throw new DomainError('VOTE.MIXED', {}, '已有个人投票，不能改为按户或按人数登记到会');
    }
    const roster = await this.meetings.roster(db, matter.villageId, meeting.id);
    const recused = await this.access.recusedIn(db, matter);
    const takingPart = roster.filter((entry) => !recused.has(entry.personId) && !entry.recused);
    const householdOf = (entry: (typeof roster)[number]) => entry.household ?? `person:${entry.personId}`;
    const rosterHouseholds = new Set(roster.map(householdOf));
    const households = [...new Set(payload.households ?? [])];
    const strangers = households.filter((household) => !rosterHouseholds.has(household));
    if (strangers.length > 0) {
      throw new DomainError('ATTENDANCE.NOT_ON_ROSTER', { households: strangers }, '签到的户不在应到名单中');
    }
    const present = payload.households ? households.length : (payload.presentCount ?? 0);
    const householdsPresent = payload.households ? households.length : (payload.householdsPresentCount ?? 0);
    requirePossible(present, takingPart.length, householdsPresent, rosterHouseholds.size);
    const attendance: CountedAttendance = {
      mode: payload.households ? 'households' : 'counts',
      present,
      householdsPresent,
      households,
      signInSheet: await this.files.attach(db, matter.villageId, payload.signInSheet),
      recordedBy: event.actor.personId!,
      recordedAt: now.toISOString(),
    };
    await this.meetings.clearAttendance(db, matter.villageId, meeting.id);
    // Counted attendance names nobody, so nobody is present by proxy: the letters go with the names.
    await this.meetings.setProxyLetters(db, meeting, null);
    await this.meetings.setCountedAttendance(db, meeting, attendance);
  }

  /** Supervisors and township staff sit in (列席) without a vote. */
  private async recordSitIn({ db, matter, event, stateBefore, now, today }: EffectContext): Promise<void> {
    const meeting = await this.access.held(db, matter, stateBefore, today);
    await this.meetings.markPresent(db, [
      {
        villageId: matter.villageId,
        meetingId: meeting.id,
        personId: event.actor.personId!,
        kind: 'observer',
        observerRole: event.actor.role,
        note: (event.payload.note as string | undefined) ?? null,
        recordedBy: event.actor.personId!,
        recordedAt: now,
      },
    ]);
  }
}

/** Counts a sign-in list cannot have: more present than on the roster, more households than people. */
function requirePossible(present: number, takingPart: number, households: number, rosterHouseholds: number) {
  const refuse = (message: string) => {
    throw new DomainError(
      'ATTENDANCE.COUNT_IMPOSSIBLE',
      { present, takingPart, households, rosterHouseholds },
      message,
    );
  };
  if (present > takingPart) refuse(`到会 ${present} 人，多于应到且未回避的 ${takingPart} 人`);
  if (households > rosterHouseholds) refuse(`到会 ${households} 户，多于应到的 ${rosterHouseholds} 户`);
  if (households > present) refuse(`到会 ${households} 户，多于到会的 ${present} 人`);
}
