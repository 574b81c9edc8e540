import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  PROBLEM_CATEGORY_TITLES,
  PROBLEM_SEVERITY_TITLES,
  ROLE_TITLES,
  SUPERVISION_PROCEDURES,
  type JsonObject,
  type Role,
} from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { periodBounds } from '../disclosure/periods.js';
import { actText, actTitle } from '../engine/act-words.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { stepTitleOf } from '../engine/state-path.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { RegionRepository } from '../identity/region.repository.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { addDays, startOfLocalDay } from '../time/calendar.js';
import { LedgerRepository, type SupervisionActRow } from './ledger.repository.js';

/** Who keeps and reads the ledger: the committee, the cadres it supervises, and the staff above. */
export const LEDGER_READERS: Role[] = [
  'supervisor',
  'supervisor_chair',
  'secretary',
  'committee_member',
  'township_officer',
  'discipline_inspector',
  'district_admin',
];

/** Acts that count as supervision whoever takes them: objections and requests for documents. */
const SUPERVISION_EVENTS = [
  'OBJECT',
  'FILE_OBJECTION',
  'DISMISS_OBJECTION',
  'UPHOLD_OBJECTION',
  'REQUEST_DOCUMENTS',
  'ANSWER_DOCUMENT_REQUEST',
];
/**
 * Roles whose every act in a village is supervision of it. Not the discipline inspector: their acts are on
 * villagers' complaints, which the village's own cadres, who read the ledger, must not see.
 */
const SUPERVISING_ROLES = ['supervisor', 'supervisor_chair', 'township_officer', 'district_admin'];

const STATUS_TITLES = { active: '办理中', done: '已办结' } as const;

export interface LedgerRecord {
  seq: number;
  at: Date;
  matterId: string | null;
  matter: string;
  procedure: string;
  step: string;
  act: string;
  text: string;
  by: string;
  role: string;
  result: string;
}

export interface LedgerMatter {
  matterId: string;
  title: string;
  procedure: string;
  createdAt: Date;
  status: string;
  step: string;
  records: number;
  objections: number;
}

export interface LedgerProblem {
  matterId: string;
  finding: string;
  category: string;
  severity: string;
  responsible: string;
  /** The deadline now in force: a rework sets a new one. */
  deadline: string;
  overdue: boolean;
  foundAt: Date;
  status: string;
  measures: string;
  verification: string;
  closedAt: Date | null;
}

export interface Ledger {
  village: { id: string; name: string };
  quarter: string;
  from: Date;
  to: Date;
  records: LedgerRecord[];
  matters: LedgerMatter[];
  problems: LedgerProblem[];
}

