import type request from 'supertest';
import { errorShapeProblem } from './calls.js';
import { changesBetween, type DatabaseDigest } from './database-digest.js';
import { isApi, type RouteKey } from './route-listing.js';

const OWN_PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const INJECTED_SCRIPT = '<script>alert(1)</script>';

/**
 * What is wrong with the answer to a hostile request, in words: a 5xx, a refusal outside the one error
 * shape, a refusal that changed data (beyond its one refusal trace row), a polluted Object prototype
 * (the app runs in this process), or a script sent back into a page as markup.
 */
export function fuzzProblems(
  key: RouteKey,
  response: request.Response,
  before: DatabaseDigest,
  after: DatabaseDigest,
): string[] {
  const problems: string[] = [];
  if (response.status >= 500) problems.push(`answered ${response.status}: ${response.text.slice(0, 300)}`);
  if (response.status >= 400 && isApi(key)) {
    const shape = errorShapeProblem(response.body);
    if (shape) problems.push(`refused ${response.status} outside the error shape: ${shape}`);
  }
  if (response.status >= 400) {
    problems.push(...changesBetween(before, after, 1).map((change) => `refused, yet ${change}`));
  }
  const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  if (prototypeKeys.join() !== OWN_PROTOTYPE_KEYS.join()) {
    problems.push(
      `Object.prototype now has ${prototypeKeys.filter((name) => !OWN_PROTOTYPE_KEYS.includes(name)).join(', ')}`,
    );
  }
  if (/html/.test(String(response.headers['content-type'])) && response.text.includes(INJECTED_SCRIPT)) {
    problems.push('a script from the request came back as markup');
  }
  return problems;
}
