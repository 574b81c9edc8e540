import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyMachineSnapshot } from 'xstate';
import { LocalTime } from '../common/local-time.js';
import { DisclosureRepository } from '../disclosure/disclosure.repository.js';
import { ObligationRepository } from '../disclosure/obligation.repository.js';
import { actsFor } from '../engine/awaiting.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { MatterRepository } from '../engine/matter.repository.js';
import { nodesAlong } from '../engine/state-path.js';
import { AccessService } from '../identity/access.service.js';
import { PeopleRepository } from '../identity/people.repository.js';
import type { PersonActor } from '../identity/actor.js';
import type { BuiltProcedure } from '../procedures/machine-builder.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { TimerRepository } from '../time/timer.repository.js';
import { DOCUMENT_ANSWERERS } from './document-requests.service.js';
import { DocumentRequestRepository } from './document-request.repository.js';

const snapshot = (procedure: BuiltProcedure, matter: MatterEntity) =>
  procedure.machine.resolveState(matter.snapshot as never) as AnyMachineSnapshot;

/** An inbox shows this many waiting matters, longest-waiting first; the rest are in the matter list. */
const INBOX_LIMIT = 200;
/**
 * Acts open at many steps that watch a matter rather than move it on: having them is no reason for a
 * matter to wait for someone (a supervisor may object at every step, a villager during every public period).
 */
const WATCHING_ACTS = new Set(['OBJECT', 'SIT_IN', 'FILE_OBJECTION', 'ABANDON', 'REPUBLISH_DISCLOSURE']);
/** Answers to a villager's objection: something to do only while one is open. */
const ANSWERING_ACTS = new Set(['DISMISS_OBJECTION', 'UPHOLD_OBJECTION']);

/** The supervision committee's last objection, as the machine remembers it. */
interface RememberedObjection {
  reason?: string;
  backTo?: string;
  by?: string;
  at?: string;
}

const lastObjectionOf = (matter: MatterEntity) =>
  (matter.snapshot as { context?: { lastObjection?: RememberedObjection } }).context?.lastObjection;

/**
 * What waits for a person: the running matters whose current step they may take (with the step, since
 * when, and its deadlines), the supervisors' open requests for documents if they answer those, and what
 * is overdue. Built from the `awaiting` roles kept on each matter row.
 */
