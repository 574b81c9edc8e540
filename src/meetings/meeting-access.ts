import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { participation } from '../authority/voting-authority.js';
import { DomainError } from '../common/errors/domain-error.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { MatterConflictRepository } from '../engine/matter-conflict.repository.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import type { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';

/** What every act in a meeting first asks: which meeting is held in the step, and who is recused now. */
@Injectable()
export class MeetingAccess {
  constructor(
    private readonly meetings: MeetingRepository,
    private readonly conflicts: MatterConflictRepository,
    private readonly people: PeopleRepository,
  ) {}

  /** The meeting open in the matter's state, once its day has come. */
  async held(db: EntityManager, matter: MatterEntity, state: string, today: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.openInState(db, matter.villageId, matter.id, state);
    if (!meeting) throw new DomainError('MEETING.NOT_OPEN');
    if (today < meeting.heldOn) throw new DomainError('MEETING.NOT_YET_HELD', { heldOn: meeting.heldOn });
    return meeting;
  }

  /** People a conflict of interest is declared for in the matter, now (not as the meeting was convened). */
  async recusedIn(db: EntityManager, matter: MatterEntity): Promise<Set<string>> {
    const conflicts = await this.conflicts.listByMatter(db, matter.villageId, matter.id);
    return new Set(conflicts.map((conflict) => conflict.personId));
  }

  /** How many may vote now: present, entitled, not recused (by person), or the sign-in list's count. */
  async takingPart(db: EntityManager, matter: MatterEntity, meeting: MeetingEntity): Promise<number> {
    if (meeting.countedAttendance) return meeting.countedAttendance.present;
    const roster = await this.meetings.roster(db, matter.villageId, meeting.id);
    const attendance = await this.meetings.attendance(db, matter.villageId, meeting.id);
    const present = new Set(attendance.filter((row) => row.kind === 'member').map((row) => row.personId));
    const taking = participation(roster, present, [], [], await this.recusedIn(db, matter));
    return taking.present.filter((place) => place.entitled).length;
  }

  /**
   * Paper ballots are counted by their counter (计票人), who enters the count himself with the tally sheet,
   * and confirmed by a scrutineer (监票人) who is someone else; both are people of the village.
   */
  async requirePaperCounter(
    db: EntityManager,
    villageId: string,
    actor: string,
    count: { counter: string; scrutineer: string; tallySheet?: string[] },
  ): Promise<void> {
    if (count.counter === count.scrutineer) {
      throw new DomainError('VOTE.COUNTER_INVALID', {}, '计票人和监票人不能是同一人');
    }
    if (actor !== count.counter) {
      throw new DomainError('VOTE.COUNTER_INVALID', {}, '纸质选票的计票结果须由计票人本人登记');
    }
    if ((count.tallySheet ?? []).length === 0) {
      throw new DomainError('VOTE.COUNTER_INVALID', {}, '纸质选票须上传计票单（照片或扫描件）');
    }
    await this.requireVillagePeople(db, villageId, [count.counter, count.scrutineer]);
  }

  /**
   * A scrutineer (监票人) vouches for what they saw, so they were at the meeting: recorded present on its
   * roster, or sitting in (列席) as a supervisor or township officer. Where attendance was taken from the
   * sign-in list's counts, which names nobody, being on the roster is as far as the record can tell.
   */
  async requireAtMeeting(db: EntityManager, meeting: MeetingEntity, personId: string): Promise<void> {
    const attendance = await this.meetings.attendance(db, meeting.villageId, meeting.id);
    if (attendance.some((row) => row.personId === personId)) return;
    if (meeting.countedAttendance) {
      const roster = await this.meetings.roster(db, meeting.villageId, meeting.id);
      if (roster.some((entry) => entry.personId === personId)) return;
    }
    throw new DomainError('VOTE.SCRUTINEER_NOT_AT_MEETING', { personId });
  }

  async requireVillagePeople(db: EntityManager, villageId: string, personIds: string[]): Promise<void> {
    const found = await this.people.findPeople(db, personIds);
    const strangers = personIds.filter(
      (id) => found.find((person) => person.id === id)?.homeRegionId !== villageId,
    );
    if (strangers.length > 0) throw new DomainError('PERSON.NOT_FOUND', { personIds: strangers });
  }
}
