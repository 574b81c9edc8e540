import { labelOf } from '../common/field-words.js';
import { isDomainError } from '../common/errors/domain-error.js';
import type { SchemaProblem } from '../common/json-schema.js';
import { problemWords } from '../common/schema-problem-words.js';

/**
 * The fields a refusal names, each with what is wrong in Chinese: shown beside the field at fault and in
 * the message at the top. A refusal without field findings gives none.
 */
export function fieldProblemsOf(error: unknown): Record<string, string> {
  if (!isDomainError(error)) return {};
  const problems = (error.details as { problems?: SchemaProblem[] } | undefined)?.problems ?? [];
  const found: Record<string, string> = {};
  for (const { field, problem, words } of problems) {
    // `investigators.1` (an item of a list) is the list's field.
    const name = field.split('.')[0];
    if (name && !name.startsWith('(')) found[name] ??= words ?? problemWords(problem);
  }
  return found;
}

/** The message at the top of a refused form: the refusal, then each field at fault by its label. */
export function refusalText(message: string, problems: Record<string, string>): string {
  const named = Object.entries(problems).map(([name, words]) => `${labelOf(name)}：${words}`);
  return named.length ? `${message}。请检查：${named.join('；')}` : message;
}
