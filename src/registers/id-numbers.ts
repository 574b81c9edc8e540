import { createHmac } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** An 18-digit resident ID number (GB 11643), upper-case X, if it is one whose check digit adds up. */
export function validIdNumber(text: string): string | null {
  const id = text.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return null;
  const sum = WEIGHTS.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return CHECK[sum % 11] === id[17] ? id : null;
}

/** The number as registers and exports show it: the region code and the last four, the rest hidden. */
export const maskIdNumber = (id: string): string => `${id.slice(0, 6)}********${id.slice(14)}`;

export const isMasked = (text: string): boolean => text.includes('*');

/**
 * The salted hash an ID number is kept as: enough to tell two people of one name apart and to find a
 * person again on the next import, nothing to read the number back from.
 */
export const hashIdNumber = (id: string, salt: string): string =>
  createHmac('sha256', salt).update(id).digest('hex');
