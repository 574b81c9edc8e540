import type { EventSpec, StepMark } from '../../workflows/index.js';
import { DomainError } from '../common/errors/domain-error.js';

const SUPERVISOR_ROLES = new Set(['supervisor', 'supervisor_chair']);
const CADRE_ROLES = new Set(['secretary', 'committee_member', 'vc_chair']);
/** Marks that decide for the matter: an approval, the supervisors' sign-off, the township's approval. */
const DECIDING_MARKS: ReadonlySet<StepMark> = new Set(['approval', 'supervisorSignOff', 'townshipApproval']);

/** What the authority needs of a matter: who started it, what it names, the acts its procedure has. */
export interface MatterForAuthority {
  createdBy: string;
  inputs: unknown;
  events: Readonly<Record<string, EventSpec>>;
}

/** What the authority needs of the person: their earlier accepted acts in the matter and their recusal. */
export interface PersonInMatter {
  personId: string;
  acts: readonly { eventType: string; actorRole: string | null }[];
  recused: boolean;
}

/**
 * May this person take this act in this matter (in the role they act in)? The one answer the engine asks
 * for every event a person sends, from what they did in the matter and the conflicts declared in it:
 * - a step kept for a named person (a problem's responsible person) is theirs alone;
 * - nobody approves, signs off or gives the township's approval in a matter they started or whose plan
 *   they proposed, nor while a conflict of interest (回避) is declared for them;
 * - steps marked `distinctFrom` are taken by different people (the seal's approver is not its custodian);
 * - nobody acts in one matter both as supervisor and as cadre.
 * Votes and counts are the meeting's part of the same authority (`voting-authority.ts`).
 */
export function requireMayAct(
  matter: MatterForAuthority,
  person: PersonInMatter,
  role: string,
  spec: EventSpec,
): void {
  const { personId, acts: earlier } = person;
  if (spec.actorFromInput) {
    const named = (matter.inputs as Record<string, unknown>)[spec.actorFromInput];
    if (named !== personId) throw new DomainError('AUTH.NOT_NAMED_PERSON', { input: spec.actorFromInput });
  }
  if ((spec.marks ?? []).some((mark) => DECIDING_MARKS.has(mark))) {
    if (personId === matter.createdBy) throw new DomainError('SEPARATION.SELF_APPROVAL');
    const proposed = earlier.find((act) => matter.events[act.eventType]?.marks?.includes('proposal'));
    if (proposed) throw new DomainError('SEPARATION.SELF_APPROVAL', { proposedBy: proposed.eventType });
    if (person.recused) throw new DomainError('CONFLICT.RECUSED', { personId });
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
