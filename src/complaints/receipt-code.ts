import { createHash, randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A receipt code for an anonymous complaint: 80 random bits as 16 characters in groups of four
 * (`7K3M-…`). Only its hash is stored; whoever holds the code may track the complaint and rate the answer.
 */
export function newReceiptCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let index = 0; index < 16; index++) {
    code = ALPHABET[Number(bits & 31n)] + code;
    bits >>= 5n;
  }
  return code.match(/.{4}/g)!.join('-');
}

/** The code as typed back: case, dashes and spaces ignored, O read as 0 and I or L as 1; null if malformed. */
export function normalisedReceiptCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(code) ? code : null;
}

export const receiptHashOf = (normalised: string) => createHash('sha256').update(normalised).digest('hex');
