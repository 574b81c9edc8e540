import { BUILTIN_PROCEDURES, type ProcedureDefinition } from '../../workflows/index.js';
import { checkDefinition } from '../../src/procedures/definition-checker.js';
import { ADVERSARIAL_CORPUS, mutated, type AdversarialCase } from '../fixtures/adversarial/index.js';

const base = (id: string): ProcedureDefinition => {
  const found = BUILTIN_PROCEDURES.find((definition) => definition.id === id);
  if (!found) throw new Error(`no built-in procedure ${id}`);
  return found;
};

const fragments = (expected: AdversarialCase['expect']) =>
  expected.message === undefined ? [] : [expected.message].flat();

describe(`${checkDefinition.name} on the adversarial corpus`, () => {
  it('holds at least 45 cases, with unique names, several for each technique', () => {
    expect(ADVERSARIAL_CORPUS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(ADVERSARIAL_CORPUS.map((entry) => entry.name)).size).toBe(ADVERSARIAL_CORPUS.length);
    const perTechnique = new Map<string, number>();
    for (const entry of ADVERSARIAL_CORPUS)
      perTechnique.set(entry.technique, (perTechnique.get(entry.technique) ?? 0) + 1);
    expect([...perTechnique].filter(([, count]) => count < 2)).toEqual([]);
  });

  // Without this, a checker that refuses everything would pass the corpus.
  it.each([...new Set(ADVERSARIAL_CORPUS.map((entry) => entry.base))])(
    'passes the unmutated base item %s',
    (id) => {
      expect(checkDefinition(base(id))).toEqual([]);
    },
  );

  describe.each(ADVERSARIAL_CORPUS.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
    it(`is refused with ${entry.expect.code} (${entry.technique}: ${entry.why})`, () => {
      const issues = checkDefinition(mutated(base(entry.base), entry.mutate));
      const matching = issues.filter(
        (issue) =>
          issue.code === entry.expect.code &&
          fragments(entry.expect).every((fragment) => issue.message.includes(fragment)),
      );
      // On failure, the issues the checker did give are the useful part of the report.
      expect({ refused: issues.length > 0, matching: matching.length > 0, issues }).toMatchObject({
        refused: true,
        matching: true,
      });
    });
  });
});
