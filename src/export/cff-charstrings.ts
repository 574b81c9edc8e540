/**
 * Type 2 charstrings (Adobe TN #5177) with their subroutine calls replaced by the subroutines' bodies.
 *
 * Noto's CJK fonts share outline pieces through some 23,000 subroutines. A subset that keeps the calls must
 * keep every subroutine number valid, which costs tens of kilobytes of placeholders even for one glyph;
 * with the calls inlined, a glyph carries only its own outline and the subset needs no subroutines at all.
 */

/** A subroutine's place in the font file, as fontkit's CFF index gives it. */
export interface CharstringEntry {
  offset: number;
  length: number;
}

/** Reads bytes of the font file: fontkit's stream over the CFF table. */
export interface CharstringSource {
  pos: number;
  readBuffer(length: number): Uint8Array;
}

export interface Subroutines {
  source: CharstringSource;
  local: readonly CharstringEntry[];
  global: readonly CharstringEntry[];
}

/** Thrown for what this inliner does not follow; the caller then keeps the subroutines instead. */
export class UnsupportedCharstringError extends Error {}

const CALLSUBR = 10;
const RETURN = 11;
const ESCAPE = 12;
const ENDCHAR = 14;
const CALLGSUBR = 29;
const SHORTINT = 28;
const STEM_OPERATORS = new Set([1, 3, 18, 23]); // hstem, vstem, hstemhm, vstemhm
const MASK_OPERATORS = new Set([19, 20]); // hintmask, cntrmask
/** Escaped operators from here on are the flex family, which clear the stack like any path operator. */
const FIRST_FLEX = 34;
/** The Type 2 limit on subroutine nesting. */
const MAX_DEPTH = 10;

/** The number subroutine indices are stored relative to, by the size of the index (TN #5177, 4.7). */
const bias = (count: number) => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

/** A number operand's value and its length in bytes, starting at `at`. */
function operand(bytes: Uint8Array, at: number): [value: number, length: number] {
  const b0 = bytes[at];
  if (b0 === SHORTINT) return [((bytes[at + 1] << 24) >> 16) | bytes[at + 2], 3];
  if (b0 <= 246) return [b0 - 139, 1];
  if (b0 <= 250) return [(b0 - 247) * 256 + bytes[at + 1] + 108, 2];
  if (b0 <= 254) return [-(b0 - 251) * 256 - bytes[at + 1] - 108, 2];
  // 16.16 fixed point: never a subroutine index, so its value is not needed.
  return [Number.NaN, 5];
}

/**
 * One glyph's charstring with every callsubr/callgsubr replaced by the subroutine it calls. Everything else
 * is copied byte for byte; stem hints are counted only to know how many mask bytes follow a hintmask.
 */
export function inlineSubroutines(charstring: Uint8Array, subroutines: Subroutines): Uint8Array {
  const out: number[] = [];
  /** Where each operand on the stack starts in `out`, so a subroutine index can be taken back out. */
  const stack: { value: number; at: number }[] = [];
  let stems = 0;
  let ended = false;

  const copy = (bytes: Uint8Array, from: number, length: number) => {
    for (let index = from; index < from + length; index++) out.push(bytes[index]);
  };

  const read = (entries: readonly CharstringEntry[], index: number): Uint8Array => {
    const entry = entries[index];
    if (!entry) throw new UnsupportedCharstringError(`No subroutine ${index}`);
    subroutines.source.pos = entry.offset;
    return subroutines.source.readBuffer(entry.length);
  };

  const run = (bytes: Uint8Array, depth: number): void => {
    if (depth > MAX_DEPTH) throw new UnsupportedCharstringError('Subroutines nest too deep');
    let at = 0;
    while (at < bytes.length && !ended) {
      const op = bytes[at];
      if (op === SHORTINT || op >= 32) {
        const [value, length] = operand(bytes, at);
        stack.push({ value, at: out.length });
        copy(bytes, at, length);
        at += length;
      } else if (op === CALLSUBR || op === CALLGSUBR) {
        const index = stack.pop();
        if (!index || !Number.isInteger(index.value))
          throw new UnsupportedCharstringError('No subroutine index');
        out.length = index.at;
        const entries = op === CALLSUBR ? subroutines.local : subroutines.global;
        run(read(entries, index.value + bias(entries.length)), depth + 1);
        at += 1;
      } else if (op === RETURN) {
        return;
      } else if (op === ESCAPE) {
        // Arithmetic and storage operators would make the stack depth, and so the hint count, unknowable.
        if (bytes[at + 1] < FIRST_FLEX) throw new UnsupportedCharstringError(`Operator 12 ${bytes[at + 1]}`);
        out.push(op, bytes[at + 1]);
        stack.length = 0;
        at += 2;
      } else {
        // An odd operand count before the first stems includes the advance width; pairs are the stems.
        if (STEM_OPERATORS.has(op) || MASK_OPERATORS.has(op)) stems += stack.length >> 1;
        const maskBytes = MASK_OPERATORS.has(op) ? (stems + 7) >> 3 : 0;
        copy(bytes, at, 1 + maskBytes);
        stack.length = 0;
        ended = op === ENDCHAR;
        at += 1 + maskBytes;
      }
    }
  };

  run(charstring, 0);
  return Uint8Array.from(out);
}
