import { DomainError } from '../common/errors/domain-error.js';

/**
 * A password rule a village clerk can follow, in one sentence: at least 8 characters, not only digits,
 * not a common or patterned password, not the username. No demand for symbols or mixed case: those rules
 * make people write passwords down, while guessing is what actually breaks weak ones (NIST SP 800-63B,
 * 5.1.1.2), and logins are throttled besides.
 */
export const PASSWORD_RULE = '至少 8 位，不能全是数字，不能是常见密码、连续或重复的字符，也不能包含用户名';

export const PASSWORD_MIN_LENGTH = 8;

/**
 * The most used passwords in Chinese and English leaks, as letters only (digits and symbols at either
 * end, and look-alike digits, are taken off before comparing: `Password123!` and `p@ssw0rd` are both
 * `password`).
 */
const COMMON = new Set(
  `
  password passwd admin administrator root user guest test login welcome qwerty qwertyuiop asdfgh
  asdfghjkl zxcvbn zxcvbnm qazwsx qweasd qweasdzxc iloveyou woaini woaiwojia aini nihao abc abcd
  abcde abcdef aaa aa letmein monkey dragon master sunshine princess football baseball superman
  shadow michael jennifer computer whatever trustno hello freedom secret zhang wang li liu chen
  yang huang zhao zhou wu xu sun ma cunwei cunweihui dangzhibu shuji zhuren mima yonghu changzhi
  shangdang a q z x qq wx weixin taobao baidu china zhongguo
`
    .trim()
    .split(/\s+/),
);

const LOOK_ALIKES: Record<string, string> = {
  '@': 'a',
  '0': 'o',
  '1': 'i',
  '3': 'e',
  $: 's',
  '5': 's',
  '!': 'i',
};

/** Keyboard rows and the alphabet, read both ways: a run along one of them is no secret. */
const RUNS = [
  'abcdefghijklmnopqrstuvwxyz',
  '01234567890',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  '1qaz2wsx3edc4rfv',
];

const coreLetters = (password: string) =>
  password
    .toLowerCase()
    .replace(/^[^a-z@$]+|[^a-z]+$/g, '')
    .replace(/[@0135$!]/g, (character) => LOOK_ALIKES[character] ?? character)
    .replace(/[^a-z]/g, '');

/** True when the whole password is one short chunk repeated (`aaaaaaaa`, `abcabcabc`, `12121212`). */
const isRepeated = (password: string) => /^(.{1,4})\1+$/.test(password);

/** True when the password is a stretch of one run, or of its reverse (`12345678`, `87654321`, `qwertyui`). */
const isRun = (password: string) => {
  const lower = password.toLowerCase();
  return RUNS.some((run) => {
    const reversed = [...run].reverse().join('');
    return run.includes(lower) || reversed.includes(lower) || (run + run).includes(lower);
  });
};

/** What is wrong with a new password, as the person setting it reads it; null when it may be used. */
export function passwordProblem(password: string, username?: string): string | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `密码至少 ${PASSWORD_MIN_LENGTH} 位`;
  if (/^\d+$/.test(password)) return '密码不能全是数字（生日、电话号码容易被猜到）';
  if (new Set(password.toLowerCase()).size < 4) return '密码中不同的字符太少';
  if (isRepeated(password) || isRun(password)) return '密码不能是连续或重复的字符';
  const core = coreLetters(password);
  if (core.length > 0 && (COMMON.has(core) || isRun(core) || (isRepeated(core) && core.length < 8))) {
    return '这是常见密码，很容易被猜到';
  }
  const name = username?.trim().toLowerCase();
  if (name && name.length >= 3 && password.toLowerCase().includes(name)) return '密码不能包含用户名';
  return null;
}

/** Refuses a weak new password with the rule and what is wrong, in Chinese; wherever a password is set. */
export function requireStrongPassword(password: string, username?: string): void {
  const weakness = passwordProblem(password, username);
  if (weakness) throw new DomainError('ACCOUNT.WEAK_PASSWORD', { rule: PASSWORD_RULE }, weakness);
}
