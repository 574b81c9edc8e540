import { basisInForce, chineseNumber, fromChineseNumber } from '../../src/procedures/law-in-force.js';

const organic = (article: string) => ({
  law: '中华人民共和国村民委员会组织法',
  version: '2018-12-29',
  article,
});

describe(basisInForce.name, () => {
  it('cites the 2018 text for a matter before 2026-01-01', () => {
    expect(basisInForce(organic('第二十二条'), '2025-12-31')).toEqual(organic('第二十二条'));
  });

  it('cites the amended text with its new numbers from 2026-01-01, the old reference beside it', () => {
    expect(basisInForce(organic('第二十二条'), '2026-01-01')).toEqual({
      law: '中华人民共和国村民委员会组织法',
      version: '2025-10-28 修正，2026-01-01 施行',
      article: '第二十六条',
      note: '2018 年文本第二十二条',
    });
    expect(basisInForce(organic('第二十一条至第二十六条、第三十条'), '2026-03-02').article).toBe(
      '第二十五条至第三十条、第三十五条',
    );
    expect(basisInForce(organic('第十六条'), '2026-03-02').article).toBe('第十九条');
  });

  it('drops a paragraph or item of an article whose list the amendment rewrote', () => {
    expect(basisInForce(organic('第二十四条第一款第七项'), '2026-03-02').article).toBe('第二十八条');
    expect(basisInForce(organic('第二十七条第一款'), '2026-03-02').article).toBe('第三十一条第一款');
  });

  it('keeps an article the renumbering does not cover in the 2018 numbering, and says so', () => {
    expect(basisInForce(organic('第五条'), '2026-03-02')).toMatchObject({
      article: '第五条',
      note: '条号为 2018 年文本',
    });
  });

  it('leaves other laws alone', () => {
    const collective = {
      law: '中华人民共和国农村集体经济组织法',
      version: '2024-06-28',
      article: '第二十七条',
    };
    expect(basisInForce(collective, '2026-03-02')).toBe(collective);
  });
});

describe('Chinese numerals', () => {
  it('reads and writes the numbers of articles', () => {
    for (const n of [1, 9, 10, 11, 16, 20, 24, 41, 50]) expect(fromChineseNumber(chineseNumber(n))).toBe(n);
    expect(chineseNumber(28)).toBe('二十八');
    expect(fromChineseNumber('十')).toBe(10);
    expect(fromChineseNumber('百')).toBeNull();
  });
});
