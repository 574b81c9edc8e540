import { BASE_CATALOG } from './catalog/base-catalog.js';
import type { ProcedureDefinition } from './types.js';

export { RULE_SETS, MEETING_BODIES } from './rule-sets.js';
export type { RuleSet, Threshold, TallyCount, MeetingBody } from './rule-sets.js';
export { ROLES, ROLE_TITLES } from './roles.js';
export type { Role } from './roles.js';
export type * from './types.js';

export { BASE_CATALOG };
export { CATEGORY_RULES, CATEGORY_TITLES } from './catalog/governance-rules.js';
export type { GovernanceRule, RequirementKind } from './catalog/governance-rules.js';
export { DISCLOSURE_OBLIGATIONS } from './catalog/disclosure-obligations.js';
export type { ObligationRule } from './catalog/disclosure-obligations.js';

/** The procedures shipped with the district base catalog. */
export const BUILTIN_PROCEDURES: readonly ProcedureDefinition[] = BASE_CATALOG;
