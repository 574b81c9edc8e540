import { majorMatterProcedure } from './procedures/a1-major-matter.procedure.js';
import type { ProcedureDefinition } from './types.js';

export { RULE_SETS, MEETING_BODIES } from './rule-sets.js';
export type { RuleSet, Threshold, TallyCount, MeetingBody } from './rule-sets.js';
export { ROLES, ROLE_TITLES } from './roles.js';
export type { Role } from './roles.js';
export type * from './types.js';

/** The procedures shipped with the district base catalog. */
export const BUILTIN_PROCEDURES: readonly ProcedureDefinition[] = [majorMatterProcedure];
