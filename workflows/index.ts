import { BASE_CATALOG } from './catalog/base-catalog.js';
import { listAdjustmentProcedure } from './procedures/l1-list-adjustment.procedure.js';
import { baseListAdjustmentProcedure } from './procedures/l2-base-list-adjustment.procedure.js';
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
export {
  PROBLEM_CATEGORY_TITLES,
  PROBLEM_SEVERITY_TITLES,
} from './procedures/s1-problem-rectification.procedure.js';
export { CHANNEL_TITLES } from './events/disclosure-events.js';
export { DISCLOSURE_OBLIGATIONS } from './catalog/disclosure-obligations.js';
export type { ObligationRule } from './catalog/disclosure-obligations.js';

/** The supervisors' own procedures: not powers on the list, but run, checked and traced the same way. */
export const SUPERVISION_PROCEDURES: readonly ProcedureDefinition[] = [problemRectificationProcedure];

/** Procedures every village may start whatever its list says: changing the list, supervising. */
export const SYSTEM_PROCEDURES: readonly ProcedureDefinition[] = [
  listAdjustmentProcedure,
  baseListAdjustmentProcedure,
  ...SUPERVISION_PROCEDURES,
];

/** The procedures shipped with the app: the district base catalog and the system procedures. */
export const BUILTIN_PROCEDURES: readonly ProcedureDefinition[] = [...BASE_CATALOG, ...SYSTEM_PROCEDURES];

export { villageItem } from './templates/village-item.template.js';
export type { VillageItemOptions } from './templates/village-item.template.js';
export {
  villageItemFromSteps,
  stepsOfItem,
  completeChoice,
} from './templates/village-item-steps.template.js';
export type { SteppedItemOptions, StepProblem } from './templates/village-item-steps.template.js';
export { STEP_PALETTE, paletteEntry, stepKeys } from './templates/step-palette.js';
export type { StepChoice, StepKind, PaletteEntry, PaletteParameter } from './templates/step-palette.js';
export { ITEM_CODE } from './procedures/l1-list-adjustment.procedure.js';
export { NEGATIVE_LIST } from './catalog/negative-list.js';
export {
  COMPLAINT_HANDLINGS,
  COMPLAINT_LIMITS,
  COMPLAINT_RATINGS,
  COMPLAINT_SUBJECTS,
  SUPERVISION_SATISFACTION_STANDARD,
} from './catalog/complaint-rules.js';
export type {
  ComplaintHandling,
  ComplaintLimit,
  ComplaintRating,
  ComplaintSubject,
} from './catalog/complaint-rules.js';
export type { NegativeEntry } from './catalog/negative-list.js';
