import type { LegalBasis } from '../../workflows/index.js';
import {
  ORGANIC_LAW,
  ORGANIC_LAW_2025,
  ORGANIC_LAW_AMENDED_FROM,
  ORGANIC_LAW_RENUMBERING,
  ORGANIC_LAW_REWRITTEN,
} from '../../workflows/law/organic-law.js';

const DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals as law texts write them: 七, 十六, 二十四. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The number a Chinese numeral (up to 九十九) stands for. */
export function fromChineseNumber(text: string): number | null {
  const match = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!match || text === '') return null;
  const [, tens, ten, ones] = match;
  if (!ten) return tens && ones ? null : DIGITS.indexOf(tens || ones);
  return (tens ? DIGITS.indexOf(tens) : 1) * 10 + (ones ? DIGITS.indexOf(ones) : 0);
}

/**
 * A legal basis as it reads on a date: an Organic Law citation in the 2018 numbering becomes, from
 * 2026-01-01, a citation of the amended text with its new article numbers, the 2018 reference kept beside
 * it. A paragraph or item of an article whose list was rewritten does not carry over; an article the
 * renumbering does not cover stays in the 2018 numbering, and says so.
 */
export function basisInForce(basis: LegalBasis, onDate: string): LegalBasis {
  if (basis.law !== ORGANIC_LAW || onDate < ORGANIC_LAW_AMENDED_FROM || basis.version?.startsWith('2025')) {
    return basis;
  }
  if (!basis.article) return { ...basis, version: ORGANIC_LAW_2025 };
  let unmapped = false;
  const article = basis.article.replace(
    /第([一二三四五六七八九十]+)条((?:第[一二三四五六七八九十]+[款项])*)/g,
    (whole, numeral: string, parts: string) => {
      const old = fromChineseNumber(numeral);
      const renumbered = old === null ? undefined : ORGANIC_LAW_RENUMBERING[old];
      if (renumbered === undefined) {
        unmapped = true;
        return whole;
      }
      return `第${chineseNumber(renumbered)}条${ORGANIC_LAW_REWRITTEN.has(old!) ? '' : parts}`;
    },
  );
  if (unmapped) return { ...basis, note: [basis.note, '条号为 2018 年文本'].filter(Boolean).join('；') };
  return {
    ...basis,
    version: ORGANIC_LAW_2025,
    article,
    note: [basis.note, `2018 年文本${basis.article}`].filter(Boolean).join('；'),
  };
}
