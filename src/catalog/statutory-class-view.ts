import { MEETING_BODIES, type JsonSchema, type ProcedureDefinition } from '../../workflows/index.js';
import { ruleSetOn } from '../../workflows/rule-sets.js';
import { basisInForce } from '../procedures/law-in-force.js';
import { statutoryClass, type StatutoryClass } from '../../workflows/catalog/statutory-classes.js';
import { citation } from '../procedures/checker/class-rules.js';

/** A statutory class as the catalog shows it: who decides, by which rule, after how many days' notice. */
export interface StatutoryClassView {
  code: string;
  title: string;
  deciders: {
    body: string;
    bodyTitle: string;
    ruleSet: string;
    rule: string;
    noticeDays: number;
    basis: string;
  }[];
  decidedBy: string | null;
  legalBasis: string;
  note: string | null;
}

const view = (matterClass: StatutoryClass, onDate: string): StatutoryClassView => ({
  code: matterClass.code,
  title: matterClass.title,
  deciders: matterClass.deciders.map((decider) => {
    const ruleSet = ruleSetOn(decider.ruleSet, onDate)!;
    return {
      body: decider.body,
      bodyTitle: MEETING_BODIES[decider.body],
      ruleSet: ruleSet.code,
      // The rule without the body its title starts with (村民会议：…), which the page names already.
      rule: ruleSet.title.slice(ruleSet.title.indexOf('：') + 1),
      noticeDays: ruleSet.noticeDays,
      basis: citation(ruleSet.legalBasis.map((basis) => basisInForce(basis, onDate))),
    };
  }),
  decidedBy: matterClass.decidedBy === 'township' ? '乡镇人民政府' : null,
  legalBasis: citation(matterClass.legalBasis.map((basis) => basisInForce(basis, onDate))),
  note: matterClass.note ?? null,
});

/**
 * The statutory classes an item can be: its fixed class, or every class its class input (or the input's
 * table) can name. Empty for an item the law assigns to no particular body.
 */
export function statutoryClassesOf(definition: ProcedureDefinition, onDate: string): StatutoryClassView[] {
  const source = definition.statutoryClass;
  if (source === undefined) return [];
  const shown = (found: StatutoryClass) => view(found, onDate);
  if (typeof source === 'string')
    return [statutoryClass(source)].filter((found) => found !== undefined).map(shown);
  const property = ((definition.inputSchema.properties ?? {}) as Record<string, JsonSchema>)[
    source.fromInput
  ];
  const codes = source.table ? Object.values(source.table) : ((property?.enum ?? []) as string[]);
  return [...new Set(codes)]
    .map((code) => statutoryClass(code))
    .filter((found) => found !== undefined)
    .map(shown);
}
