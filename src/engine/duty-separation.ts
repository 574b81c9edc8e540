import type { EventSpec } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';
import type { ActorStanding } from '../identity/access.service.js';
import type { MatterEntity } from './matter.entity.js';

const SUPERVISOR_ROLES = new Set(['supervisor', 'supervisor_chair']);
const CADRE_ROLES = new Set(['secretary', 'committee_member', 'vc_chair']);
const DECIDING_MARKS = new Set(['approval', 'supervisorSignOff', 'townshipApproval']);

/**
 * Separation of duties at run time, from what the person has done in the matter (its trace) and the
 * conflicts declared in it: nobody approves what they started, steps that must be taken by different
 * people are, nobody acts in one matter both as supervisor and as cadre, a person with a declared
 * conflict of interest (回避) neither approves nor signs off, and a step for a named person (a problem's
 * responsible person) is theirs alone.
 */
export function checkDutySeparation(
  matter: MatterEntity,
  person: { personId: string } & Pick<ActorStanding, 'acts' | 'recused'>,
  role: string,
  spec: EventSpec,
): void {
  const { personId, acts: earlier } = person;
  if (spec.actorFromInput) {
    const named = (matter.inputs as Record<string, unknown>)[spec.actorFromInput];
    if (named !== personId) throw new DomainError('AUTH.NOT_NAMED_PERSON', { input: spec.actorFromInput });
  }
  const marks = spec.marks ?? [];
  if (marks.includes('approval') && personId === matter.createdBy) {
    throw new DomainError('SEPARATION.SELF_APPROVAL');
  }
  if (marks.some((mark) => DECIDING_MARKS.has(mark)) && person.recused) {
    throw new DomainError('CONFLICT.RECUSED', { personId });
  }
  for (const other of spec.distinctFrom ?? []) {
    const tookIt =
      other === 'START' ? matter.createdBy === personId : earlier.some((act) => act.eventType === other);
    if (tookIt) throw new DomainError('SEPARATION.SAME_PERSON', { earlierStep: other });
  }
  const supervising = SUPERVISOR_ROLES.has(role);
  const governing = CADRE_ROLES.has(role);
  const crossed = earlier.find((act) =>
    supervising
      ? CADRE_ROLES.has(act.actorRole ?? '')
      : governing && SUPERVISOR_ROLES.has(act.actorRole ?? ''),
  );
  if (crossed) throw new DomainError('SEPARATION.DUAL_ROLE', { earlierRole: crossed.actorRole });
}
