/** JSON Schema's findings (ajv's English) in the words of a form, for the API's refusals and the console's. */
const PROBLEM_WORDS: [RegExp, (match: RegExpMatchArray) => string][] = [
  [/required property/, () => '必填'],
  [/fewer than (\d+) items/, ([, n]) => `至少 ${n} 项`],
  [/more than (\d+) items/, ([, n]) => `最多 ${n} 项`],
  [/fewer than (\d+) characters/, ([, n]) => `至少 ${n} 个字`],
  [/more than (\d+) characters/, ([, n]) => `不能超过 ${n} 个字`],
  [/format "date"/, () => '应为日期（年-月-日）'],
  [/format "yuan"/, () => '金额最多精确到分（小数点后两位）'],
  [/format "date-time"/, () => '应为日期和时间'],
  [/format "uuid"/, () => '编号格式不正确'],
  [/equal to one of|equal to constant/, () => '请从选项中选择'],
  [/duplicate items/, () => '有重复的项'],
  [/must be (number|integer)/, () => '应为数字'],
  [/must be >=? ?(\S+)/, ([, n]) => `不能小于 ${n}`],
  [/must be <=? ?(\S+)/, ([, n]) => `不能大于 ${n}`],
  [/must match pattern/, () => '格式不正确'],
  [/must be (string|boolean|object|array)/, () => '填写的类型不对'],
  [/NUL/, () => '含有不能保存的字符'],
];

/** What a schema finding (ajv's English) says, in Chinese; anything not listed is 填写不正确. */
export const problemWords = (problem: string): string => {
  for (const [pattern, words] of PROBLEM_WORDS) {
    const match = problem.match(pattern);
    if (match) return words(match);
  }
  return '填写不正确';
};
