import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AnyMachineSnapshot } from 'xstate';
import { LocalTime } from '../common/local-time.js';
import { ObligationRepository } from '../disclosure/obligation.repository.js';
import { actsFor } from '../engine/awaiting.js';
import type { MatterEntity } from '../engine/matter.entity.js';
import { MatterRepository } from '../engine/matter.repository.js';
import { nodesAlong } from '../engine/state-path.js';
import { AccessService } from '../identity/access.service.js';
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
/** What township and district staff act as in a village's matters. */
const OFFICIAL_ROLES = ['township_officer', 'district_admin'];

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
    const { region, villages } = await this.access.villagesUnder(
      db,
      actor.personId,
      regionId,
      this.time.today(),
    );
    const ids = villages.map((village) => village.id);
    const names = new Map(villages.map((village) => [village.id, village.name]));
    const waiting = await this.matters.awaitingAny(db, ids, OFFICIAL_ROLES, INBOX_LIMIT);
    const withVillage = <T extends { villageId: string }>(rows: T[]) =>
      rows.map((row) => ({ ...row, village: { id: row.villageId, name: names.get(row.villageId) ?? '' } }));
    return {
      region: { id: region.id, name: region.name, kind: region.kind },
      matters: withVillage(await this.items(db, waiting, new Set(OFFICIAL_ROLES))),
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
    const items = await Promise.all(
      matters.map(async (matter) => {
        const procedure = await this.catalog.forMatter(db, matter);
        const inputs = matter.inputs as Record<string, unknown>;
        const actions = actsFor(procedure, snapshot(procedure, matter), held).filter(({ type }) => {
          const named = procedure.events.get(type)?.spec.actorFromInput;
          return !named || inputs[named] === personId;
        });
        const nodes = nodesAlong(procedure.definition.machine, matter.state);
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
        };
      }),
    );
    return items.filter((item) => item.actions.length > 0);
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
