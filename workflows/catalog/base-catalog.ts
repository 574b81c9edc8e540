import { majorMatterProcedure } from '../procedures/a1-major-matter.procedure.js';
import { villagerMeetingMatterProcedure } from '../procedures/a2-villager-meeting-matter.procedure.js';
import { ballotDecisionProcedure } from '../procedures/a3-ballot-decision.procedure.js';
import { villageRulesProcedure } from '../procedures/a4-village-rules.procedure.js';
import { fundraisingProcedure } from '../procedures/a5-fundraising.procedure.js';
import { villageProjectProcedure } from '../procedures/b1-village-project.procedure.js';
import { governmentProjectProcedure } from '../procedures/b2-government-project.procedure.js';
import { procurementProcedure } from '../procedures/b3-procurement.procedure.js';
import { projectDisclosureProcedure } from '../procedures/b4-project-disclosure.procedure.js';
import { expenseClaimProcedure } from '../procedures/c1-expense-claim.procedure.js';
import { budgetProcedure } from '../procedures/c2-budget.procedure.js';
import { financialDisclosureProcedure } from '../procedures/c3-financial-disclosure.procedure.js';
import { economicAuditProcedure } from '../procedures/c4-economic-audit.procedure.js';
import { assetLeaseProcedure } from '../procedures/d1-asset-lease.procedure.js';
import { constructionLandProcedure } from '../procedures/d2-construction-land.procedure.js';
import { landContractingPlanProcedure } from '../procedures/d3-land-contracting-plan.procedure.js';
import { landAdjustmentProcedure } from '../procedures/d4-land-adjustment.procedure.js';
import { outsideContractingProcedure } from '../procedures/d5-outside-contracting.procedure.js';
import { landTransferFilingProcedure } from '../procedures/d6-land-transfer-filing.procedure.js';
import { compensationDistributionProcedure } from '../procedures/d7-compensation-distribution.procedure.js';
import { incomeDistributionProcedure } from '../procedures/d8-income-distribution.procedure.js';
import { membershipConfirmationProcedure } from '../procedures/d9-membership-confirmation.procedure.js';
import { homesteadProcedure } from '../procedures/e1-homestead.procedure.js';
import { minimumLivingAllowanceProcedure } from '../procedures/f1-minimum-living-allowance.procedure.js';
import { temporaryAssistanceProcedure } from '../procedures/f2-temporary-assistance.procedure.js';
import { extremePovertySupportProcedure } from '../procedures/f3-extreme-poverty-support.procedure.js';
import { farmlandSubsidyProcedure } from '../procedures/f4-farmland-subsidy.procedure.js';
import { reliefFundsDisclosureProcedure } from '../procedures/f5-relief-funds-disclosure.procedure.js';
import { relapseMonitoringProcedure } from '../procedures/f6-relapse-monitoring.procedure.js';
import { sealUseProcedure } from '../procedures/g1-seal-use.procedure.js';
import { certificateProcedure } from '../procedures/g2-certificate.procedure.js';
import { partyRecruitmentProcedure } from '../procedures/h1-party-recruitment.procedure.js';
import { partyAffairsDisclosureProcedure } from '../procedures/h2-party-affairs-disclosure.procedure.js';
import { democraticReviewProcedure } from '../procedures/h3-democratic-review.procedure.js';
import { workAllowanceProcedure } from '../procedures/h4-work-allowance.procedure.js';
import { villageArchivesProcedure } from '../procedures/h5-village-archives.procedure.js';
import { recallProcedure } from '../procedures/h6-recall.procedure.js';
import { villageAffairsDisclosureProcedure } from '../procedures/h7-village-affairs-disclosure.procedure.js';
import { quarterlyReportProcedure } from '../procedures/h8-quarterly-report.procedure.js';
import type { ProcedureDefinition } from '../types.js';

/** The district's base catalog (基本目录): every item with its procedure, in catalog order. */
export const BASE_CATALOG: readonly ProcedureDefinition[] = [
  majorMatterProcedure,
  villagerMeetingMatterProcedure,
  ballotDecisionProcedure,
  villageRulesProcedure,
  fundraisingProcedure,
  villageProjectProcedure,
  governmentProjectProcedure,
  procurementProcedure,
  projectDisclosureProcedure,
  expenseClaimProcedure,
  budgetProcedure,
  financialDisclosureProcedure,
  economicAuditProcedure,
  assetLeaseProcedure,
  constructionLandProcedure,
  landContractingPlanProcedure,
  landAdjustmentProcedure,
  outsideContractingProcedure,
  landTransferFilingProcedure,
  compensationDistributionProcedure,
  incomeDistributionProcedure,
  membershipConfirmationProcedure,
  homesteadProcedure,
  minimumLivingAllowanceProcedure,
  temporaryAssistanceProcedure,
  extremePovertySupportProcedure,
  farmlandSubsidyProcedure,
  reliefFundsDisclosureProcedure,
  relapseMonitoringProcedure,
  sealUseProcedure,
  certificateProcedure,
  partyRecruitmentProcedure,
  partyAffairsDisclosureProcedure,
  democraticReviewProcedure,
  workAllowanceProcedure,
  villageArchivesProcedure,
  recallProcedure,
  villageAffairsDisclosureProcedure,
  quarterlyReportProcedure,
];
