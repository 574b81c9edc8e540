import { MEETING_BODIES, RULE_SETS, type LegalBasis } from '../../../workflows/index.js';
import type { GovernanceRule } from '../../../workflows/catalog/governance-rules.js';
import type { StatutoryClass } from '../../../workflows/catalog/statutory-classes.js';

/** The law as a refusal cites it: title, text version, article. */
export const citation = (basis: readonly LegalBasis[]): string =>
  basis
    .map((entry) => `${entry.law}${entry.version ? `（${entry.version}）` : ''}${entry.article ?? ''}`)
    .join('；');

/** A rule set's rule without the body it names (titles read 村民会议：过半数…). */
const ruleWords = (code: string) => {
  const title = RULE_SETS.find((ruleSet) => ruleSet.code === code)?.title ?? code;
  return title.slice(title.indexOf('：') + 1);
};

/** Who may decide a class, in words: 村民会议（过半数…）或村民代表会议（三分之二…）. */
export const decidersInWords = (matterClass: StatutoryClass): string =>
  matterClass.deciders
    .map((decider) => `${MEETING_BODIES[decider.body]}（${ruleWords(decider.ruleSet)}）`)
    .join('或');

/** What a statutory class adds to its category's requirements, citing the law for each. */
export function classRules(matterClass: StatutoryClass): GovernanceRule[] {
  const basis = citation(matterClass.legalBasis);
  const rules: GovernanceRule[] = [];
  if (matterClass.deciders.length > 0) {
    rules.push({
      requirement: 'vote',
      title: `经${decidersInWords(matterClass)}表决通过`,
      deciders: matterClass.deciders,
      basis,
    });
  }
  if (matterClass.decidedBy === 'township') {
    rules.push({ requirement: 'townshipApproval', title: '乡镇人民政府审核确认', basis });
    rules.push({ requirement: 'townshipDecides', title: '由乡镇人民政府决定', basis });
  }
  return rules;
}