/**
 * The supervision ledger (监督台账) of a village for a quarter: every supervision act with who and when,
 * every matter running in the quarter with how often it was supervised, and the problem ledger (问题台账).
 * Nothing is kept twice: it is read from the trace and the matters.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly ledger: LedgerRepository,
    private readonly catalog: ProcedureCatalog,
    private readonly access: AccessService,
    private readonly people: PeopleRepository,
    private readonly regions: RegionRepository,
    private readonly time: LocalTime,
  ) {}

  get timeZone(): string {
    return this.time.timeZone;
  }

  async forQuarter(actor: PersonActor, villageId: string, quarter: string): Promise<Ledger> {
    const db = this.dataSource.manager;
    const roles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    if (!LEDGER_READERS.some((role) => roles.has(role))) throw new DomainError('AUTH.FORBIDDEN', {});
    const village = await this.regions.findById(db, villageId);
    const { first, last } = periodBounds(quarter);
    const range = {
      from: startOfLocalDay(first, this.time.timeZone),
      to: startOfLocalDay(addDays(last, 1), this.time.timeZone),
    };
    const supervisionIds = SUPERVISION_PROCEDURES.map((procedure) => procedure.id);
    const [acts, matters] = await Promise.all([
      this.ledger.supervisionActs(db, villageId, range, {
        roles: SUPERVISING_ROLES,
        events: SUPERVISION_EVENTS,
        procedures: supervisionIds,
      }),
      this.ledger.mattersDuring(db, villageId, range),
    ]);
    const records = await Promise.all(acts.map((act) => this.record(db, act)));
    const problems = matters.filter((matter) => supervisionIds.includes(matter.procedureId));
    return {
      village: { id: villageId, name: village?.name ?? '' },
      quarter,
      ...range,
      records,
      matters: await Promise.all(
        matters
          .filter((matter) => !supervisionIds.includes(matter.procedureId))
          .map((matter) => this.matter(db, matter, acts)),
      ),
      problems: await this.problems(db, problems),
    };
  }

  private async procedureOf(db: EntityManager, id: string, version: number): Promise<BuiltProcedure> {
    return this.catalog.get(db, id, version);
  }

  private async record(db: EntityManager, act: SupervisionActRow): Promise<LedgerRecord> {
    const procedure =
      act.procedureId && act.procedureVersion
        ? await this.procedureOf(db, act.procedureId, act.procedureVersion)
        : null;
    const machine = procedure?.definition.machine;
    const stepTitle = (state: string | null) => (state && machine ? stepTitleOf(machine, state) : '');
    return {
      seq: act.seq,
      at: act.at,
      matterId: act.matterId,
      matter: act.matterTitle ?? '',
      procedure: procedure ? `${procedure.definition.id} ${procedure.definition.title}` : '',
      step: stepTitle(act.stateBefore),
      act: actTitle(procedure, act.eventType),
      text: actText(act.payload),
      by: act.actorName ?? ROLE_TITLES.system,
      role: act.actorRole ? (ROLE_TITLES[act.actorRole as Role] ?? act.actorRole) : '',
      result: act.stateAfter !== act.stateBefore ? stepTitle(act.stateAfter) : '',
    };
  }

  private async matter(
    db: EntityManager,
    matter: MatterEntity,
    acts: SupervisionActRow[],
  ): Promise<LedgerMatter> {
    const { definition } = await this.procedureOf(db, matter.procedureId, matter.procedureVersion);
    const own = acts.filter((act) => act.matterId === matter.id);
    return {
      matterId: matter.id,
      title: matter.title,
      procedure: `${definition.id} ${definition.title}`,
      createdAt: matter.createdAt,
      status: STATUS_TITLES[matter.status],
      step: stepTitleOf(definition.machine, matter.outcome ?? matter.state),
      records: own.length,
      objections: own.filter((act) => act.eventType === 'OBJECT' || act.eventType === 'FILE_OBJECTION')
        .length,
    };
  }

  private async problems(db: EntityManager, matters: MatterEntity[]): Promise<LedgerProblem[]> {
    const inputsOf = (matter: MatterEntity) => matter.inputs as Record<string, string | undefined>;
    const responsible = new Map(
      (
        await this.people.findPeople(
          db,
          matters.map((matter) => inputsOf(matter).responsiblePersonId ?? '').filter(Boolean),
        )
      ).map((person) => [person.id, person.name]),
    );
    return Promise.all(
      matters.map(async (matter) => {
        const { definition } = await this.procedureOf(db, matter.procedureId, matter.procedureVersion);
        const inputs = inputsOf(matter);
        const record = ((matter.snapshot as { context?: JsonObject }).context ?? {}) as Record<
          string,
          unknown
        >;
        const closed = matter.status === 'done';
        const reworkDeadlines = [record.rejection, record.recheckFailure].map(
          (rework) => ((rework ?? {}) as { deadline?: string }).deadline ?? '',
        );
        const deadline = [inputs.deadline ?? '', ...reworkDeadlines].sort().at(-1) ?? '';
        return {
          matterId: matter.id,
          finding: inputs.finding ?? matter.title,
          category: PROBLEM_CATEGORY_TITLES[inputs.category as keyof typeof PROBLEM_CATEGORY_TITLES] ?? '',
          severity: PROBLEM_SEVERITY_TITLES[inputs.severity as keyof typeof PROBLEM_SEVERITY_TITLES] ?? '',
          responsible: responsible.get(inputs.responsiblePersonId ?? '') ?? '',
          deadline,
          overdue: matter.state === 'assigned' && deadline < this.time.today(),
          foundAt: matter.createdAt,
          status: stepTitleOf(definition.machine, matter.outcome ?? matter.state),
          measures: actText(record.rectification),
          verification: [record.verification, record.recheck].map(actText).filter(Boolean).join('；'),
          closedAt: closed ? matter.updatedAt : null,
        };
      }),
    );
  }
}
