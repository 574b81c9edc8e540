import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { JsonObject, JsonValue } from '../../workflows/index.js';
import { APPRAISED_DISCLOSURES, APPRAISED_ROLES } from '../../workflows/catalog/appraisal-rules.js';
import { DomainError } from '../common/errors/domain-error.js';
import { AttachmentsService } from '../disclosure/attachments.service.js';
import { EngineExtensions, type EffectContext, type FactContext } from '../engine/engine-extensions.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { RegistersRepository } from '../registers/registers.repository.js';
import {
  appraisalResult,
  type AppraisalCount,
  type AppraisalSubject,
  type MeetingAppraisal,
} from './appraisal.js';
import { MeetingAccess } from './meeting-access.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { recordedTally } from './recorded-tally.js';

/** The count payload as its event schema (checked before the effect runs) describes it. */
type CountPayload = Pick<AppraisalCount, 'ballotsReturned' | 'ratings' | 'counter' | 'scrutineer'> & {
  tallySheet: string[];
};

/**
 * 民主测评 held as a meeting on paper: the ballot's subjects are fixed from the registers when it is
 * convened (a village cannot leave a cadre off), the counter enters the count subject by subject, a
 * scrutineer confirms it, and closing computes the rates. Counts that cannot be are refused, saying why.
 */
@Injectable()
export class AppraisalEffects implements OnModuleInit {
  constructor(
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly access: MeetingAccess,
    private readonly registers: RegistersRepository,
    private readonly people: PeopleRepository,
    private readonly files: AttachmentsService,
  ) {}

  onModuleInit(): void {
    this.extensions.registerEffect('openAppraisal', (context) => this.open(context));
    this.extensions.registerEffect('recordAppraisalCount', (context) => this.recordCount(context));
    this.extensions.registerEffect('closeAppraisal', (context, params) => this.close(context, params));
    this.extensions.registerFact('appraisalOutcome', (context) => this.outcome(context));
  }

