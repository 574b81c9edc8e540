import { Injectable, Logger } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { JsonObject, Role } from '../../workflows/index.js';
import { DomainError, isDomainError } from '../common/errors/domain-error.js';
import { LocalTime } from '../common/local-time.js';
import type { Actor } from '../identity/actor.js';
import { RegionRepository } from '../identity/region.repository.js';
import { IdempotencyRepository, type IdempotencyScope } from './idempotency.repository.js';
import type { MatterEntity } from './matter.entity.js';
import { MatterViewService, type MatterView } from './matter-view.service.js';
import { clippedPayload } from './payloads.js';
import { StrayAttemptRepository } from './stray-attempt.repository.js';
import { TraceService, type TraceAttempt } from './trace.service.js';

/** What is known of an attempt so far; once the village is known, a refusal can be traced. */
export type Attempt = Partial<TraceAttempt> & {
  /** The sender has no standing in the village: the refusal is kept apart from its chain. */
  outsider?: boolean;
  /** The schema whose limits a refused payload is clipped to. */
  limits?: JsonObject;
};

/** Marks an attempt as an outsider's and answers as to anyone without standing: nothing is there. */
export function outsiderRefusal(attempt: Attempt, error: DomainError): DomainError {
  attempt.outsider = true;
  return error;
}

export interface EngineResult {
  view: MatterView;
  /** True when an Idempotency-Key matched an earlier request and its first answer is returned. */
  replayed: boolean;
}

/** What a caller that does not show the matter needs to know of an accepted request. */
export interface EngineReceipt {
  matterId: string;
  state: string;
  status: 'active' | 'done';
  revision: number;
  replayed: boolean;
}

/** A committed request: the matter as it was left, or the first answer to a retried key. */
export type Committed =
  | { matter: MatterEntity; roles: ReadonlySet<Role>; view?: MatterView; replayed: false }
  | { view: MatterView; replayed: true };

export interface EngineRequest {
  villageId: string;
  actor: Actor;
  idempotencyKey?: string;
  /** What identifies a retry of this request (never a secret field). */
  fingerprint: (db: EntityManager) => Promise<string>;
  /** The status the first answer had, stored for retries. */
  status: number;
}

/** The trace row of a refused attempt: nothing changed, so the state after is the state before. */
export function refusalOf(attempt: Attempt, error: DomainError): TraceAttempt {
  const { outsider: _outsider, limits, ...fields } = attempt;
  return {
    ...(fields as TraceAttempt),
    payload: clippedPayload(attempt.payload ?? {}, limits),
    matterId: attempt.matterId ?? null,
    actorRole: attempt.actorRole ?? null,
    stateAfter: attempt.stateBefore ?? null,
    accepted: false,
    refusalCode: error.code,
    refusalMessage: error.message,
  };
}

/**
 * One request's transaction around the engine's work: a retried Idempotency-Key is answered from its
 * record; otherwise the work runs and its answer (the matter as the caller sees it) is recorded. A
 * refusal rolls back, then is traced in a transaction of its own.
 */
@Injectable()
export class RequestTransactions {
  private readonly logger = new Logger(RequestTransactions.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly traces: TraceService,
    private readonly strays: StrayAttemptRepository,
    private readonly idempotency: IdempotencyRepository,
    private readonly views: MatterViewService,
    private readonly regions: RegionRepository,
    private readonly time: LocalTime,
  ) {}

  /**
   * Runs the work in one transaction. A request with an Idempotency-Key records its answer (the matter as
   * the caller sees it) in that transaction, so a retry gets the first answer; any other request leaves the
   * answer to be built after the commit, when asked for, so the matter's lock is held only for the work.
   */
  async run(
    attempt: Attempt,
    request: EngineRequest,
    work: (db: EntityManager) => Promise<{ matter: MatterEntity; roles: ReadonlySet<Role> }>,
  ): Promise<Committed> {
    try {
      return await this.dataSource.transaction(async (db): Promise<Committed> => {
        const scope = this.scopeOf(request);
        if (scope) {
          // Keys are kept per village (or district): where there is none, there is nothing to retry.
          if (!(await this.regions.findById(db, scope.villageId))) {
            throw new DomainError('REGION.NOT_FOUND', { regionId: scope.villageId });
          }
          const fingerprint = await request.fingerprint(db);
          const stored = await this.idempotency.claim(db, scope, fingerprint, this.time.now());
          if (stored && stored.fingerprint !== fingerprint) {
            throw new DomainError('IDEMPOTENCY.KEY_REUSED', { key: scope.key });
          }
          if (stored) return { view: stored.responseBody as MatterView, replayed: true };
        }
        const { matter, roles } = await work(db);
        if (!scope) return { matter, roles, replayed: false };
        const view = await this.views.build(db, matter, roles);
        await this.idempotency.complete(db, scope, request.status, view);
        return { matter, roles, view, replayed: false };
      });
    } catch (error) {
      if (isDomainError(error) && attempt.villageId) await this.traceRefusal(attempt, error);
      throw error;
    }
  }

  /** The matter as its caller now sees it: the recorded answer, or read after the commit. */
  async answer(committed: Committed): Promise<EngineResult> {
    if (committed.replayed) return { view: committed.view, replayed: true };
    if (committed.view) return { view: committed.view, replayed: false };
    const view = await this.views.build(this.dataSource.manager, committed.matter, committed.roles);
    return { view, replayed: false };
  }

  receipt(committed: Committed): EngineReceipt {
    const { replayed } = committed;
    if (committed.replayed) {
      const { id, state, status, revision } = committed.view;
      return { matterId: id, state, status, revision, replayed };
    }
    const { id, state, status, revision } = committed.matter;
    return { matterId: id, state, status, revision, replayed };
  }

  private scopeOf({ villageId, actor, idempotencyKey }: EngineRequest): IdempotencyScope | null {
    return idempotencyKey && actor.kind === 'person'
      ? { villageId, accountId: actor.accountId, key: idempotencyKey }
      : null;
  }

  private async traceRefusal(attempt: Attempt, error: DomainError): Promise<void> {
    try {
      const refusal = refusalOf(attempt, error);
      await this.dataSource.transaction(async (db) => {
        if (attempt.outsider) await this.strays.record(db, { ...refusal, refusalCode: error.code });
        else await this.traces.append(db, refusal);
      });
    } catch (traceError) {
      this.logger.error(`Could not trace a refusal (${error.code}): ${String(traceError)}`);
    }
  }
}
