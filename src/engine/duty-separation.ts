import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventSpec } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import { MatterConflictRepository } from './matter-conflict.repository.js';
import type { MatterEntity } from './matter.entity.js';
import { TraceRepository } from './trace.repository.js';

const SUPERVISOR_ROLES = new Set(['supervisor', 'supervisor_chair']);
const CADRE_ROLES = new Set(['secretary', 'committee_member', 'vc_chair']);
const DECIDING_MARKS = new Set(['approval', 'supervisorSignOff', 'townshipApproval']);

/**
 * Separation of duties at run time, from the matter's own trace: nobody approves what they started,
 * steps that must be taken by different people are, nobody acts in one matter both as supervisor and
 * as cadre, a person with a declared conflict of interest (回避) neither approves nor signs off, and a
 * step for a named person (a problem's responsible person) is theirs alone.
 */
@Injectable()
export class DutySeparation {
  constructor(
    private readonly conflicts: MatterConflictRepository,
    private readonly traces: TraceRepository,
  ) {}

  async check(
    db: EntityManager,
    matter: MatterEntity,
    personId: string,
    role: string,
    spec: EventSpec,
  ): Promise<void> {
    if (spec.actorFromInput) {
      const named = (matter.inputs as Record<string, unknown>)[spec.actorFromInput];
      if (named !== personId) throw new DomainError('AUTH.NOT_NAMED_PERSON', { input: spec.actorFromInput });
    }
    const marks = spec.marks ?? [];
    if (marks.includes('approval') && personId === matter.createdBy) {
      throw new DomainError('SEPARATION.SELF_APPROVAL');
    }
    if (
      marks.some((mark) => DECIDING_MARKS.has(mark)) &&
      (await this.conflicts.isRecused(db, matter.villageId, matter.id, personId))
    ) {
      throw new DomainError('CONFLICT.RECUSED', { personId });
    }
    const supervising = SUPERVISOR_ROLES.has(role);
    const governing = CADRE_ROLES.has(role);
    if (!supervising && !governing && !spec.distinctFrom?.length) return;
    const earlier = await this.traces.actsOf(db, matter.villageId, matter.id, personId);
    for (const other of spec.distinctFrom ?? []) {
      const tookIt =
        other === 'START' ? matter.createdBy === personId : earlier.some((act) => act.eventType === other);
      if (tookIt) throw new DomainError('SEPARATION.SAME_PERSON', { earlierStep: other });
    }
    const crossed = earlier.find((act) =>
      supervising
        ? CADRE_ROLES.has(act.actorRole ?? '')
        : governing && SUPERVISOR_ROLES.has(act.actorRole ?? ''),
    );
    if (crossed) throw new DomainError('SEPARATION.DUAL_ROLE', { earlierRole: crossed.actorRole });
  }
}
