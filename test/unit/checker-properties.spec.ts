import fc from 'fast-check';
import { BUILTIN_PROCEDURES, type ProcedureDefinition } from '../../workflows/index.js';
import { probesFor } from '../../src/procedures/checker/governance-check.js';
import { checkDefinition } from '../../src/procedures/definition-checker.js';
import { buildProcedure } from '../../src/procedures/machine-builder.js';
import { ADVERSARIAL_CORPUS, mutated } from '../fixtures/adversarial/index.js';
import { mutantOf } from '../support/definition-mutants.js';
import { findViolations } from '../support/governance-oracle.js';

/**
 * The checker against an oracle written apart from it (`test/support/governance-oracle.ts`): whatever
 * the checker accepts, the oracle, running the built machine, must find no path to a carried-out ending
 * that skips a required step, and no ending of a township-decided matter the township did not make.
 */

/**
 * Items of every category with a statutory class, a route, a tender, a seal, a township decision, or a
 * 民主测评.
 */
const BASES = ['A3', 'B1', 'C1', 'D7', 'D9', 'E1', 'F1', 'F2', 'F3', 'G1', 'G2', 'H3', 'H6'].map((id) =>
  BUILTIN_PROCEDURES.find((definition) => definition.id === id)!,
);
/**
 * A failure prints fast-check's seed and path; FC_SEED (and FC_RUNS) replay it. No shrinking: a mutant is
 * one change, already small. FC_STATS=1 prints how many mutants got each verdict.
 */
const SEED = Number(process.env.FC_SEED ?? 20260305);
const RUNS = Number(process.env.FC_RUNS ?? 120);

/** The oracle's verdict on a definition, built for running only (the checker's verdict is the subject). */
const violationsIn = (definition: ProcedureDefinition) => {
  const built = buildProcedure(definition, {}, 'structure');
  return findViolations(built, probesFor(definition, built.config));
};

describe(`${checkDefinition.name} against an oracle`, () => {
  it.each(BASES.map((definition) => [definition.id, definition] as const))(
    'finds, like the checker, nothing missing in the unmutated %s',
    (_id, definition) => {
      expect(checkDefinition(definition)).toEqual([]);
      expect(violationsIn(definition)).toEqual([]);
    },
  );

  // The oracle must be able to fail the property: it sees the skipped step in corpus cases that only
  // skip steps (payload values it can send, no change of shape), run as they would be.
  it.each(
    [
      'a1-title-magic-value',
      'g1-purpose-magic-value',
      'b1-all-of-amount-and-body',
      'a1-urgent-plan',
      'a1-few-objections-close',
      'b1-failed-tender-loops-as-vote',
      'b1-tender-threshold-raised',
      'a1-land-compensation-by-simple-majority',
      'a1-class-not-read-by-the-rule-table',
      'a1-second-meeting-on-entry',
      'f2-village-refuses-after-emergency-aid',
      'f3-village-refuses-returned-application',
      'g1-seal-use-unmarked',
      'b1-award-unmarked',
      'h3-no-quorum-goes-on',
      'h3-counted-or-no-quorum',
      'h3-end-without-closing',
    ].map((name) => [name, ADVERSARIAL_CORPUS.find((entry) => entry.name === name)!] as const),
  )('sees what corpus case %s skips', (_name, entry) => {
    const base = BUILTIN_PROCEDURES.find((definition) => definition.id === entry.base)!;
    expect(violationsIn(mutated(base, entry.mutate)).length).toBeGreaterThan(0);
  });

  it('accepts no mutant of the bases that the oracle finds a way around', () => {
    let refused = 0;
    let accepted = 0;
    fc.assert(
      fc.property(mutantOf(BASES), (mutant) => {
        if (checkDefinition(mutant.definition).length > 0) {
          refused++;
          return true;
        }
        accepted++;
        const violations = violationsIn(mutant.definition);
        if (violations.length > 0) {
          throw new Error(
            `checker accepted ${mutant.base} after “${mutant.change}”, but the oracle found: ` +
              JSON.stringify(violations.slice(0, 3), null, 1),
          );
        }
        return true;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    if (process.env.FC_STATS) console.error({ refused, accepted });
    // Both verdicts must occur, or the property says little: mutants all refused test only the refusals.
    expect({ refused: refused > 0, accepted: accepted > 0 }).toEqual({ refused: true, accepted: true });
  });
});