@Injectable()
export class InboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matters: MatterRepository,
    private readonly timers: TimerRepository,
    private readonly catalog: ProcedureCatalog,
    private readonly access: AccessService,
    private readonly documentRequests: DocumentRequestRepository,
    private readonly obligations: ObligationRepository,
    private readonly disclosures: DisclosureRepository,
    private readonly people: PeopleRepository,
    private readonly time: LocalTime,
  ) {}

  async forVillage(actor: PersonActor, villageId: string) {
    const db = this.dataSource.manager;
    const roles = await this.access.requireVillage(db, actor.personId, villageId, this.time.today());
    const waiting = await this.matters.awaitingAny(db, [villageId], [...roles], INBOX_LIMIT);
    const answers = DOCUMENT_ANSWERERS.some((role) => roles.has(role as never));
    return {
      roles: [...roles].sort(),
      matters: await this.items(db, waiting, roles, actor.personId),
      documentRequests: answers ? await this.openRequests(db, [villageId]) : [],
      overdue: await this.overdue(db, [villageId]),
    };
  }

  async forRegion(actor: PersonActor, regionId: string) {
    const db = this.dataSource.manager;
    const { region, villages, postRoles } = await this.access.villagesUnder(
      db,
      actor.personId,
      regionId,
      this.time.today(),
    );
    const ids = villages.map((village) => village.id);
    const names = new Map(villages.map((village) => [village.id, village.name]));
    // What the caller's own posts act as: a discipline inspector is offered none of the officers' steps.
    const waiting = await this.matters.awaitingAny(db, ids, [...postRoles], INBOX_LIMIT);
    const withVillage = <T extends { villageId: string }>(rows: T[]) =>
      rows.map((row) => ({ ...row, village: { id: row.villageId, name: names.get(row.villageId) ?? '' } }));
    return {
      region: { id: region.id, name: region.name, kind: region.kind },
      matters: withVillage(await this.items(db, waiting, postRoles)),
      overdue: withVillage(await this.overdue(db, ids)),
    };
  }

  /** Waiting matters with the acts open to the holder of `held`; a step for a named person only to them. */
  private async items(
    db: EntityManager,
    matters: MatterEntity[],
    held: ReadonlySet<string>,
    personId?: string,
  ) {
    const timers = await this.timers.pendingForMatters(
      db,
      [...new Set(matters.map((matter) => matter.villageId))],
      matters.map((matter) => matter.id),
    );
    const now = this.time.now();
    const names = await this.objectorNames(db, matters);
    const items = await Promise.all(
      matters.map(async (matter) => {
        const procedure = await this.catalog.forMatter(db, matter);
        const inputs = matter.inputs as Record<string, unknown>;
        const actions = actsFor(procedure, snapshot(procedure, matter), held).filter(({ type }) => {
          const named = procedure.events.get(type)?.spec.actorFromInput;
          return !named || inputs[named] === personId;
        });
        const nodes = nodesAlong(procedure.definition.machine, matter.state);
        const objection = lastObjectionOf(matter);
        // Shown while the matter is at the step the objection sent it to (or made it do again).
        const standing =
          objection?.reason && objection.at && new Date(objection.at) >= matter.stateSince ? objection : null;
        const deadlines = timers
          .filter((timer) => timer.matterId === matter.id)
          .map((timer) => ({ eventType: timer.eventType, dueAt: timer.dueAt.toISOString() }));
        return {
          villageId: matter.villageId,
          matterId: matter.id,
          title: matter.title,
          procedure: { id: procedure.definition.id, title: procedure.definition.title },
          state: matter.state,
          step: nodes.at(-1)?.meta?.title ?? matter.state,
          since: matter.stateSince.toISOString(),
          actions,
          deadlines,
          overdue: deadlines.some((deadline) => new Date(deadline.dueAt) <= now),
          objection: standing && {
            reason: standing.reason as string,
            by: names.get(standing.by ?? '') ?? '',
            at: standing.at as string,
          },
        };
      }),
    );
    const villageIds = [...new Set(matters.map((matter) => matter.villageId))];
    const objected = await this.disclosures.withOpenObjections(
      db,
      villageIds,
      items
        .filter((item) => item.actions.some(({ type }) => ANSWERING_ACTS.has(type)))
        .map((item) => item.matterId),
    );
    const toDo = (item: (typeof items)[number], type: string) =>
      ANSWERING_ACTS.has(type) ? objected.has(item.matterId) : !WATCHING_ACTS.has(type);
    return items.filter((item) => item.actions.some(({ type }) => toDo(item, type)));
  }

  private async objectorNames(db: EntityManager, matters: MatterEntity[]): Promise<Map<string, string>> {
    const ids = matters
      .map((matter) => lastObjectionOf(matter)?.by)
      .filter((id): id is string => typeof id === 'string');
    if (ids.length === 0) return new Map();
    const people = await this.people.findPeople(db, [...new Set(ids)]);
    return new Map(people.map((person) => [person.id, person.name]));
  }

  private async openRequests(db: EntityManager, villageIds: string[]) {
    return (await this.documentRequests.openInVillages(db, villageIds)).map((request) => ({
      villageId: request.villageId,
      id: request.id,
      matterId: request.matterId,
      request: request.request,
      requestedAt: request.requestedAt.toISOString(),
    }));
  }

  private async overdue(db: EntityManager, villageIds: string[]) {
    if (villageIds.length === 0) return [];
    return (await this.obligations.listForVillages(db, villageIds, { statuses: ['overdue'] })).map((row) => ({
      villageId: row.villageId,
      kind: row.kind,
      title: row.title,
      matterId: row.matterId,
      dueAt: row.dueAt.toISOString(),
    }));
  }
}
