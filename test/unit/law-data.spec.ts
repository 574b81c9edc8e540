import { RULE_SETS, type RuleSet, type Threshold } from '../../workflows/index.js';
import { STATUTORY_CLASSES } from '../../workflows/catalog/statutory-classes.js';
import { BODY_FLOOR_RULE_SETS, MEETING_BODIES } from '../../workflows/rule-sets.js';
import { majorMatterProcedure } from '../../workflows/procedures/a1-major-matter.procedure.js';
import { ruleSetAtLeast, thresholdImplies } from '../../src/procedures/rule-strength.js';

const ruleSet = (code: string): RuleSet => RULE_SETS.find((candidate) => candidate.code === code)!;

describe('the law as data', () => {
  it('gives every rule set a villager meeting or member assembly may use its ten days’ notice (组织法第二十一条, 集体经济组织法第二十七条)', () => {
    const assemblies = RULE_SETS.filter((candidate) =>
      candidate.bodies.some((body) => body === 'villagers' || body === 'collectiveMembers'),
    );
    expect(assemblies.map((candidate) => candidate.code)).toEqual(
      expect.arrayContaining(['villager-meeting', 'land-two-thirds', 'recall', 'collective-assembly']),
    );
    for (const candidate of assemblies)
      expect({ code: candidate.code, notice: candidate.noticeDays >= 10 }).toEqual({
        code: candidate.code,
        notice: true,
      });
  });

  it('cites an article and a text version for every rule set of national law', () => {
    for (const candidate of RULE_SETS) {
      for (const basis of candidate.legalBasis.filter((entry) => !entry.localPractice)) {
        expect({
          code: candidate.code,
          law: basis.law,
          article: Boolean(basis.article),
          version: Boolean(basis.version),
        }).toEqual({
          code: candidate.code,
          law: basis.law,
          article: true,
          version: true,
        });
      }
    }
  });

  it('holds every rule set to the floor of each body it may govern', () => {
    for (const candidate of RULE_SETS) {
      for (const body of candidate.bodies) {
        expect({
          code: candidate.code,
          body,
          lawful: ruleSetAtLeast(candidate, ruleSet(BODY_FLOOR_RULE_SETS[body])),
        }).toEqual({
          code: candidate.code,
          body,
          lawful: true,
        });
      }
    }
  });

  it('names for every statutory class only bodies and rule sets that exist and fit each other', () => {
    for (const entry of STATUTORY_CLASSES) {
      expect(entry.legalBasis.length).toBeGreaterThan(0);
      for (const decider of entry.deciders) {
        expect(decider.body in MEETING_BODIES).toBe(true);
        expect(ruleSet(decider.ruleSet).bodies).toContain(decider.body);
      }
      expect(
        entry.deciders.length > 0 || entry.decidedBy !== undefined || entry.code === 'landTransferFiling',
      ).toBe(true);
    }
  });

  it('lets the member representative assembly decide none of what 集体经济组织法第二十八条 keeps from it', () => {
    for (const code of ['homesteadPlan', 'landCompensation', 'membershipConfirmation']) {
      const entry = STATUTORY_CLASSES.find((candidate) => candidate.code === code)!;
      expect(entry.deciders.map((decider) => decider.body)).not.toContain('representatives');
    }
  });

  it('gives A1 a rule set for every body a class allows, and none for a body it does not', () => {
    const table = majorMatterProcedure.parameters.resolutionRuleSets as Record<string, string>;
    expect(table['representatives/landCompensation']).toBeUndefined();
    expect(table['villagers/landCompensation']).toBe('collective-assembly');
    expect(table['representatives/landContractingPlan']).toBe('land-two-thirds-representatives');
    expect(table['representatives/publicWelfareProject']).toBe('representative-meeting');
  });
});

describe(ruleSetAtLeast.name, () => {
  it('ranks two thirds of all members above a majority of those present, not the other way round', () => {
    expect(
      ruleSetAtLeast(ruleSet('collective-representative-assembly'), ruleSet('representative-meeting')),
    ).toBe(true);
    expect(
      ruleSetAtLeast(ruleSet('representative-meeting'), ruleSet('collective-representative-assembly')),
    ).toBe(false);
  });

  it('counts notice: a rule set with shorter notice is weaker however it counts votes', () => {
    const noNotice = { ...ruleSet('collective-assembly'), noticeDays: 0 };
    expect(ruleSetAtLeast(noNotice, ruleSet('collective-assembly'))).toBe(false);
  });

  it('reads "more than half" as stronger than "half or more" at the same ratio', () => {
    const moreThanHalf: Threshold = { count: 'yes', of: 'present', ratio: [1, 2], comparison: 'moreThan' };
    const halfOrMore: Threshold = { ...moreThanHalf, comparison: 'atLeast' };
    expect(thresholdImplies(moreThanHalf, halfOrMore)).toBe(true);
    expect(thresholdImplies(halfOrMore, moreThanHalf)).toBe(false);
  });

  it('does not let a villager meeting’s majority stand for two thirds of its members (land)', () => {
    expect(ruleSetAtLeast(ruleSet('villager-meeting'), ruleSet('land-two-thirds'))).toBe(false);
  });
});
