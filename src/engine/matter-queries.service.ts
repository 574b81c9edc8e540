import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import { PeopleRepository } from '../identity/people.repository.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { actTitle } from './act-words.js';
import { pathTaken } from './path-taken.js';
import { MatterViewService } from './matter-view.service.js';
import type { MatterEntity } from './matter.entity.js';
import type { MatterListFilter } from './matter.repository.js';
import { MatterRepository } from './matter.repository.js';
import { TraceRepository } from './trace.repository.js';
import type { TraceEntity } from './trace.entity.js';
import { TraceService } from './trace.service.js';

/** The procedure a matter runs on and the way its accepted steps went, for the flowchart. */
const takenPath = (matter: MatterEntity, rows: readonly TraceEntity[]) => ({
  procedureId: matter.procedureId,
  version: matter.procedureVersion,
  path: pathTaken(matter.state, rows),
});

/** Reads of matters and traces, each behind the same village visibility check. */
@Injectable()
export class MatterQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly matters: MatterRepository,
    private readonly traceRows: TraceRepository,
    private readonly traces: TraceService,
    private readonly people: PeopleRepository,
    private readonly views: MatterViewService,
    private readonly catalog: ProcedureCatalog,
    private readonly time: LocalTime,
  ) {}

  async list(actor: PersonActor, villageId: string, filter: MatterListFilter) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const [items, total] = await this.matters.listByVillage(db, villageId, filter);
    return { total, items };
  }

  /** A matter as the caller sees it, with the history of its accepted steps. */
  async read(actor: PersonActor, villageId: string, matterId: string) {
    return (await this.readWithTrace(actor, villageId, matterId)).view;
  }

  /**
   * What the console's matter page shows, from one reading of the matter and its trace: the API's view
   * with its history, the caller's roles there (which side forms to offer) and the way it has gone.
   */
  async page(actor: PersonActor, villageId: string, matterId: string) {
    const { view, roles, matter, rows } = await this.readWithTrace(actor, villageId, matterId);
    return { matter: view, roles, path: takenPath(matter, rows) };
  }

  private async readWithTrace(actor: PersonActor, villageId: string, matterId: string) {
    const db = this.dataSource.manager;
    const roles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const matter = await this.matters.findById(db, villageId, matterId);
    if (!matter) throw new DomainError('MATTER.NOT_FOUND', { matterId });
    const state = await this.views.build(db, matter, roles);
    const procedure = await this.catalog.forMatter(db, matter);
    const rows = await this.traceRows.listByMatter(db, villageId, matterId);
    const history = (await this.traceView(db, rows))
      .filter((row) => row.accepted)
      .map(({ seq, at, actor: by, eventType, stateAfter }) => ({
        seq,
        at,
        actor: by,
        eventType,
        title: actTitle(procedure, eventType),
        stateAfter,
      }));
    return { view: { ...state, history }, roles, matter, rows };
  }

  /** The procedure a matter runs on and the way it has gone, for drawing over the flowchart. */
  async pathTaken(actor: PersonActor, villageId: string, matterId: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const matter = await this.matters.findById(db, villageId, matterId);
    if (!matter) throw new DomainError('MATTER.NOT_FOUND', { matterId });
    return takenPath(matter, await this.traceRows.listByMatter(db, villageId, matterId));
  }

  async trace(actor: PersonActor, villageId: string, matterId: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    if (!(await this.matters.findById(db, villageId, matterId)))
      throw new DomainError('MATTER.NOT_FOUND', { matterId });
    return this.traceView(db, await this.traceRows.listByMatter(db, villageId, matterId));
  }

  /** Trace rows with the actors' names; secret fields were never stored. */
  private async traceView(db: EntityManager, rows: TraceEntity[]) {
    const people = await this.people.findPeople(db, [
      ...new Set(rows.flatMap((row) => (row.actorPersonId ? [row.actorPersonId] : []))),
    ]);
    const nameOf = new Map(people.map((person) => [person.id, person.name]));
    return rows.map((row) => ({
      seq: Number(row.seq),
      at: row.at,
      actor: {
        personId: row.actorPersonId,
        name: row.actorPersonId ? (nameOf.get(row.actorPersonId) ?? null) : '系统',
        role: row.actorRole,
      },
      eventType: row.eventType,
      payload: row.payload,
      payloadDigest: row.payloadDigest,
      stateBefore: row.stateBefore,
      stateAfter: row.stateAfter,
      accepted: row.accepted,
      refusal: row.accepted ? null : { code: row.refusalCode, message: row.refusalMessage },
      prevHash: row.prevHash,
      hash: row.hash,
    }));
  }

  /** The whole chain from its first row, read in one snapshot (an append meanwhile is no break). */
  async verifyChain(actor: PersonActor, villageId: string) {
    const db = this.dataSource.manager;
    await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    return this.dataSource.transaction('REPEATABLE READ', (snapshot) =>
      this.traces.verify(snapshot, villageId),
    );
  }
}