  /** The cadres in office on the meeting date, then the three disclosures: the lines of the ballot. */
  private async open({ db, matter, stateAfter }: EffectContext): Promise<void> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, stateAfter);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    const register = await this.registers.snapshot(db, matter.villageId, meeting.heldOn);
    const held = register.memberships.filter((membership) =>
      (APPRAISED_ROLES as readonly string[]).includes(membership.role),
    );
    const cadreIds = [...new Set(held.map((membership) => membership.personId))];
    if (cadreIds.length === 0) throw new DomainError('APPRAISAL.NO_CADRES', { heldOn: meeting.heldOn });
    const names = new Map(
      (await this.people.findPeople(db, cadreIds)).map((person) => [person.id, person.name]),
    );
    const post = (personId: string) => {
      const posts = held.filter((membership) => membership.personId === personId);
      if (posts.some((membership) => membership.role === 'secretary')) return '村党组织书记';
      return posts.some((membership) => membership.vcChair) ? '村委会主任' : '村“两委”成员';
    };
    const subjects: AppraisalSubject[] = [
      ...cadreIds
        .map((personId) => ({
          key: personId,
          kind: 'cadre' as const,
          label: `${names.get(personId) ?? personId}（${post(personId)}）`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN')),
      ...Object.entries(APPRAISED_DISCLOSURES).map(([key, label]) => ({
        key,
        kind: 'disclosure' as const,
        label,
      })),
    ];
    await this.meetings.setAppraisal(db, meeting, { subjects, count: null, result: null });
  }

  /** The counter's count: every subject once, none rated by more ballots than came back, none more than came. */
  private async recordCount({ db, matter, event, stateBefore, today, now }: EffectContext): Promise<void> {
    const meeting = await this.access.held(db, matter, stateBefore, today);
    const appraisal = appraisalOf(meeting);
    if (appraisal.count?.confirmedBy) {
      throw new DomainError('VOTE.MIXED', {}, '计票结果已经监票人确认，不能再改');
    }
    const payload = event.payload as unknown as CountPayload;
    const actor = event.actor.personId!;
    await this.access.requirePaperCounter(db, matter.villageId, actor, payload);
    await this.access.requireAtMeeting(db, meeting, payload.scrutineer);
    const rated = appraisal.subjects.filter((subject) =>
      [payload.counter, payload.scrutineer].includes(subject.key),
    );
    if (rated.length > 0) {
      throw new DomainError(
        'VOTE.COUNTER_INVALID',
        { personIds: rated.map((subject) => subject.key) },
        `被测评的村干部不能担任计票人或监票人：${rated.map((subject) => subject.label).join('、')}`,
      );
    }
    requireEverySubjectOnce(appraisal.subjects, payload.ratings);
    const takingPart = await this.access.takingPart(db, matter, meeting);
    if (payload.ballotsReturned > takingPart) {
      throw new DomainError(
        'VOTE.COUNT_IMPOSSIBLE',
        { ballotsReturned: payload.ballotsReturned, takingPart },
        `收回测评票 ${payload.ballotsReturned} 张，多于到会且有表决权的 ${takingPart} 人`,
      );
    }
    for (const rating of payload.ratings) {
      const rated = rating.satisfied + rating.basicallySatisfied + rating.dissatisfied;
      if (rated > payload.ballotsReturned) {
        const label = appraisal.subjects.find((subject) => subject.key === rating.subject)!.label;
        throw new DomainError(
          'VOTE.COUNT_IMPOSSIBLE',
          { subject: rating.subject, rated, ballotsReturned: payload.ballotsReturned },
          `“${label}”合计 ${rated} 票，多于收回的 ${payload.ballotsReturned} 张测评票`,
        );
      }
    }
    const count: AppraisalCount = {
      ballotsReturned: payload.ballotsReturned,
      ratings: payload.ratings.map(({ subject, satisfied, basicallySatisfied, dissatisfied }) => ({
        subject,
        satisfied,
        basicallySatisfied,
        dissatisfied,
      })),
      counter: payload.counter,
      scrutineer: payload.scrutineer,
      tallySheet: await this.files.attach(db, matter.villageId, payload.tallySheet),
      recordedBy: actor,
      recordedAt: now.toISOString(),
      confirmedBy: null,
      confirmedAt: null,
    };
    await this.meetings.setAppraisal(db, meeting, { ...appraisal, count });
  }

  /** Closes the appraisal: without a quorum it is void; with one its confirmed count gives the rates. */
  private async close({ db, matter, stateBefore, now }: EffectContext, params: JsonObject): Promise<void> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, stateBefore);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    const appraisal = appraisalOf(meeting);
    const tally = await recordedTally(this.meetings, db, meeting, await this.access.recusedIn(db, matter));
    // Judged again from the record, not from the event's facts: an item that closes an appraisal by an act
    // without the fact must not count one held without its quorum.
    const outcome = tally.quorumMet ? 'counted' : 'noQuorum';
    if (outcome === 'noQuorum') {
      await this.meetings.closeAppraisal(db, meeting, tally, appraisal, outcome, now);
      return;
    }
    if (!appraisal.count?.confirmedBy) throw new DomainError('VOTE.COUNT_UNCONFIRMED');
    const result = appraisalResult(
      appraisal.subjects,
      appraisal.count,
      params.incompetentPercent as number,
      await this.meetings.incompetentInLastAppraisal(db, matter.villageId),
    );
    await this.meetings.closeAppraisal(db, meeting, tally, { ...appraisal, result }, outcome, now);
  }

  /** Whether the appraisal open in the matter's state has its quorum, from the attendance recorded. */
  private async outcome({ db, matter, today }: FactContext): Promise<JsonValue> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, matter.state);
    if (!meeting?.appraisal) return null;
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    const tally = await recordedTally(this.meetings, db, meeting, await this.access.recusedIn(db, matter));
    return tally.quorumMet ? 'counted' : 'noQuorum';
  }
}

function appraisalOf(meeting: MeetingEntity): MeetingAppraisal {
  if (!meeting.appraisal) throw new DomainError('MEETING.NOT_OPEN', {}, '当前会议不是民主测评');
  return meeting.appraisal;
}

/** One line for each subject the ballot has, and nothing else. */
function requireEverySubjectOnce(subjects: AppraisalSubject[], ratings: { subject: string }[]): void {
  const expected = new Set(subjects.map((subject) => subject.key));
  const given = ratings.map((rating) => rating.subject);
  const unknown = given.filter((key) => !expected.has(key));
  const missing = [...expected].filter((key) => !given.includes(key));
  const repeated = given.filter((key, index) => given.indexOf(key) !== index);
  if (unknown.length + missing.length + repeated.length > 0) {
    throw new DomainError('APPRAISAL.SUBJECTS_MISMATCH', {
      unknown,
      missing: subjects.filter((subject) => missing.includes(subject.key)).map((subject) => subject.label),
      repeated,
    });
  }
}
