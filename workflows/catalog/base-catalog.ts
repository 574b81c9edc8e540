import { majorMatterProcedure } from '../procedures/a1-major-matter.procedure.js';
import { villagerMeetingMatterProcedure } from '../procedures/a2-villager-meeting-matter.procedure.js';
import { ballotDecisionProcedure } from '../procedures/a3-ballot-decision.procedure.js';
import { villageRulesProcedure } from '../procedures/a4-village-rules.procedure.js';
import { fundraisingProcedure } from '../procedures/a5-fundraising.procedure.js';
import { villageProjectProcedure } from '../procedures/b1-village-project.procedure.js';
import type { ProcedureDefinition } from '../types.js';

/** The district's base catalog (基本目录): every item with its procedure, in catalog order. */
export const BASE_CATALOG: readonly ProcedureDefinition[] = [
  majorMatterProcedure,
  villagerMeetingMatterProcedure,
  ballotDecisionProcedure,
  villageRulesProcedure,
  fundraisingProcedure,
  villageProjectProcedure,
];
