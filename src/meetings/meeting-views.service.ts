import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { MEETING_BODIES, type MeetingBody } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { readAll } from '../database/read-all.js';
import { EngineExtensions } from '../engine/engine-extensions.js';
import { viewSection } from '../engine/view-sections.js';
import { MatterConflictRepository } from '../engine/matter-conflict.repository.js';
import { MatterRepository } from '../engine/matter.repository.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { MeetingEntity } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import { tallyOfRecords, type MeetingRecords } from './recorded-tally.js';

const summary = (meeting: MeetingEntity) => ({
  id: meeting.id,
  stage: meeting.stage,
  body: meeting.body,
  bodyTitle: MEETING_BODIES[meeting.body as MeetingBody] ?? meeting.body,
  ruleSet: {
    code: meeting.ruleSetCode,
    version: meeting.ruleSetVersion,
    title: meeting.ruleSet.title,
    legalBasis: meeting.ruleSet.legalBasis,
  },
  ballotMode: meeting.ballotMode,
  heldOn: meeting.heldOn,
  noticeGivenOn: meeting.noticeGivenOn,
  status: meeting.status,
  outcome: meeting.outcome,
  tally: meeting.tally,
  rosterNotes: meeting.rosterNotes ?? [],
  countedAttendance: meeting.countedAttendance ?? null,
  proxyLetters: meeting.proxyLetters ?? null,
  voteCount: meeting.voteCount ?? null,
  recordedBallotsConfirmation: meeting.recordedBallotsConfirmation ?? null,
  appraisal: meeting.appraisal ?? null,
});

/**
 * Meetings as people read them: the roster with attendance, observers, and ballots. Open ballots show who
 * voted what; secret ballots show only who voted and the counts.
 */
@Injectable()
export class MeetingViews implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly extensions: EngineExtensions,
    private readonly meetings: MeetingRepository,
    private readonly matters: MatterRepository,
    private readonly people: PeopleRepository,
    private readonly conflicts: MatterConflictRepository,
    private readonly access: AccessService,
    private readonly time: LocalTime,
  ) {}

  onModuleInit(): void {
    this.extensions.registerViewSection(
      'meetings',
      viewSection({
        rows: { meetings: { entity: MeetingEntity, orderBy: 't.opened_in_revision' } },
        shape: ({ meetings }) => meetings.map(summary),
      }),
    );
  }

  async forMatter(actor: PersonActor, villageId: string, matterId: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    if (!(await this.matters.findById(db, villageId, matterId)))
      throw new DomainError('MATTER.NOT_FOUND', { matterId });
    const meetings = await this.meetings.listByMatter(db, villageId, matterId);
    return readAll(
      db,
      meetings.map((meeting) => () => this.detail(db, meeting)),
    );
  }

  /**
   * While a meeting runs, what its panel shows beside the close button: present, voted, the choices of an
   * open vote (never of a secret one before it is counted), and whether the quorum is met as things stand.
   */
  private runningCount(meeting: MeetingEntity, records: MeetingRecords, recused: ReadonlySet<string>) {
    const { counts, quorumMet, quorum } = tallyOfRecords(meeting, records, recused);
    const choicesShown = meeting.ballotMode === 'open' || Boolean(meeting.voteCount);
    return {
      roster: counts.roster,
      present: counts.present,
      voted: meeting.voteCount ? counts.yes + counts.no + counts.abstain : records.receipts.length,
      choices: choicesShown ? { yes: counts.yes, no: counts.no, abstain: counts.abstain } : null,
      quorumMet,
      quorum: quorum.map((check) => check.explanation),
    };
  }

  private async detail(db: EntityManager, meeting: MeetingEntity) {
    const [roster, attendance, ballots, receipts, conflicts] = await readAll(db, [
      () => this.meetings.roster(db, meeting.villageId, meeting.id),
      () => this.meetings.attendance(db, meeting.villageId, meeting.id),
      () => this.meetings.ballots(db, meeting.villageId, meeting.id),
      () => this.meetings.receipts(db, meeting.villageId, meeting.id),
      () => this.conflicts.listByMatter(db, meeting.villageId, meeting.matterId),
    ]);
    const recusedNow = new Set(conflicts.map((conflict) => conflict.personId));
    const ids = [
      ...new Set([...roster.map((entry) => entry.personId), ...attendance.map((row) => row.personId)]),
    ];
    const nameOf = new Map((await this.people.findPeople(db, ids)).map((person) => [person.id, person.name]));
    const members = attendance.filter((row) => row.kind === 'member');
    const present = new Set(members.map((row) => row.personId));
    const byProxy = new Set(members.filter((row) => row.byProxy).map((row) => row.personId));
    const voted = new Set(receipts);
    const secret = meeting.ballotMode === 'secret';
    const records = { roster, attendance, ballots, receipts };
    const running = meeting.status === 'open' ? this.runningCount(meeting, records, recusedNow) : null;
    return {
      running,
      ...summary(meeting),
      place: meeting.place,
      agenda: meeting.agenda,
      roster: roster.map((entry) => ({
        personId: entry.personId,
        name: nameOf.get(entry.personId) ?? '',
        entitled: entry.entitled,
        // Recused now: a conflict declared after the meeting was convened counts just the same.
        recused: entry.recused || recusedNow.has(entry.personId),
        household: entry.household,
        present: present.has(entry.personId),
        byProxy: byProxy.has(entry.personId),
        voted: voted.has(entry.personId),
      })),
      observers: attendance
        .filter((row) => row.kind === 'observer')
        .map((row) => ({
          personId: row.personId,
          name: nameOf.get(row.personId) ?? '',
          role: row.observerRole,
          note: row.note,
        })),
      ballots: secret
        ? null
        : ballots.map((ballot) => ({
            personId: ballot.personId,
            name: nameOf.get(ballot.personId ?? '') ?? '',
            choice: ballot.choice,
            recordedByClerk: ballot.recordedBy !== null && ballot.recordedBy !== ballot.personId,
          })),
    };
  }
}
