import { randomUUID } from 'node:crypto';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { initialTransition, transition, type AnyMachineSnapshot, type StateValue } from 'xstate';
import type { JsonObject, Role } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { DomainError, isDomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { requireMayAct } from '../authority/deciding-authority.js';
import { AccessService, type ActorStanding } from '../identity/access.service.js';
import type { StandingRow } from '../identity/person-standing.js';
import type { Actor, PersonActor } from '../identity/actor.js';
import type { MatterEvent } from '../procedures/matter-event.js';
import { ProcedureCatalog } from '../procedures/procedure-catalog.service.js';
import { EFFECT_SPECS } from '../procedures/vocabulary.js';
import { actingRole } from './acting-role.js';
import type { ConflictRelation } from './matter-conflict.entity.js';
import { MatterConflictRepository } from './matter-conflict.repository.js';
import { EngineExtensions, type EffectContext } from './engine-extensions.js';
import type { HeldRows } from './held-rows.js';
import type { MatterEntity } from './matter.entity.js';
import { progressWrite } from './matter-sql.js';
import { MatterRepository } from './matter.repository.js';
import { redacted, validatedCopy } from './payloads.js';
import {
  outsiderRefusal,
  refusalOf,
  RequestTransactions,
  type Attempt,
  type Committed,
  type EngineReceipt,
  type EngineResult,
} from './request-transactions.js';
import { awaitingRoles } from './awaiting.js';
import { checkActAgainstNegativeList, checkStartAgainstNegativeList } from './negative-list.js';
import { SideActs } from './side-acts.service.js';
import { activeStates, statePath } from './state-path.js';
import { TraceService, type TraceAttempt } from './trace.service.js';

export interface ConflictDeclaration {
  personId: string;
  relation: ConflictRelation;
  note?: string;
}

export interface StartCommand {
  villageId: string;
  actor: PersonActor;
  procedureId: string;
  inputs: JsonObject;
  conflicts?: ConflictDeclaration[];
  idempotencyKey?: string;
}

export interface ConflictCommand {
  villageId: string;
  matterId: string;
  actor: PersonActor;
  conflict: ConflictDeclaration;
  idempotencyKey?: string;
}

/** Who may declare someone's conflict of interest; anyone may declare their own. */
const CONFLICT_DECLARERS = ['secretary', 'vc_chair', 'supervisor', 'township_officer'];
/**
 * Who may still stand a voter aside once their vote is cast: the oversight, not the cadres who run the
 * vote, who could otherwise set aside the ballots they saw go against them.
 */
const LATE_CONFLICT_DECLARERS = new Set(['supervisor', 'township_officer']);

export interface EventCommand {
  villageId: string;
  matterId: string;
  actor: Actor;
  type: string;
  payload: JsonObject;
  /** The role to act in, when the actor holds several that the event allows. */
  asRole?: string;
  idempotencyKey?: string;
}

const SYSTEM_ROLES: ReadonlySet<Role> = new Set<Role>(['system']);

/** Limits a refused start is clipped to before its item (and so its input schema) is known. */
const START_LIMITS = {
  type: 'object',
  properties: { procedureId: { maxLength: 100 }, conflicts: { maxItems: 50 } },
};

/**
 * The one path by which a matter moves. Each event, in one transaction with the matter row locked:
 * authorise, validate, compute facts, check `snapshot.can`, transition, carry out the named effects,
 * persist snapshot and trace. A refusal rolls everything back and is traced on its own.
 */
@Injectable()
export class EngineService implements OnApplicationBootstrap {
  constructor(
    private readonly catalog: ProcedureCatalog,
    private readonly matters: MatterRepository,
    private readonly traces: TraceService,
    private readonly requests: RequestTransactions,
    private readonly conflicts: MatterConflictRepository,
    private readonly access: AccessService,
    private readonly extensions: EngineExtensions,
    private readonly sideActs: SideActs,
    private readonly time: LocalTime,
  ) {}

  onApplicationBootstrap(): void {
    const missing = this.extensions.missing();
    if (missing.length > 0)
      throw new Error(`Engine vocabulary without implementation: ${missing.join(', ')}`);
  }

  /** Starts a matter and answers with it as the starter sees it. */
  async start(command: StartCommand): Promise<EngineResult> {
    const attempt: Attempt = {};
    const fingerprint = digestOf({
      op: 'start',
      procedureId: command.procedureId,
      inputs: command.inputs,
      conflicts: command.conflicts ?? [],
    });
    const committed = await this.requests.run(
      attempt,
      { ...command, fingerprint: () => Promise.resolve(fingerprint), status: 201 },
      (db) => this.create(db, command, attempt),
    );
    return this.requests.answer(committed);
  }

  /** Applies an event and answers with the matter as the sender now sees it. */
  async send(command: EventCommand): Promise<EngineResult> {
    return this.requests.answer(await this.runEvent(command));
  }

  /**
   * Applies an event and answers with a receipt only: for callers that go on to show something else
   * (the console redirects to the matter's page), so no view of the matter is read for them.
   */
  async submit(command: EventCommand): Promise<EngineReceipt> {
    return this.requests.receipt(await this.runEvent(command));
  }

  private runEvent(command: EventCommand): Promise<Committed> {
    const attempt: Attempt = {};
    return this.requests.run(
      attempt,
      { ...command, fingerprint: (db) => this.eventFingerprint(db, command), status: 200 },
      (db) => this.apply(db, command, attempt),
    );
  }

  /** Declares a conflict of interest (回避) in a running matter; traced like an event, no step taken. */
  declareConflict(command: ConflictCommand): Promise<EngineResult> {
    const own = command.conflict.personId === command.actor.personId;
    return this.sideActs.run(command, {
      eventType: 'DECLARE_CONFLICT',
      payload: { ...command.conflict },
      allowed: CONFLICT_DECLARERS,
      roleFor: (held) => actingRole(CONFLICT_DECLARERS, held) ?? (own ? [...held][0] : null),
      perform: (db, matter, role, now) =>
        this.recordConflicts(db, matter, [command.conflict], command.actor.personId, now, role),
    });
  }

  private async recordConflicts(
    db: EntityManager,
    matter: MatterEntity,
    conflicts: ConflictDeclaration[],
    declaredBy: string,
    now: Date,
    role?: string,
  ) {
    for (const conflict of conflicts) {
      // Standing someone else aside says why, so that they can read it on the matter (and answer it).
      if (conflict.personId !== declaredBy && !conflict.note?.trim()) {
        throw new DomainError('CONFLICT.REASON_REQUIRED', { personId: conflict.personId });
      }
      if (!(await this.access.rolesIn(db, conflict.personId, matter.villageId, this.time.dateOf(now))).size) {
        throw new DomainError('PERSON.NOT_FOUND', { personId: conflict.personId });
      }
      // 回避 is declared before the vote. Once someone's vote is cast (or counted), a cadre standing them
      // aside would choose, having seen the ballots, which ones count: only the voter or the oversight may.
      const late = conflict.personId !== declaredBy && !LATE_CONFLICT_DECLARERS.has(role ?? '');
      if (late && (await this.conflicts.voteUnderWay(db, matter.villageId, matter.id, conflict.personId))) {
        throw new DomainError('CONFLICT.VOTE_UNDER_WAY', { personId: conflict.personId });
      }
      await this.conflicts.declare(db, {
        villageId: matter.villageId,
        matterId: matter.id,
        personId: conflict.personId,
        relation: conflict.relation,
        note: conflict.note ?? null,
        declaredBy,
        declaredAt: now,
      });
    }
  }

  /**
   * The scheduler's door: applies a system event inside the caller's transaction (in a savepoint) and
   * traces a refusal in that same transaction, so a timer is settled exactly once either way.
   */
  async deliver(db: EntityManager, command: EventCommand): Promise<'accepted' | 'refused'> {
    const attempt: Attempt = {};
    try {
      await db.transaction((inner) => this.apply(inner, command, attempt));
      return 'accepted';
    } catch (error) {
      if (!isDomainError(error) || !attempt.villageId) throw error;
      await this.traces.append(db, refusalOf(attempt, error));
      return 'refused';
    }
  }

  /**
   * The scheduler's fast door: applies a system event in the caller's transaction without a savepoint, two
   * round trips fewer. Any refusal or failure leaves that transaction to be rolled back whole; the caller
   * then delivers the same timers through `deliver`, which traces refusals. `held`: the matters and chain
   * heads the batch's claim locked, not read again.
   */
  async deliverOrThrow(db: EntityManager, command: EventCommand, held?: HeldRows): Promise<void> {
    await this.apply(db, command, {}, held);
  }

  /** A new matter on the newest version of its procedure, in its initial state. */
  private async create(db: EntityManager, command: StartCommand, attempt: Attempt) {
    const now = this.time.now();
    Object.assign(attempt, {
      villageId: command.villageId,
      matterId: null,
      actorPersonId: command.actor.personId,
      eventType: 'START',
      payload: redacted({
        procedureId: command.procedureId,
        inputs: command.inputs,
        conflicts: this.asJson(command.conflicts),
      }),
      limits: START_LIMITS,
      stateBefore: null,
      at: now,
    });
    const roles = await this.access
      .requireVillage(db, command.actor.personId, command.villageId, this.time.dateOf(now))
      .catch((error: unknown) => {
        throw isDomainError(error) ? outsiderRefusal(attempt, error) : error;
      });
    const today = this.time.dateOf(now);
    const inForce = await this.extensions.resolveProcedure(db, command.villageId, command.procedureId, today);
    const procedure = inForce
      ? await this.catalog.get(db, inForce.procedureId, inForce.version, inForce.parameters)
      : await this.catalog.latest(db, command.procedureId);
    this.catalog.requireAdmissible(procedure);
    const { id: procedureId, version, startRoles } = procedure.definition;
    const conflicts = this.asJson(command.conflicts);
    attempt.payload = redacted({ procedureId, version, inputs: command.inputs, conflicts });
    attempt.limits = { type: 'object', properties: { inputs: procedure.definition.inputSchema } };
    const role = actingRole(startRoles, roles);
    if (!role) throw new DomainError('AUTH.ROLE_NOT_ALLOWED', { allowed: startRoles });
    attempt.actorRole = role;
    checkStartAgainstNegativeList(procedure.definition, command.inputs);
    const inputs = validatedCopy(procedure.validateInputs, command.inputs, 'MATTER.INPUTS_INVALID');
    await this.extensions.startCheck(procedureId)?.(db, command.villageId, inputs, today);
    attempt.payload = { procedureId, version, inputs, conflicts };

    const [snapshot, actions] = initialTransition(procedure.machine, inputs);
    const matter: MatterEntity = {
      villageId: command.villageId,
      id: randomUUID(),
      procedureId: procedure.definition.id,
      procedureVersion: procedure.definition.version,
      parameters: inForce?.parameters ?? {},
      listVersion: inForce?.listVersion ?? null,
      title: typeof inputs.title === 'string' ? inputs.title : procedure.definition.title,
      inputs,
      snapshot: procedure.machine.getPersistedSnapshot(snapshot),
      state: statePath(snapshot.value as StateValue),
      status: 'active',
      outcome: null,
      revision: 1,
      stateSince: now,
      awaiting: awaitingRoles(procedure, snapshot),
      createdBy: command.actor.personId,
      createdAt: now,
      updatedAt: now,
    };
    await this.matters.insert(db, matter);
    await this.recordConflicts(db, matter, command.conflicts ?? [], command.actor.personId, now);
    const event = this.machineEvent('xstate.init', inputs, {}, command.actor.personId, role, now);
    await this.carryOut(actions, {
      db,
      matter,
      procedure,
      event,
      stateBefore: '',
      stateAfter: matter.state,
      now,
      today: this.time.dateOf(now),
    });
    await this.traces.append(db, {
      ...(attempt as TraceAttempt),
      matterId: matter.id,
      stateAfter: matter.state,
      accepted: true,
    });
    return { matter, roles };
  }

  private async apply(db: EntityManager, command: EventCommand, attempt: Attempt, held?: HeldRows) {
    const now = this.time.now();
    const today = this.time.dateOf(now);
    const personId = command.actor.kind === 'person' ? command.actor.personId : null;
    const { matter, standing } = await this.lockWithStanding(db, command, personId, today, held);
    if (!matter) throw new DomainError('MATTER.NOT_FOUND', { matterId: command.matterId });
    const procedure = await this.catalog.forMatter(db, matter);
    const event = procedure.events.get(command.type);
    Object.assign(attempt, {
      villageId: matter.villageId,
      matterId: matter.id,
      actorPersonId: personId,
      actorRole: null,
      eventType: command.type,
      payload: redacted(command.payload, event?.spec.secretFields),
      limits: event?.spec.payload,
      stateBefore: matter.state,
      at: now,
    });
    const roles = standing?.roles ?? SYSTEM_ROLES;
    // Someone with no role in the village learns nothing, not even that the matter exists, and leaves
    // nothing in its chain.
    if (roles.size === 0) {
      throw outsiderRefusal(attempt, new DomainError('MATTER.NOT_FOUND', { matterId: matter.id }));
    }
    if (!event) throw new DomainError('EVENT.UNKNOWN', { event: command.type, state: matter.state });
    const role = actingRole(event.spec.roles, roles, command.asRole);
    if (!role)
      throw new DomainError('AUTH.ROLE_NOT_ALLOWED', { event: command.type, allowed: event.spec.roles });
    attempt.actorRole = role;
    if (matter.status === 'done') throw new DomainError('MATTER.FINISHED', { outcome: matter.outcome });
    if (personId && standing) {
      const asked = {
        createdBy: matter.createdBy,
        inputs: matter.inputs,
        events: procedure.definition.events,
      };
      requireMayAct(asked, { personId, ...standing }, role, event.spec);
    }
    const payload = validatedCopy(event.validatePayload, command.payload, 'EVENT.PAYLOAD_INVALID');
    attempt.payload = redacted(payload, event.spec.secretFields);
    checkActAgainstNegativeList(
      event.spec,
      payload,
      { inputs: matter.inputs as JsonObject, inputSchema: procedure.definition.inputSchema },
      personId,
    );

    const facts: JsonObject = {};
    for (const name of event.spec.facts ?? []) {
      facts[name] = await this.extensions.fact(name)({
        db,
        matter,
        actorPersonId: personId,
        actorRoles: roles,
        payload,
        now,
        today,
      });
    }
    const machineEvent = this.machineEvent(command.type, payload, facts, personId, role, now);
    const snapshot = procedure.machine.resolveState(matter.snapshot as never) as AnyMachineSnapshot;
    if (!snapshot.can(machineEvent)) {
      throw new DomainError('MATTER.STEP_NOT_ALLOWED', { state: matter.state, event: command.type });
    }
    const [next, actions] = transition(procedure.machine, snapshot, machineEvent);
    const stateAfter = statePath(next.value as StateValue);
    await this.carryOut(actions, {
      db,
      matter,
      procedure,
      event: machineEvent,
      stateBefore: matter.state,
      stateAfter,
      now,
      today,
    });
    const leaving =
      stateAfter === matter.state ? [] : this.extensions.leavingStates(matter, activeStates(stateAfter), now);
    Object.assign(matter, {
      snapshot: procedure.machine.getPersistedSnapshot(next) as unknown as JsonObject,
      state: stateAfter,
      status: next.status === 'done' ? 'done' : 'active',
      outcome: next.status === 'done' ? stateAfter : null,
      revision: matter.revision + 1,
      updatedAt: now,
      stateSince: stateAfter === matter.state ? matter.stateSince : now,
      awaiting: awaitingRoles(procedure, next),
    });
    // The rows of the states left, the matter's progress and its trace row: one statement, one round trip.
    await this.traces.append(
      db,
      { ...(attempt as TraceAttempt), stateAfter, accepted: true },
      { held, alongside: [...leaving, progressWrite(matter)] },
    );
    return { matter, roles };
  }

  /**
   * Locks the matter and reads the sender's standing (roles, earlier acts, recusal) in the same statement.
   * That read sees the statement's snapshot: if the lock waited for another act on the matter, it is read
   * again, so an act just committed is never missed. The system has no standing to read, and a timer
   * batch's matter is already held.
   */
  private async lockWithStanding(
    db: EntityManager,
    command: EventCommand,
    personId: string | null,
    today: string,
    held?: HeldRows,
  ): Promise<{ matter: MatterEntity | null; standing: ActorStanding | null }> {
    const { villageId, matterId } = command;
    const heldMatter = personId ? undefined : held?.takeMatter(villageId, matterId);
    if (heldMatter) return { matter: heldMatter, standing: null };
    const query = personId
      ? await this.access.standingQueryFor(db, personId, villageId, today, matterId)
      : null;
    if (!personId || !query) {
      const matter = await this.matters.lockById(db, villageId, matterId);
      return { matter, standing: personId ? this.access.standingFrom([]) : null };
    }
    const locked = await this.matters.lockReading<StandingRow>(db, villageId, matterId, query);
    if (!locked) return { matter: null, standing: null };
    const standing = locked.fresh
      ? this.access.standingFrom(locked.rows)
      : await this.access.standingIn(db, personId, villageId, today, matterId);
    return { matter: locked.matter, standing };
  }

  private machineEvent(
    type: string,
    payload: JsonObject,
    facts: JsonObject,
    personId: string | null,
    role: string,
    at: Date,
  ): MatterEvent {
    return { type, payload, facts, actor: { personId, role }, at: at.toISOString() };
  }

  /** Runs the effects a transition named, in order; XState has already applied context assignments. */
  private async carryOut(
    actions: { type: string; params?: unknown }[],
    context: EffectContext,
  ): Promise<void> {
    for (const action of actions) {
      if (!(action.type in EFFECT_SPECS)) continue;
      await this.extensions.effect(action.type)(context, (action.params ?? {}) as JsonObject);
    }
  }

  private asJson(conflicts: ConflictDeclaration[] = []): JsonObject[] {
    return conflicts.map((conflict) => ({ ...conflict }));
  }

  /** What identifies a retried event; secret fields are left out, so it cannot reveal a secret ballot. */
  private async eventFingerprint(db: EntityManager, command: EventCommand): Promise<string> {
    const matter = await this.matters.findById(db, command.villageId, command.matterId);
    const procedure = matter ? await this.catalog.forMatter(db, matter) : null;
    const secretFields = procedure?.events.get(command.type)?.spec.secretFields;
    return digestOf({
      op: 'event',
      matterId: command.matterId,
      type: command.type,
      asRole: command.asRole ?? null,
      payload: redacted(command.payload, secretFields),
    });
  }
}
