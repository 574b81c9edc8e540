import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './errors/domain-error.js';

/**
 * How deep a JSON body may nest. The deepest procedure definition of `workflows/` nests 14 levels, and a
 * list change carries one four levels down; validators and the definition checker recurse, and a body of
 * a few thousand levels (well inside the size limit) overflows their stack.
 */
export const MAX_BODY_DEPTH = 64;

const tooDeep = () =>
  new DomainError('REQUEST.INVALID', { maxDepth: MAX_BODY_DEPTH }, `请求正文嵌套超过 ${MAX_BODY_DEPTH} 层`);
/**
 * PostgreSQL text cannot hold U+0000: in an address (a code, a version) it would fail the query as a
 * server error. Bodies keep theirs: the engine refuses and traces such a payload like any invalid one.
 */
const nulInAddress = () => new DomainError('REQUEST.INVALID', {}, '地址中不能含有空字符（%00）');

/**
 * A UTF-16 surrogate without its partner: JSON may spell one (`"\ud800"`), but it is no character, and
 * PostgreSQL refuses to store it (a jsonb escape it cannot convert), which would surface as a server error.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const loneSurrogate = () =>
  new DomainError('REQUEST.INVALID', {}, '文字中含有无效的字符（不成对的代理项），请检查后重新输入');

type Problem = 'tooDeep' | 'loneSurrogate' | null;

/** Walks parsed input (body or query) without recursion, so the walk cannot overflow what it guards against. */
function problemIn(input: unknown): Problem {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) return 'loneSurrogate';
      continue;
    }
    if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) continue;
    if (depth >= MAX_BODY_DEPTH) return 'tooDeep';
    for (const [key, child] of Object.entries(value)) {
      if (LONE_SURROGATE.test(key)) return 'loneSurrogate';
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/**
 * Runs after the body parsers: input no handler could check or look up safely is refused in the one
 * error shape before it reaches validation, the definition checker or the database.
 */
export function refuseUnsafeInput(request: Request, _response: Response, next: NextFunction): void {
  if (/%00/.test(request.url)) return next(nulInAddress());
  const problem = problemIn(request.body) ?? problemIn(request.query);
  next(problem === 'tooDeep' ? tooDeep() : problem === 'loneSurrogate' ? loneSurrogate() : undefined);
}
