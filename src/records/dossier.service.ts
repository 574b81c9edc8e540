import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHANNEL_TITLES, ROLE_TITLES, type JsonSchema, type Role } from '../../workflows/index.js';
import { LocalTime } from '../common/local-time.js';
import { actText, actTitle } from '../engine/act-words.js';
import { ChainCheckpointRepository } from '../engine/chain-checkpoint.repository.js';
import { MatterQueries } from '../engine/matter-queries.service.js';
import { stepTitleOf } from '../engine/state-path.js';
import { labelOf, optionLabelOf } from '../common/field-words.js';
import { TraceService } from '../engine/trace.service.js';
import type { PersonActor } from '../identity/actor.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { RegionRepository } from '../identity/region.repository.js';
import { MeetingViews } from '../meetings/meeting-views.service.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { citation } from '../procedures/checker/class-rules.js';
import type { Dossier, DossierDisclosure, DossierDocumentRequest, DossierMeeting } from './dossier.js';
import {
  BALLOT_MODES,
  CHOICES,
  COUNTS,
  DISCLOSURE_KINDS,
  inputText,
  MEETING_OUTCOMES,
  OBJECTION_STATUSES,
  wordFor,
} from './dossier-words.js';

type MatterRead = Awaited<ReturnType<MatterQueries['read']>>;
type TraceRow = Awaited<ReturnType<MatterQueries['trace']>>[number];
type MeetingDetail = Awaited<ReturnType<MeetingViews['forMatter']>>[number];
type DisclosureView = Omit<DossierDisclosure, 'attachments' | 'objections'> & {
  attachments: { filename: string; sha256: string }[];
  objections: { filedAt: string; content: string; status: string; answer: string | null }[];
};
/** The matter view's document requests: the dossier's fields, with people still as ids. */
type DocumentRequestView = DossierDocumentRequest;

/** A section other modules add to the matter's view (see EngineExtensions.registerViewSection). */
const sectionOf = <T>(matter: MatterRead, key: string): T[] =>
  ((matter as Record<string, unknown>)[key] ?? []) as T[];
const roleTitle = (role: string | null) => (role ? (ROLE_TITLES[role as Role] ?? role) : '');
const personInput = (key: string) => key.endsWith('PersonId');

/** The tally's recusal sentence with the names of those recused. */
const recusalSentence = (
  recusal: { explanation: string; personIds: string[] },
  roster: readonly { personId: string; name: string }[],
) => {
  const names = roster
    .filter((person) => recusal.personIds.includes(person.personId))
    .map((person) => person.name);
  return `${recusal.explanation}（${names.join('、')}）`;
};

/**
 * A matter's dossier (档案): everything it went through, put into the words of a printed record, with
 * its part of the trace and the chain's state so a reader can check the hashes against the public board.
 * Readable by whoever may read the matter.
 */
