import type { ManualClock } from '../../../src/common/clock.js';
import type { BenchApp } from '../common/bench-app.js';
import { expenseClaim, financeDisclosure, majorMatter, sealUse } from './template-matters.js';
import type { BenchVillage } from './village-people.js';

export interface TemplateRecipe {
  key: string;
  /** How often a village has a matter like this, relative to the others (`null`: solved for, see below). */
  weight: number | null;
  build(app: BenchApp<ManualClock>, village: BenchVillage): Promise<string>;
}

/**
 * The real matters every generated one is cloned from: the items a village runs most (seal use, expense
 * claims, monthly finance disclosures) and major matters at each stage. The weight of finished major
 * matters is solved so that matters carry the requested number of trace rows on average.
 *
 * Order matters: a recipe that lets a public period end delivers every timer due in the database, so the
 * recipes that leave a timer pending come last, and the one among them that ends a period comes first.
 */
export const RECIPES: TemplateRecipe[] = [
  { key: 'A1 done', weight: null, build: (app, village) => majorMatter(app, village, 'done') },
  {
    key: 'A1 implementation',
    weight: 2,
    build: (app, village) => majorMatter(app, village, 'implementation'),
  },
  { key: 'C3 done', weight: 10, build: (app, village) => financeDisclosure(app, village, true) },
  { key: 'C1 done', weight: 20, build: (app, village) => expenseClaim(app, village, true) },
  { key: 'C1 witnessed', weight: 3, build: (app, village) => expenseClaim(app, village, false) },
  { key: 'G1 done', weight: 25, build: (app, village) => sealUse(app, village, true) },
  { key: 'G1 requested', weight: 2, build: (app, village) => sealUse(app, village, false) },
  { key: 'A1 intake', weight: 2, build: (app, village) => majorMatter(app, village, 'intake') },
  { key: 'A1 deliberation', weight: 1, build: (app, village) => majorMatter(app, village, 'deliberation') },
  { key: 'A1 party meeting', weight: 1, build: (app, village) => majorMatter(app, village, 'partyMeeting') },
  {
    key: 'A1 resolution meeting',
    weight: 1,
    build: (app, village) => majorMatter(app, village, 'resolutionMeeting'),
  },
  { key: 'A1 drafting', weight: 1, build: (app, village) => majorMatter(app, village, 'drafting') },
  {
    key: 'A1 result public',
    weight: 0.5,
    build: (app, village) => majorMatter(app, village, 'resultPublic'),
  },
  { key: 'A1 public', weight: 1, build: (app, village) => majorMatter(app, village, 'public') },
  { key: 'C3 public', weight: 0.5, build: (app, village) => financeDisclosure(app, village, false) },
];

/** The weights with the open one solved so that the mean trace rows per matter is `target`. */
export function solveWeights(
  recipes: readonly { weight: number | null; traceRows: number }[],
  target: number,
) {
  const known = recipes.filter((recipe) => recipe.weight !== null);
  const open = recipes.find((recipe) => recipe.weight === null);
  const weightSum = known.reduce((sum, recipe) => sum + recipe.weight!, 0);
  const rowSum = known.reduce((sum, recipe) => sum + recipe.weight! * recipe.traceRows, 0);
  // open·rows + rowSum = target·(weightSum + open)
  const solved = open ? (target * weightSum - rowSum) / (open.traceRows - target) : 0;
  if (open && !(solved >= 0)) {
    throw new Error(`No mix of the template matters averages ${target} trace rows per matter`);
  }
  return recipes.map((recipe) => recipe.weight ?? solved);
}
