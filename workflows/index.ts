import { BASE_CATALOG } from './catalog/base-catalog.js';
import { problemRectificationProcedure } from './procedures/s1-problem-rectification.procedure.js';
import type { ProcedureDefinition } from './types.js';

export { RULE_SETS, MEETING_BODIES } from './rule-sets.js';
export type { RuleSet, Threshold, TallyCount, MeetingBody } from './rule-sets.js';
export { ROLES, ROLE_TITLES } from './roles.js';
export type { Role } from './roles.js';
export type * from './types.js';

export { BASE_CATALOG };
export { CATEGORY_RULES, CATEGORY_TITLES, POWER_CATEGORIES } from './catalog/governance-rules.js';
export type { GovernanceRule, RequirementKind } from './catalog/governance-rules.js';
export { DISCLOSURE_OBLIGATIONS } from './catalog/disclosure-obligations.js';
export type { ObligationRule } from './catalog/disclosure-obligations.js';

/** The supervisors' own procedures: not powers on the list, but run, checked and traced the same way. */
export const SUPERVISION_PROCEDURES: readonly ProcedureDefinition[] = [problemRectificationProcedure];

/** The procedures shipped with the app: the district base catalog and the supervision procedures. */
export const BUILTIN_PROCEDURES: readonly ProcedureDefinition[] = [
  ...BASE_CATALOG,
  ...SUPERVISION_PROCEDURES,
];