@Injectable()
export class DossierService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: MatterQueries,
    private readonly meetings: MeetingViews,
    private readonly catalog: ProcedureCatalog,
    private readonly people: PeopleRepository,
    private readonly regions: RegionRepository,
    private readonly chain: TraceService,
    private readonly checkpoints: ChainCheckpointRepository,
    private readonly time: LocalTime,
  ) {}

  async build(actor: PersonActor, villageId: string, matterId: string): Promise<Dossier> {
    const db = this.dataSource.manager;
    const matter = await this.queries.read(actor, villageId, matterId);
    const [trace, meetings, village, report, checkpoints] = await Promise.all([
      this.queries.trace(actor, villageId, matterId),
      this.meetings.forMatter(actor, villageId, matterId),
      this.regions.findById(db, villageId),
      this.chain.verify(db, villageId),
      this.checkpoints.forVillage(db, villageId),
    ]);
    const procedure = await this.catalog.get(db, matter.procedure.id, matter.procedure.version);
    const machine = procedure.definition.machine;
    const inputProperties = (procedure.definition.inputSchema.properties ?? {}) as Record<string, JsonSchema>;
    const choiceInput = (key: string) => Array.isArray(inputProperties[key]?.enum);
    const names = await this.namesOf(matter);
    const accepted = trace.filter((row) => row.accepted);
    const lastSeq = trace.at(-1)?.seq ?? 0;
    const covering = checkpoints.find((checkpoint) => Number(checkpoint.seq) >= lastSeq);
    const by = (row: TraceRow) => row.actor.name ?? '';
    return {
      generatedAt: this.time.now().toISOString(),
      timeZone: this.time.timeZone,
      village: { id: villageId, name: village?.name ?? '' },
      matter: {
        id: matter.id,
        title: matter.title,
        procedure: {
          id: procedure.definition.id,
          version: procedure.definition.version,
          title: procedure.definition.title,
        },
        status: matter.status === 'done' ? '已办结' : '办理中',
        outcome: matter.outcome?.title ?? null,
        createdAt: matter.createdAt,
        createdBy: names.get(matter.createdBy) ?? '',
        inputs: Object.entries(matter.inputs).map(([key, value]) => [
          labelOf(key),
          personInput(key)
            ? (names.get(value as string) ?? inputText(value))
            : typeof value === 'string' && choiceInput(key)
              ? optionLabelOf(value)
              : inputText(value),
        ]),
      },
      steps: accepted
        .filter((row) => row.eventType === 'START' || row.stateBefore !== row.stateAfter)
        .map((row) => ({
          at: row.at.toISOString(),
          step: row.stateAfter ? stepTitleOf(machine, row.stateAfter) : '',
          act: actTitle(procedure, row.eventType),
          by: by(row),
          role: roleTitle(row.actor.role),
        })),
      meetings: meetings.map((meeting) => this.meeting(meeting, (stage) => stepTitleOf(machine, stage))),
      disclosures: sectionOf<DisclosureView>(matter, 'disclosures').map((disclosure) => ({
        ...disclosure,
        kind: wordFor(DISCLOSURE_KINDS, disclosure.kind) || '公示',
        channels: disclosure.channels.map((channel) => wordFor(CHANNEL_TITLES, channel)),
        attachments: disclosure.attachments.map(({ filename, sha256 }) => ({
          name: filename,
          sha256,
        })) as never,
        objections: disclosure.objections.map((objection) => ({
          filedAt: objection.filedAt,
          content: objection.content,
          status: wordFor(OBJECTION_STATUSES, objection.status),
          answer: objection.answer,
        })),
      })),
      opinions: accepted
        .filter((row) => row.eventType !== 'START' && actText(row.payload) !== '')
        .map((row) => ({
          at: row.at.toISOString(),
          by: by(row),
          role: roleTitle(row.actor.role),
          act: actTitle(procedure, row.eventType),
          text: actText(row.payload),
        })),
      documentRequests: sectionOf<DocumentRequestView>(matter, 'documentRequests').map((request) => ({
        ...request,
        requestedBy: names.get(request.requestedBy) ?? '',
        answeredBy: request.answeredBy ? (names.get(request.answeredBy) ?? '') : null,
      })),
      trace: trace.map((row) => ({
        seq: row.seq,
        at: row.at.toISOString(),
        by: by(row),
        role: roleTitle(row.actor.role),
        act: actTitle(procedure, row.eventType),
        accepted: row.accepted,
        stateBefore: row.stateBefore ? stepTitleOf(machine, row.stateBefore) : null,
        stateAfter: row.stateAfter ? stepTitleOf(machine, row.stateAfter) : null,
        refusal: row.refusal?.message ?? null,
        payloadDigest: row.payloadDigest,
        prevHash: row.prevHash,
        hash: row.hash,
      })),
      chain: {
        ok: report.ok,
        headSeq: report.head.seq,
        headHash: report.head.hash,
        checkpoint: covering ? { day: covering.day, seq: Number(covering.seq), hash: covering.hash } : null,
        problem: report.firstBroken
          ? `第 ${report.firstBroken.seq} 条记录校验不通过（${report.firstBroken.reason}）`
          : null,
      },
    };
  }

  private meeting(meeting: MeetingDetail, stageTitle: (stage: string) => string): DossierMeeting {
    const tally = meeting.tally;
    return {
      body: meeting.bodyTitle,
      stage: stageTitle(meeting.stage),
      heldOn: meeting.heldOn,
      place: meeting.place,
      agenda: meeting.agenda,
      // The rule with the law it cites as of the day the matter started (its meetings keep that version).
      ruleSet: `${meeting.ruleSet.title}（依据：${citation(meeting.ruleSet.legalBasis)}）`,
      ballotMode: wordFor(BALLOT_MODES, meeting.ballotMode),
      outcome: meeting.outcome ? wordFor(MEETING_OUTCOMES, meeting.outcome) : '进行中',
      attendance: meeting.roster.map(({ name, present, voted, recused, entitled }) => ({
        name,
        present,
        voted,
        recused,
        entitled,
      })),
      observers: meeting.observers.map((observer) => ({
        name: observer.name,
        role: roleTitle(observer.role),
      })),
      ballots:
        meeting.ballots?.map((ballot) => ({ name: ballot.name, choice: wordFor(CHOICES, ballot.choice) })) ??
        null,
      tally: tally
        ? {
            counts: Object.entries(tally.counts).map(([count, value]): [string, number] => [
              wordFor(COUNTS, count),
              value,
            ]),
            checks: [
              ...[...tally.quorum, tally.pass].map((check) => check.explanation),
              ...(tally.recusal ? [recusalSentence(tally.recusal, meeting.roster)] : []),
            ],
          }
        : null,
    };
  }

  /** Names of the people a matter's record refers to by id: its starter, the persons its inputs name. */
  private async namesOf(matter: MatterRead): Promise<Map<string, string>> {
    const inputs = matter.inputs;
    const requests = sectionOf<DocumentRequestView>(matter, 'documentRequests');
    const ids = [
      matter.createdBy,
      ...Object.keys(inputs)
        .filter(personInput)
        .map((key) => inputs[key] as string),
      ...requests.flatMap((request) => [request.requestedBy, request.answeredBy ?? '']),
    ].filter(Boolean);
    const people = await this.people.findPeople(this.dataSource.manager, [...new Set(ids)]);
    return new Map(people.map((person) => [person.id, person.name]));
  }
}
