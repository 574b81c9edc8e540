import { passwordProblem } from '../../src/identity/password-rule.js';

describe('passwordProblem', () => {
  it.each([
    ['1234567', '密码至少 8 位'],
    ['12345678', '密码不能全是数字（生日、电话号码容易被猜到）'],
    ['13912345678', '密码不能全是数字（生日、电话号码容易被猜到）'],
    ['aaaaaaaa', '密码中不同的字符太少'],
    ['abcdefgh', '密码不能是连续或重复的字符'],
    ['87654321a', '这是常见密码，很容易被猜到'],
    ['qwertyui', '密码不能是连续或重复的字符'],
    ['1qaz2wsx', '密码不能是连续或重复的字符'],
    ['abcabcabc', '密码中不同的字符太少'],
    ['password', '这是常见密码，很容易被猜到'],
    ['Password123!', '这是常见密码，很容易被猜到'],
    ['p@ssw0rd', '这是常见密码，很容易被猜到'],
    ['woaini1314', '这是常见密码，很容易被猜到'],
    ['abc12345', '这是常见密码，很容易被猜到'],
    ['zhang19900101', '这是常见密码，很容易被猜到'],
  ])('refuses %s: %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it.each(['correct horse battery', '春耕-2027-北坡地', 'Dongzhuang#7Road', '王家沟二组2号院'])(
    'accepts %s, which a clerk can remember and nobody guesses first',
    (password) => {
      expect(passwordProblem(password)).toBeNull();
    },
  );

  it('refuses a password that contains the username, in any case', () => {
    expect(passwordProblem('DZ-Secretary-2026', 'dz-secretary')).toBe('密码不能包含用户名');
    expect(passwordProblem('dz-secretary-2026', 'ab')).toBeNull();
  });
});
