import type { StepEntry } from '../compose/compose.js';
import type { RuleSetSource } from '../fragments/meeting-stage.js';
import { param } from '../fragments/refs.js';
import { deliberation, proposal, publicNotice, resolution } from '../steps/presets.js';

/**
 * The opening of most collective property and land items: a plan, the two committees, a vote under a
 * two-thirds rule set, and the resolution posted.
 */
export function collectiveDecisionSteps(options: {
  planTitle: string;
  planDescription: string;
  voteTitle: string;
  body?: 'representatives' | 'villagers' | 'collectiveMembers' | { fromInput: string };
  /** The vote's rule set: the `voteRuleSet` parameter unless the body's choice picks it. */
  ruleSet?: RuleSetSource;
}): StepEntry[] {
  return [
    { key: 'proposal', step: proposal(options.planTitle, options.planDescription) },
    { key: 'deliberation', step: deliberation() },
    {
      key: 'resolutionMeeting',
      step: resolution({
        title: options.voteTitle,
        body: options.body ?? { fromInput: 'decidingBody' },
        ruleSet: options.ruleSet ?? param('voteRuleSet'),
      }),
    },
    {
      key: 'resolutionDisclosure',
      step: publicNotice('表决结果公示', 'resolution', param('resolutionPublicPeriod')),
    },
  ];
}
