import { labelOf } from '../common/field-words.js';
import { isDomainError } from '../common/errors/domain-error.js';

/** A schema check's finding, as `describeSchemaErrors` reports it. */
interface SchemaProblem {
  field: string;
  problem: string;
}

/** JSON Schema's findings (ajv's English) in the words of a form; anything else is 填写不正确. */
const PROBLEM_WORDS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/required property/, () => '必填'],
  [/fewer than (\d+) items/, ([, n]) => `至少 ${n} 项`],
  [/more than (\d+) items/, ([, n]) => `最多 ${n} 项`],
  [/fewer than (\d+) characters/, ([, n]) => `至少 ${n} 个字`],
  [/more than (\d+) characters/, ([, n]) => `不能超过 ${n} 个字`],
  [/format "date"/, () => '应为日期（年-月-日）'],
  [/format "yuan"/, () => '金额最多精确到分（小数点后两位）'],
  [/equal to one of|equal to constant/, () => '请从选项中选择'],
  [/duplicate items/, () => '有重复的项'],
  [/must be (number|integer)/, () => '应为数字'],
  [/must be >=? ?(\S+)/, ([, n]) => `不能小于 ${n}`],
  [/must be <=? ?(\S+)/, ([, n]) => `不能大于 ${n}`],
  [/must match pattern/, () => '格式不正确'],
  [/NUL/, () => '含有不能保存的字符'],
];

const wordsFor = (problem: string): string => {
  for (const [pattern, words] of PROBLEM_WORDS) {
    const match = problem.match(pattern);
    if (match) return words(match);
  }
  return '填写不正确';
};

/**
 * The fields a refusal names, each with what is wrong in Chinese: shown beside the field at fault and in
 * the message at the top. A refusal without field findings gives none.
 */
export function fieldProblemsOf(error: unknown): Record<string, string> {
  if (!isDomainError(error)) return {};
  const problems = (error.details as { problems?: SchemaProblem[] } | undefined)?.problems ?? [];
  const found: Record<string, string> = {};
  for (const { field, problem } of problems) {
    // `investigators.1` (an item of a list) is the list's field.
    const name = field.split('.')[0];
    if (name && !name.startsWith('(')) found[name] ??= wordsFor(problem);
  }
  return found;
}

/** The message at the top of a refused form: the refusal, then each field at fault by its label. */
export function refusalText(message: string, problems: Record<string, string>): string {
  const named = Object.entries(problems).map(([name, words]) => `${labelOf(name)}：${words}`);
  return named.length ? `${message}。请检查：${named.join('；')}` : message;
}
