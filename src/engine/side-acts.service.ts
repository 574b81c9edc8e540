import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { JsonObject, Role } from '../../workflows/index.js';
import { digestOf } from '../common/canonical-json.js';
import { DomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import { AccessService } from '../identity/access.service.js';
import type { PersonActor } from '../identity/actor.js';
import type { MatterEntity } from './matter.entity.js';
import { MatterRepository } from './matter.repository.js';
import { redacted } from './payloads.js';
import {
  outsiderRefusal,
  RequestTransactions,
  type Attempt,
  type EngineResult,
} from './request-transactions.js';
import { TraceService, type TraceAttempt } from './trace.service.js';

export interface SideActCommand {
  villageId: string;
  matterId: string;
  actor: PersonActor;
  idempotencyKey?: string;
}

/**
 * An act on a matter that is not a step of its procedure (declaring a conflict of interest, asking for
 * documents, answering): it takes no transition, works for every procedure, however defined, and is
 * locked, authorised, idempotent and traced exactly like an event.
 */
export interface SideAct {
  /** The name it is traced under, e.g. `REQUEST_DOCUMENTS`. */
  eventType: string;
  payload: JsonObject;
  /** The role the actor acts in, from the roles they hold in the village; null refuses. */
  roleFor(held: ReadonlySet<Role>): string | null;
  /** Roles named in the refusal when `roleFor` finds none. */
  allowed: readonly string[];
  /** Whether a finished matter still takes it (a document request may follow a matter's end). */
  afterDone?: boolean;
  perform(db: EntityManager, matter: MatterEntity, role: string, now: Date): Promise<void>;
}

@Injectable()
export class SideActs {
  constructor(
    private readonly matters: MatterRepository,
    private readonly traces: TraceService,
    private readonly requests: RequestTransactions,
    private readonly access: AccessService,
    private readonly time: LocalTime,
  ) {}

  async run(command: SideActCommand, act: SideAct): Promise<EngineResult> {
    const attempt: Attempt = {};
    const fingerprint = digestOf({ op: act.eventType, matterId: command.matterId, payload: act.payload });
    const committed = await this.requests.run(
      attempt,
      { ...command, fingerprint: () => Promise.resolve(fingerprint), status: 200 },
      async (db) => {
        const now = this.time.now();
        const matter = await this.matters.lockById(db, command.villageId, command.matterId);
        if (!matter) throw new DomainError('MATTER.NOT_FOUND', { matterId: command.matterId });
        Object.assign(attempt, {
          villageId: matter.villageId,
          matterId: matter.id,
          actorPersonId: command.actor.personId,
          eventType: act.eventType,
          payload: redacted(act.payload),
          stateBefore: matter.state,
          at: now,
        });
        const roles = await this.access.rolesIn(
          db,
          command.actor.personId,
          matter.villageId,
          this.time.dateOf(now),
        );
        if (roles.size === 0) {
          throw outsiderRefusal(attempt, new DomainError('MATTER.NOT_FOUND', { matterId: matter.id }));
        }
        const role = act.roleFor(roles);
        if (!role) throw new DomainError('AUTH.ROLE_NOT_ALLOWED', { allowed: [...act.allowed] });
        attempt.actorRole = role;
        if (matter.status === 'done' && !act.afterDone) {
          throw new DomainError('MATTER.FINISHED', { outcome: matter.outcome });
        }
        await act.perform(db, matter, role, now);
        Object.assign(matter, { revision: matter.revision + 1, updatedAt: now });
        await this.matters.saveProgress(db, matter);
        await this.traces.append(db, {
          ...(attempt as TraceAttempt),
          stateAfter: matter.state,
          accepted: true,
        });
        return { matter, roles };
      },
    );
    return this.requests.answer(committed);
  }
}
